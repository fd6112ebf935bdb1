// The true-peak limiter against its promise. Over 200 generated signals
// (full-scale white noise, square waves, the EBU inter-sample-peak
// patterns boosted 6 dB, drum-like transients, clipped masters) its output
// never reads above the ceiling on the BS.1770 4x true-peak meter, nor more
// than 0.1 dB above it on a 16x oversampled reference computed here
// (128-tap sinc). Below the ceiling it changes nothing but the delay it
// reports.
#include "Dsp/TruePeakDetector.h"
#include "Dsp/TruePeakLimiter.h"
#include "Dsp/WindowedSinc.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <vector>

using namespace crest;

namespace
{
constexpr double rate = 48000;
constexpr int frames = 12000;   // 0.25 s

using Stereo = std::array<std::vector<float>, 2>;

Stereo limited (Stereo audio, double ceilingDb, int block = 512, double inputGainDb = 0, bool autoRelease = true)
{
    TruePeakLimiter limiter;
    limiter.setParameter (TruePeakLimiter::ceilingDb, ceilingDb);
    limiter.setParameter (TruePeakLimiter::inputGainDb, inputGainDb);
    limiter.setParameter (TruePeakLimiter::autoRelease, autoRelease ? 1 : 0);
    limiter.prepare ({ rate, 4096, 2 });
    const int total = (int) audio[0].size();
    for (int done = 0; done < total; done += block)
    {
        float* channels[] = { audio[0].data() + done, audio[1].data() + done };
        limiter.process ({ channels, 2, std::min (block, total - done) });
    }
    return audio;
}

double meterDb (const Stereo& audio)
{
    TruePeakDetector meter;
    const float* channels[] = { audio[0].data(), audio[1].data() };
    float peak = meter.process (channels, 2, (int) audio[0].size());
    const std::vector<float> tail (32, 0.0f);
    const float* silent[] = { tail.data(), tail.data() };
    peak = std::max (peak, meter.process (silent, 2, 32));
    return 20 * std::log10 (std::max (peak, 1e-20f));
}

// 16x oversampled peak: a 128-tap Kaiser (beta 10) sinc per phase, in double.
double reference16Db (const Stereo& audio)
{
    constexpr int taps = 128, factor = 16;
    static const auto phases = [] {
        std::vector<std::array<float, taps>> p;
        for (int k = 1; k < factor; ++k)
            p.push_back (windowedSincPhase<taps> ((double) k / factor, 10.0));
        return p;
    }();
    double peak = 0;
    for (const auto& channel : audio)
    {
        const int n = (int) channel.size();
        for (int i = 0; i < n; ++i)
        {
            peak = std::max (peak, (double) std::abs (channel[(size_t) i]));
            for (const auto& phase : phases)
            {
                double y = 0;
                for (int j = 0; j < taps; ++j)
                    if (const int at = i + j - (taps / 2 - 1); at >= 0 && at < n)
                        y += phase[(size_t) j] * (double) channel[(size_t) at];
                peak = std::max (peak, std::abs (y));
            }
        }
    }
    return 20 * std::log10 (std::max (peak, 1e-20));
}

Stereo generate (int index, std::mt19937& random)
{
    std::uniform_real_distribution<double> uniform (0.0, 1.0);
    std::normal_distribution<double> gauss;
    Stereo s { std::vector<float> (frames), std::vector<float> (frames) };
    const int family = index % 5;
    const double boost = std::pow (10.0, (6.0 * uniform (random)) / 20);
    for (int ch = 0; ch < 2; ++ch)
    {
        auto& x = s[(size_t) ch];
        switch (family)
        {
            case 0:   // full-scale noise, uniform or Gaussian
                for (auto& v : x)
                    v = (float) (boost * (index % 2 == 0 ? 2 * uniform (random) - 1 : 0.5 * gauss (random)));
                break;
            case 1:   // naive square waves: aliased harmonics up to Nyquist
            {
                const double hz = 50 * std::pow (300.0, uniform (random));
                const double phase = uniform (random);
                for (int i = 0; i < frames; ++i)
                    x[(size_t) i] = (float) (boost * (std::fmod (phase + hz * i / rate, 1.0) < 0.5 ? 1 : -1));
                break;
            }
            case 2:   // EBU Tech 3341 inter-sample patterns at 0.5, boosted 6 dB and more
            {
                const double cycles[] = { 0.25, 0.25, 1.0 / 6, 0.125 };
                const double degrees[] = { 0, 45, 60, 67.5 };
                const int k = (index / 5) % 4;
                for (int i = 0; i < frames; ++i)
                    x[(size_t) i] = (float) (2 * boost * 0.5 * std::sin (2 * std::numbers::pi * cycles[k] * i + degrees[k] * std::numbers::pi / 180));
                break;
            }
            case 3:   // drum-like hits: a falling sine thump and a noise crack
            {
                std::fill (x.begin(), x.end(), 0.0f);
                for (int hit = 0; hit < 4; ++hit)
                {
                    const int start = (int) (uniform (random) * (frames - 4800));
                    for (int i = 0; i < 4800; ++i)
                    {
                        const double t = i / rate, decay = std::exp (-t * 40);
                        const double thump = std::sin (2 * std::numbers::pi * (60 + 200 * std::exp (-t * 30)) * t);
                        x[(size_t) (start + i)] += (float) (boost * 1.5 * decay * (0.7 * thump + 0.3 * (2 * uniform (random) - 1)));
                    }
                }
                break;
            }
            default:   // a clipped master: dense tones clipped at full scale, then raised
            {
                const double hz[] = { 55 + 40 * uniform (random), 220 + 200 * uniform (random), 1800 + 3000 * uniform (random) };
                for (int i = 0; i < frames; ++i)
                {
                    double v = 0;
                    for (const double f : hz)
                        v += 0.6 * std::sin (2 * std::numbers::pi * f * i / rate);
                    v += 0.2 * (2 * uniform (random) - 1);
                    x[(size_t) i] = (float) (boost * 1.4 * std::clamp (v, -1.0, 1.0));
                }
                break;
            }
        }
    }
    return s;
}
} // namespace

