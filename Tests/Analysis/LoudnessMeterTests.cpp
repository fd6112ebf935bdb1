// The loudness meter against EBU Tech 3341 (cases 1-6 and 9-23) and Tech
// 3342 (LRA cases 1-4), synthesised here from the specifications'
// definitions (../shared/STANDARDS.md) at 44.1, 48 and 96 kHz, and read
// within the specifications' tolerances: +-0.1 LU for loudness, +0.2/-0.4 dB
// for true peak, +-1 LU for LRA.
#include "Analysis/LoudnessMeter.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <numbers>
#include <vector>

using namespace crest;

namespace
{
constexpr double rates[] = { 44100.0, 48000.0, 96000.0 };

// Feeds a meter segments of a stereo (or wider) 1 kHz sine whose phase runs
// on across segments, in 10 ms pieces, calling `afterPiece` after each.
class SineFeeder
{
public:
    SineFeeder (LoudnessMeter& m, std::function<void()> after = {}) : meter (m), afterPiece (std::move (after)) {}

    // `seconds` of the tone at `peakDb` dBFS per channel (a level per
    // channel if given; -inf dB for silence).
    void tone (double seconds, double peakDb) { tone (seconds, std::vector<double> ((size_t) meter.channels(), peakDb)); }

    void tone (double seconds, const std::vector<double>& peakDbPerChannel)
    {
        const double rate = meter.sampleRate();
        const int channels = meter.channels();
        auto frames = (int64_t) std::llround (seconds * rate);
        const int piece = (int) std::lround (rate / 100);
        std::vector<float> buffer ((size_t) (piece * channels));
        while (frames > 0)
        {
            const int n = (int) std::min<int64_t> (piece, frames);
            for (int i = 0; i < n; ++i)
            {
                const double s = std::sin (2 * std::numbers::pi * 1000.0 * (double) position++ / rate);
                for (int ch = 0; ch < channels; ++ch)
                {
                    const double db = peakDbPerChannel[(size_t) ch];
                    buffer[(size_t) (i * channels + ch)] = std::isfinite (db) ? (float) (std::pow (10.0, db / 20) * s) : 0.0f;
                }
            }
            meter.add (buffer.data(), n);
            frames -= n;
            if (afterPiece)
                afterPiece();
        }
    }

    void silence (double seconds) { tone (seconds, -INFINITY); }

private:
    LoudnessMeter& meter;
    std::function<void()> afterPiece;
    int64_t position = 0;
};

LoudnessReading sineReading (double rate, const std::vector<std::pair<double, double>>& segments)
{
    LoudnessMeter meter (2, rate);
    SineFeeder feed (meter);
    for (const auto& [seconds, db] : segments)
        feed.tone (seconds, db);
    return meter.reading();
}

// The true peak of `samples` (stereo, the same in both channels).
double truePeakOf (const std::vector<float>& mono, double rate)
{
    LoudnessMeter meter (2, rate);
    std::vector<float> stereo (mono.size() * 2);
    for (size_t i = 0; i < mono.size(); ++i)
        stereo[2 * i] = stereo[2 * i + 1] = mono[i];
    meter.add (stereo.data(), (int64_t) mono.size());
    return meter.reading().truePeakDbtp;
}

// Cases 15-19: a sine at a fraction of the rate, 10 ms raised-cosine fades.
std::vector<float> fadedSine (double rate, double cyclesPerSample, double amplitude, double phaseDegrees)
{
    const int frames = (int) rate, fade = (int) (0.01 * rate);
    std::vector<float> x ((size_t) frames);
    for (int i = 0; i < frames; ++i)
    {
        const double edge = std::min ({ 1.0, (double) i / fade, (double) (frames - 1 - i) / fade });
        const double envelope = 0.5 - 0.5 * std::cos (std::numbers::pi * edge);
        x[(size_t) i] = (float) (amplitude * envelope * std::sin (2 * std::numbers::pi * cyclesPerSample * i + phaseDegrees * std::numbers::pi / 180));
    }
    return x;
}

// Cases 20-23: an fs/6 tone at 0.5 with one period of fs/4 at 1.0 spliced in
// (phase-continuous: both start at a rising zero crossing), made at 4 fs,
// low-passed below fs/2 and decimated keeping every 4th sample from `offset`.
std::vector<float> splicedPeak (double rate, int offset)
{
    std::vector<double> fine;
    auto addPeriods = [&fine] (int samplesPerPeriod, int periods, double amplitude) {
        for (int i = 0; i < samplesPerPeriod * periods; ++i)
            fine.push_back (amplitude * std::sin (2 * std::numbers::pi * i / samplesPerPeriod));
    };
    const int periodsEachSide = (int) (0.5 * rate / 6);   // half a second of fs/6
    addPeriods (24, periodsEachSide, 0.5);
    addPeriods (16, 1, 1.0);
    addPeriods (24, periodsEachSide, 0.5);
    // Windowed-sinc low-pass at 0.45 fs (0.1125 of the 4 fs rate), 255 taps.
    constexpr int taps = 255, half = taps / 2;
    std::vector<double> h (taps);
    for (int k = 0; k < taps; ++k)
    {
        const double t = k - half, cutoff = 0.1125;
        const double sinc = t == 0 ? 2 * cutoff : std::sin (2 * std::numbers::pi * cutoff * t) / (std::numbers::pi * t);
        h[(size_t) k] = sinc * (0.42 - 0.5 * std::cos (2 * std::numbers::pi * k / (taps - 1)) + 0.08 * std::cos (4 * std::numbers::pi * k / (taps - 1)));
    }
    std::vector<float> out;
    for (size_t n = (size_t) offset; n < fine.size(); n += 4)
    {
        double y = 0;
        for (int k = 0; k < taps; ++k)
            if (const auto i = (long) n - k + half; i >= 0 && i < (long) fine.size())
                y += h[(size_t) k] * fine[(size_t) i];
        out.push_back ((float) y);
    }
    return out;
}
} // namespace

