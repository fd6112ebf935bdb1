// Mix / Master / Difference in the engine: what the engineer hears is the
// mix bus before the master chain or the master after it, the same sample
// (the chain's latency compensated), at matched loudness (the live meters
// measure both and the monitor takes the difference), and a switch is a
// short crossfade, never a click.
#include "Analysis/LiveLoudness.h"
#include "Engine/Engine.h"
#include "Engine/PlanBuilder.h"
#include "Helpers/MonitorRig.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using namespace crest;
using namespace crest::test;

namespace
{
constexpr double rate = 48000;

// Something like music: a bass sine, a hi-hat-like noise tick every 250 ms,
// and a swelling chord, decorrelated between the channels.
void writeSong (const std::filesystem::path& file, double seconds)
{
    std::mt19937 random (7);
    std::normal_distribution<float> noise (0.0f, 1.0f);
    writeAudio (file, 2, rate, (int64_t) (seconds * rate), [&] (int64_t i, int ch) {
        const double t = (double) i / rate;
        const double tick = std::exp (-std::fmod (t, 0.25) * 40.0);
        const double swell = 0.5 + 0.5 * std::sin (2 * M_PI * 0.3 * t);
        return (float) (0.2 * std::sin (2 * M_PI * 55 * t) + 0.15 * tick * noise (random)
                        + 0.1 * swell * std::sin (2 * M_PI * (ch == 0 ? 440 : 554.37) * t));
    });
}

double integratedOf (const std::vector<float>& interleaved, size_t fromFrame)
{
    LoudnessMeter meter (2, rate);
    meter.add (interleaved.data() + 2 * fromFrame, (int64_t) (interleaved.size() / 2 - fromFrame));
    return meter.reading().integratedLufs;
}
} // namespace

TEST_CASE ("A/B: mix and master are heard at matched loudness, aligned to the sample, Difference is their difference", "[engine][monitor][ab]")
{
    TempFolder dir;
    writeSong (dir / "song.wav", 8.0);
    auto session = sessionOf ({ dir / "song.wav" });
    session.tracks[0].channels = 2;
    session.panLaw = PanLaw::zeroDb;
    auto& eq = session.masterChain.add ("eq");
    eq.set ("band8.on", 1);
    eq.set ("band8.gainDb", 4);   // a brighter master
    session.masterChain.add ("limiter").set ("inputGainDb", 9);   // and 8 dB or so louder, limited
    const int frames = (int) (8.0 * rate);

    MonitorRig rig (session);
    // A first pass measures both; the match is what the meters say.
    rig.play (0, frames);
    const auto match = rig.loudness.matchGainDb();
    REQUIRE (match.has_value());
    INFO ("mix " << rig.loudness.mix().integratedLufs << " LUFS, master " << rig.loudness.master().integratedLufs << " LUFS");
    CHECK (*match < -5.0);   // the master is much louder
    rig.engine.monitor().setMatchGainDb ((float) *match);

    auto& monitor = rig.engine.monitor();
    monitor.setSource (MonitorSource::mix);
    rig.play (0, 2048);   // past the crossfade
    const auto heardMix = rig.play (0, frames);
    monitor.setSource (MonitorSource::master);
    rig.play (0, 2048);
    const auto heardMaster = rig.play (0, frames);
    monitor.setSource (MonitorSource::difference);
    rig.play (0, 2048);
    const auto heardDifference = rig.play (0, frames);

    // Matched: the louder one does not win by loudness.
    const double mixLufs = integratedOf (heardMix, 0), masterLufs = integratedOf (heardMaster, 0);
    WARN ("A/B heard matched: mix " << mixLufs << " LUFS, master " << masterLufs << " LUFS (match " << *match << " dB)");
    CHECK (std::abs (mixLufs - masterLufs) <= 0.1);

    // Aligned: the cross-correlation of the two peaks at lag 0 (the
    // limiter's 264 samples of look-ahead are compensated).
    auto correlationAt = [&] (int lag) {
        double sum = 0;
        for (int i = 2000; i < frames - 2000; ++i)
            sum += (double) heardMix[(size_t) (2 * i)] * heardMaster[(size_t) (2 * (i + lag))];
        return sum;
    };
    int best = 0;
    double bestValue = -1e300;
    for (int lag = -400; lag <= 400; ++lag)
        if (const double c = correlationAt (lag); c > bestValue)
        {
            bestValue = c;
            best = lag;
        }
    CHECK (best == 0);

    // Difference: the matched master minus the mix, sample for sample.
    double worst = 0, differenceEnergy = 0, mixEnergy = 0;
    for (size_t i = 0; i < heardMix.size(); ++i)
    {
        worst = std::max (worst, (double) std::abs (heardDifference[i] - (heardMaster[i] - heardMix[i])));
        differenceEnergy += (double) heardDifference[i] * heardDifference[i];
        mixEnergy += (double) heardMix[i] * heardMix[i];
    }
    CHECK (worst < 1e-5);
    CHECK (differenceEnergy > 0.001 * mixEnergy);   // mastering did something...
    CHECK (differenceEnergy < mixEnergy);           // ...and it is less than the whole mix
}

TEST_CASE ("A/B: switching between mix, master and difference cross-fades with no click; the render tap keeps the master", "[engine][monitor][ab]")
{
    TempFolder dir;
    // A 200 Hz sine at 0.25; the master is the same 6 dB up (below the ceiling: linear).
    writeAudio (dir / "sine.wav", 2, rate, (int64_t) (2 * rate), [] (int64_t i, int) { return 0.25f * (float) std::sin (2 * M_PI * 200 * (double) i / rate); });
    auto session = sessionOf ({ dir / "sine.wav" });
    session.tracks[0].channels = 2;
    session.panLaw = PanLaw::zeroDb;
    auto& limiter = session.masterChain.add ("limiter");
    limiter.set ("inputGainDb", 6);
    limiter.set ("ceilingDb", 0);
    MonitorRig rig (session);
    SampleFifo tap (4 * 96000);
    rig.engine.setCaptureTap (&tap);
    auto& monitor = rig.engine.monitor();
    monitor.setMatching (false);   // unmatched, the jump between them is largest
    const MonitorSource order[] = { MonitorSource::master, MonitorSource::mix, MonitorSource::difference, MonitorSource::master };
    const auto heard = rig.play (0, (int) rate, [&] (int done) {
        if (done % 12288 == 0 && done > 0 && done / 12288 < 4)
            monitor.setSource (order[done / 12288]);
    });
    // The sine itself moves at most 0.5 * 2 pi 200 / 48000 = 0.013 a sample;
    // switched in one step, it would jump by up to 0.25.
    float step = 0;
    for (size_t i = 2 * 2048; i + 2 < heard.size(); i += 2)
        step = std::max (step, std::abs (heard[i + 2] - heard[i]));
    CHECK (step < 0.016f);

    // What a render would write is the master throughout.
    std::vector<float> tapped (heard.size());
    REQUIRE (tap.pop (tapped.data(), tapped.size()) == tapped.size());
    const int latency = rig.builder.master()->latencySamples();
    for (size_t i = 2 * (latency + 100); i < tapped.size(); i += 2)
        REQUIRE (tapped[i] == Approx (0.25 * std::pow (10.0, 6.0 / 20) * std::sin (2 * M_PI * 200 * (double) (i / 2 - latency) / rate)).margin (2e-4));
    rig.engine.setCaptureTap (nullptr);
}