TEST_CASE ("the limiter's output never passes the ceiling, between the samples included", "[dsp][limiter]")
{
    std::mt19937 random (2024);
    double worstMeter = -100, worstReference = -100;
    const double ceiling = -1.0;
    for (int index = 0; index < 200; ++index)
    {
        // Silence after the signal lets the limiter play it out: the end,
        // like the start, is part of what it must keep under the ceiling.
        auto input = generate (index, random);
        for (auto& channel : input)
            channel.resize (channel.size() + 1024, 0.0f);
        const auto output = limited (input, ceiling, 512, index % 7 == 0 ? 6.0 : 0.0);
        const double meter = meterDb (output), reference = reference16Db (output);
        worstMeter = std::max (worstMeter, meter);
        worstReference = std::max (worstReference, reference);
        INFO ("signal " << index << " (family " << index % 5 << "): 4x meter " << meter << " dBTP, 16x " << reference);
        CHECK (meter <= ceiling + 1e-4);
        CHECK (reference <= ceiling + 0.1);
    }
    WARN ("worst over 200 signals: 4x meter " << worstMeter << " dBTP, 16x reference " << worstReference << " dBTP (ceiling " << ceiling << ")");
}

TEST_CASE ("below the ceiling the limiter only delays, by the latency it reports", "[dsp][limiter]")
{
    std::mt19937 random (7);
    std::uniform_real_distribution<double> noise (-1.0, 1.0);
    Stereo quiet { std::vector<float> (frames), std::vector<float> (frames) };
    for (int i = 0; i < frames; ++i)
        for (auto& channel : quiet)
            channel[(size_t) i] = (float) (0.4 * std::sin (2 * std::numbers::pi * 997 * i / rate) + 0.05 * noise (random));
    const auto output = limited (quiet, -1.0);
    TruePeakLimiter probe;
    probe.prepare ({ rate, 4096, 2 });
    const int latency = probe.latencySamples();
    CHECK (latency == (64 + 72 - 1 + 16) + (64 + 36 - 1 + 16));   // two stages: 5.5 ms at 48 kHz
    double worst = 0;
    for (int i = latency; i < frames; ++i)
        for (int ch = 0; ch < 2; ++ch)
            worst = std::max (worst, (double) std::abs (output[(size_t) ch][(size_t) i] - quiet[(size_t) ch][(size_t) (i - latency)]));
    CHECK (worst == 0.0);   // <= -120 dB asked; the gain is exactly 1
}

TEST_CASE ("the limiter's output does not depend on block size", "[dsp][limiter]")
{
    std::mt19937 random (99);
    const auto input = generate (3, random);
    const auto reference = limited (input, -1.0, 4096, 3.0, false);
    for (const int block : { 1, 7, 64, 480 })
        CHECK (limited (input, -1.0, block, 3.0, false) == reference);
}

TEST_CASE ("after a burst the limiter lets go within its release", "[dsp][limiter]")
{
    // A hot burst, then a quiet tone: with a fixed 50 ms release the gain is
    // back within 0.1 dB of unity 5 time constants (250 ms) after the burst.
    Stereo audio { std::vector<float> (48000), std::vector<float> (48000) };
    for (int i = 0; i < 48000; ++i)
        for (auto& channel : audio)
            channel[(size_t) i] = (float) ((i < 4800 ? 2.0 : 0.1) * std::sin (2 * std::numbers::pi * 440 * i / rate));
    TruePeakLimiter limiter;
    limiter.setParameter (TruePeakLimiter::releaseMs, 50);
    limiter.setParameter (TruePeakLimiter::autoRelease, 0);
    limiter.prepare ({ rate, 48000, 2 });
    const auto input = audio;
    float* channels[] = { audio[0].data(), audio[1].data() };
    limiter.process ({ channels, 2, 48000 });
    const int latency = limiter.latencySamples();
    auto levelDb = [&] (const std::vector<float>& x, int from, int length) {
        double sum = 0;
        for (int i = from; i < from + length; ++i)
            sum += (double) x[(size_t) i] * x[(size_t) i];
        return 10 * std::log10 (sum / length);
    };
    const int after = 4800 + 12000;   // 250 ms after the burst ends
    CHECK (levelDb (audio[0], after + latency, 4800) - levelDb (input[0], after, 4800) == Approx (0).margin (0.1));
    CHECK (limiter.takeGainReductionDb() > 6.0f);
}