TEST_CASE ("EBU Tech 3341 cases 1-5: steady and gated integrated loudness", "[analysis][loudness]")
{
    for (const double rate : rates)
    {
        INFO (rate << " Hz");
        const auto one = sineReading (rate, { { 20, -23 } });
        CHECK (one.integratedLufs == Approx (-23).margin (0.1));
        CHECK (one.momentaryLufs == Approx (-23).margin (0.1));
        CHECK (one.shortTermLufs == Approx (-23).margin (0.1));
        CHECK (sineReading (rate, { { 20, -33 } }).integratedLufs == Approx (-33).margin (0.1));
        CHECK (sineReading (rate, { { 10, -36 }, { 60, -23 }, { 10, -36 } }).integratedLufs == Approx (-23).margin (0.1));
        CHECK (sineReading (rate, { { 10, -72 }, { 10, -36 }, { 60, -23 }, { 10, -36 }, { 10, -72 } }).integratedLufs == Approx (-23).margin (0.1));
        CHECK (sineReading (rate, { { 20, -26 }, { 20.1, -20 }, { 20, -26 } }).integratedLufs == Approx (-23).margin (0.1));
    }
}

TEST_CASE ("streams measured apart read, together, as the gated loudness of them all, in any order", "[analysis][loudness]")
{
    // Tech 3341 case 5 as three tracks: -26, -20, -26 dBFS, heard as one program at -23 LUFS.
    for (const double rate : rates)
    {
        INFO (rate << " Hz");
        std::vector<std::unique_ptr<LoudnessMeter>> tracks;
        for (const auto& [seconds, db] : std::vector<std::pair<double, double>> { { 20, -26 }, { 20.1, -20 }, { 20, -26 } })
        {
            tracks.push_back (std::make_unique<LoudnessMeter> (2, rate));
            SineFeeder (*tracks.back()).tone (seconds, db);
        }
        const double all = LoudnessMeter::integratedOfAll ({ tracks[0].get(), tracks[1].get(), tracks[2].get() });
        CHECK (all == Approx (-23).margin (0.1));
        CHECK (all == LoudnessMeter::integratedOfAll ({ tracks[2].get(), tracks[0].get(), tracks[1].get() }));
        // One quiet track among loud ones is gated out, as in one program.
        LoudnessMeter quiet (2, rate);
        SineFeeder (quiet).tone (10, -50);
        CHECK (LoudnessMeter::integratedOfAll ({ tracks[1].get(), &quiet }) == Approx (tracks[1]->reading().integratedLufs).margin (0.05));
        CHECK (LoudnessMeter::integratedOfAll ({}) == -INFINITY);
    }
}

TEST_CASE ("EBU Tech 3341 case 6: 5.0 channels weigh as BS.1770 says", "[analysis][loudness]")
{
    for (const double rate : rates)
    {
        LoudnessMeter meter (5, rate);
        SineFeeder (meter).tone (20, { -28, -28, -24, -30, -30 });
        CHECK (meter.reading().integratedLufs == Approx (-23).margin (0.1));
    }
}

TEST_CASE ("EBU Tech 3341 cases 9 and 12: short-term and momentary hold steady on a pulsing tone", "[analysis][loudness]")
{
    for (const double rate : rates)
    {
        INFO (rate << " Hz");
        {
            LoudnessMeter meter (2, rate);
            double fed = 0, worst = 0;
            SineFeeder feed (meter, [&] {
                fed += 0.01;
                if (fed >= 3.0 - 1e-9)
                    worst = std::max (worst, std::abs (meter.shortTermLufs() + 23));
            });
            for (int i = 0; i < 5; ++i)
            {
                feed.tone (1.34, -20);
                feed.tone (1.66, -30);
            }
            CHECK (worst <= 0.1);
        }
        {
            LoudnessMeter meter (2, rate);
            double fed = 0, worst = 0;
            SineFeeder feed (meter, [&] {
                fed += 0.01;
                if (fed >= 1.0 - 1e-9)
                    worst = std::max (worst, std::abs (meter.momentaryLufs() + 23));
            });
            for (int i = 0; i < 25; ++i)
            {
                feed.tone (0.18, -20);
                feed.tone (0.22, -30);
            }
            CHECK (worst <= 0.1);
        }
    }
}

TEST_CASE ("EBU Tech 3341 cases 10, 11, 13 and 14: maximum short-term and momentary, whatever the burst's offset", "[analysis][loudness]")
{
    for (const double rate : rates)
        for (int i = 0; i < 20; ++i)
        {
            INFO (rate << " Hz, burst " << i);
            {
                LoudnessMeter meter (2, rate);
                SineFeeder feed (meter);
                feed.silence (i * 0.15);
                feed.tone (3, -23);
                feed.silence (1);
                CHECK (meter.reading().maxShortTermLufs == Approx (-23).margin (0.1));
            }
            {
                LoudnessMeter meter (2, rate);
                SineFeeder feed (meter);
                feed.silence (i * 0.02);
                feed.tone (0.4, -23);
                feed.silence (1);
                CHECK (meter.reading().maxMomentaryLufs == Approx (-23).margin (0.1));
            }
        }
    // 11 and 14: the bursts of rising level in one file, each burst's
    // maximum read while it plays.
    for (const double rate : rates)
    {
        LoudnessMeter shortMeter (2, rate), momentaryMeter (2, rate);
        double maxShort = -INFINITY, maxMomentary = -INFINITY;
        SineFeeder shortFeed (shortMeter, [&] { maxShort = std::max (maxShort, shortMeter.shortTermLufs()); });
        SineFeeder momentaryFeed (momentaryMeter, [&] { maxMomentary = std::max (maxMomentary, momentaryMeter.momentaryLufs()); });
        for (int i = 0; i < 20; ++i)
        {
            INFO (rate << " Hz, burst " << i);
            maxShort = maxMomentary = -INFINITY;
            shortFeed.silence (i * 0.15);
            shortFeed.tone (3, -38 + i);
            shortFeed.silence (3 - i * 0.15);
            CHECK (maxShort == Approx (-38 + i).margin (0.1));
            momentaryFeed.silence (i * 0.02);
            momentaryFeed.tone (0.4, -38 + i);
            momentaryFeed.silence (0.4 - i * 0.02);
            CHECK (maxMomentary == Approx (-38 + i).margin (0.1));
        }
    }
}

TEST_CASE ("EBU Tech 3341 cases 15-23: true peak between the samples", "[analysis][loudness][truepeak]")
{
    struct Case
    {
        double cyclesPerSample, amplitude, phaseDegrees, expectedDbtp;
    };
    for (const double rate : rates)
    {
        for (const auto& c : { Case { 0.25, 0.5, 0, -6 }, Case { 0.25, 0.5, 45, -6 }, Case { 1.0 / 6, 0.5, 60, -6 },
                               Case { 0.125, 0.5, 67.5, -6 }, Case { 0.25, 1.41, 45, 3 } })
        {
            INFO (rate << " Hz, " << c.cyclesPerSample << " fs at " << c.phaseDegrees << " degrees");
            const double tp = truePeakOf (fadedSine (rate, c.cyclesPerSample, c.amplitude, c.phaseDegrees), rate);
            CHECK (tp <= c.expectedDbtp + 0.2);
            CHECK (tp >= c.expectedDbtp - 0.4);
        }
        for (int offset = 0; offset < 4; ++offset)
        {
            INFO (rate << " Hz, case " << 20 + offset);
            const double tp = truePeakOf (splicedPeak (rate, offset), rate);
            CHECK (tp <= 0.2);
            CHECK (tp >= -0.4);
        }
    }
    // A sample-peak meter fails case 16: its samples sit 3 dB under the crest.
    LoudnessMeter meter (2, 48000);
    auto x = fadedSine (48000, 0.25, 0.5, 45);
    std::vector<float> stereo (x.size() * 2);
    for (size_t i = 0; i < x.size(); ++i)
        stereo[2 * i] = stereo[2 * i + 1] = x[i];
    meter.add (stereo.data(), (int64_t) x.size());
    CHECK (meter.reading().samplePeakDbfs == Approx (-9.03).margin (0.05));
}

TEST_CASE ("EBU Tech 3342 cases 1-4: loudness range", "[analysis][loudness]")
{
    for (const double rate : rates)
    {
        INFO (rate << " Hz");
        CHECK (sineReading (rate, { { 20, -20 }, { 20, -30 } }).loudnessRangeLu == Approx (10).margin (1));
        CHECK (sineReading (rate, { { 20, -20 }, { 20, -15 } }).loudnessRangeLu == Approx (5).margin (1));
        CHECK (sineReading (rate, { { 20, -40 }, { 20, -20 } }).loudnessRangeLu == Approx (20).margin (1));
        CHECK (sineReading (rate, { { 20, -50 }, { 20, -35 }, { 20, -20 }, { 20, -35 }, { 20, -50 } }).loudnessRangeLu == Approx (15).margin (1));
    }
}

TEST_CASE ("silence, a burst shorter than a gating block, mono and dual mono read as they should", "[analysis][loudness]")
{
    LoudnessMeter silent (2, 48000);
    SineFeeder (silent).silence (5);
    const auto quiet = silent.reading();
    CHECK (std::isinf (quiet.integratedLufs));
    CHECK (quiet.integratedLufs < 0);
    CHECK (std::isinf (quiet.truePeakDbtp));
    CHECK (quiet.loudnessRangeLu == 0);

    LoudnessMeter brief (2, 48000);
    SineFeeder (brief).tone (0.3, -10);
    CHECK (std::isinf (brief.reading().integratedLufs));
    CHECK (std::isinf (brief.reading().maxMomentaryLufs));
    CHECK (brief.reading().samplePeakDbfs == Approx (-10).margin (0.01));

    // One channel counts once; counted as dual mono it reads 3 dB louder.
    LoudnessMeter mono (1, 48000), dual (1, 48000, ChannelCounting::dualMono);
    SineFeeder (mono).tone (10, -20);
    SineFeeder (dual).tone (10, -20);
    CHECK (dual.reading().integratedLufs - mono.reading().integratedLufs == Approx (3.01).margin (0.02));
    CHECK (mono.reading().integratedLufs == Approx (-23.0).margin (0.1));   // half the power of a stereo pair at -20, which reads -20

    // A sine's crest factor is 3.01 dB; identical channels correlate at +1.
    const auto sine = sineReading (48000, { { 5, -6 } });
    CHECK (sine.crestFactorDb() == Approx (3.01).margin (0.02));
    CHECK (sine.correlation == Approx (1.0).margin (1e-9));
    CHECK (sine.plrLu() == Approx (-6 - sine.integratedLufs).margin (0.05));
}

TEST_CASE ("rates and channel counts the meter cannot measure are refused with a message", "[analysis][loudness]")
{
    CHECK_THROWS_WITH (LoudnessMeter (9, 48000), Catch::Contains ("9 channels"));
    CHECK_THROWS_WITH (LoudnessMeter (2, 4000), Catch::Contains ("4000 Hz"));
    CHECK_NOTHROW (LoudnessMeter (2, 8000));
    CHECK_NOTHROW (LoudnessMeter (6, 48000));
}
