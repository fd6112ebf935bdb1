// Reference tracks in the monitor: a reference plays loudness-matched to
// the mix (so to the matched master) within 0.1 LU, sample-aligned at the
// chosen point whatever the master chain's latency, and switching to it
// and back cross-fades with no click. A render never reads it.
#include "Analysis/LiveLoudness.h"
#include "Engine/Engine.h"
#include "Engine/PlanBuilder.h"
#include "Helpers/MonitorRig.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"
#include "Mastering/ReferenceAnalysis.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using namespace crest;
using namespace crest::test;

namespace
{
constexpr double rate = 48000;

// Music-like stereo: bass, ticks, a chord; `seed` makes another song.
float songSample (int64_t i, int ch, std::mt19937& random, double level)
{
    std::normal_distribution<float> noise (0.0f, 1.0f);
    const double t = (double) i / rate;
    const double tick = std::exp (-std::fmod (t, 0.25) * 40.0);
    return (float) (level * (0.2 * std::sin (2 * M_PI * 55 * t) + 0.15 * tick * noise (random)
                             + 0.1 * std::sin (2 * M_PI * (ch == 0 ? 440 : 554.37) * t)));
}

void writeSong (const std::filesystem::path& file, double seconds, unsigned seed, double level, int64_t skip = 0)
{
    // The same song for a seed: generated from its start, the first `skip` frames dropped.
    std::mt19937 random (seed);
    std::vector<float> all ((size_t) ((seconds * rate + (double) skip) * 2));
    for (size_t i = 0; i < all.size() / 2; ++i)
        for (int ch = 0; ch < 2; ++ch)
            all[2 * i + (size_t) ch] = songSample ((int64_t) i, ch, random, level);
    writeAudio (file, 2, rate, (int64_t) (seconds * rate), [&] (int64_t i, int ch) { return all[(size_t) (2 * (i + skip) + ch)]; });
}

double integratedOf (const std::vector<float>& interleaved)
{
    LoudnessMeter meter (2, rate);
    meter.add (interleaved.data(), (int64_t) interleaved.size() / 2);
    return meter.reading().integratedLufs;
}
} // namespace

TEST_CASE ("a reference plays loudness-matched to the mix and the matched master, within 0.1 LU", "[engine][monitor][reference]")
{
    TempFolder dir;
    writeSong (dir / "mix.wav", 8, 1, 1.0);
    writeSong (dir / "record.wav", 8, 2, 2.2);   // a louder record, other music
    auto session = sessionOf ({ dir / "mix.wav" });
    session.tracks[0].channels = 2;
    session.panLaw = PanLaw::zeroDb;
    session.masterChain.add ("limiter").set ("inputGainDb", 6);
    session.references.push_back ({ "ref-1", "Record", (dir / "record.wav").string() });
    MonitorRig rig (session, true);
    const int frames = (int) (8 * rate);
    rig.play (0, frames);   // the live meters measure the mix and the master
    const auto analysis = analyseReference (session.references[0], rig.media, rate);
    const double mixLufs = rig.loudness.mix().integratedLufs;
    auto& monitor = rig.engine.monitor();
    monitor.setMatchGainDb ((float) *rig.loudness.matchGainDb());
    monitor.setReference (0);
    monitor.setReferenceMatchDb (0, (float) (mixLufs - analysis.matchLufs));

    monitor.setSource (MonitorSource::reference);
    rig.play (0, 2048);
    const double heardReference = integratedOf (rig.play (0, frames));
    monitor.setSource (MonitorSource::master);
    rig.play (0, 2048);
    const double heardMaster = integratedOf (rig.play (0, frames));
    WARN ("heard: mix " << mixLufs << ", matched master " << heardMaster << ", matched reference " << heardReference << " LUFS (reference "
                        << analysis.matchLufs << " LUFS unmatched)");
    CHECK (std::abs (heardReference - mixLufs) <= 0.1);
    CHECK (std::abs (heardReference - heardMaster) <= 0.1);
    // Unmatched, it is the record's own level.
    monitor.setMatching (false);
    monitor.setSource (MonitorSource::reference);
    rig.play (0, 2048);
    CHECK (integratedOf (rig.play (0, frames)) == Approx (analysis.matchLufs).margin (0.1));
}

TEST_CASE ("a reference is sample-aligned at the chosen point, the chain's latency compensated", "[engine][monitor][reference]")
{
    TempFolder dir;
    writeSong (dir / "mix.wav", 6, 3, 1.0);
    // The same music, starting 12345 samples in: the mix's sample s is the record's s - 12345.
    writeSong (dir / "record.wav", 5, 3, 1.0, 12345);
    auto session = sessionOf ({ dir / "mix.wav" });
    session.tracks[0].channels = 2;
    session.panLaw = PanLaw::zeroDb;
    session.masterChain.add ("limiter").set ("ceilingDb", 0);   // 264 samples of look-ahead to compensate
    ReferenceDocument ref { "ref-1", "Record", (dir / "record.wav").string() };
    ref.alignSessionSample = 60000;             // the chosen point: the session's 60000th sample ...
    ref.alignReferenceSample = 60000 - 12345;   // ... is the record's 47655th
    session.references.push_back (ref);
    MonitorRig rig (session, true);
    REQUIRE (rig.builder.latencySamples() > 0);
    auto& monitor = rig.engine.monitor();
    monitor.setMatching (false);
    monitor.setReference (0);
    monitor.setSource (MonitorSource::mix);
    rig.play (0, 2048);
    const auto mix = rig.play (24000, (int) (4 * rate));
    monitor.setSource (MonitorSource::reference);
    rig.play (0, 2048);
    const auto reference = rig.play (24000, (int) (4 * rate));
    // Sample for sample the same music (the mix as it enters the chain, the record).
    double worst = 0;
    for (size_t i = 2 * 2048; i < mix.size(); ++i)
        worst = std::max (worst, (double) std::abs (mix[i] - reference[i]));
    CHECK (worst < 1e-6);
}

TEST_CASE ("switching to a reference and back cross-fades with no click; a render never reads it", "[engine][monitor][reference]")
{
    TempFolder dir;
    writeAudio (dir / "sine.wav", 2, rate, (int64_t) (2 * rate), [] (int64_t i, int) { return 0.25f * (float) std::sin (2 * M_PI * 200 * (double) i / rate); });
    writeAudio (dir / "other.wav", 2, rate, (int64_t) (2 * rate), [] (int64_t i, int) { return -0.25f * (float) std::sin (2 * M_PI * 200 * (double) i / rate); });
    auto session = sessionOf ({ dir / "sine.wav" });
    session.tracks[0].channels = 2;
    session.panLaw = PanLaw::zeroDb;
    session.references.push_back ({ "ref-1", "Other", (dir / "other.wav").string() });
    session.references.push_back ({ "ref-2", "Same", (dir / "sine.wav").string() });
    MonitorRig rig (session, true);
    auto& monitor = rig.engine.monitor();
    monitor.setMatching (false);
    const auto heard = rig.play (0, (int) rate, [&] (int done) {
        // Master, then the inverted reference, the other reference, the mix.
        if (done == 12288) { monitor.setReference (0); monitor.setSource (MonitorSource::reference); }
        if (done == 24576) monitor.setReference (1);
        if (done == 36864) monitor.setSource (MonitorSource::mix);
    });
    float step = 0;
    for (size_t i = 2 * 2048; i + 2 < heard.size(); i += 2)
        step = std::max (step, std::abs (heard[i + 2] - heard[i]));
    // The sine moves at most 0.25 * 2 pi 200 / 48000 = 0.0065 a sample; a cut to its inverse would jump 0.5.
    CHECK (step < 0.01f);
    CHECK (heard[2 * 20000] == Approx (-0.25f * std::sin (2 * M_PI * 200 * 20000 / rate)).margin (1e-5));

    PlanBuilder render (rig.media, {});
    CHECK (render.build (session)->references.empty());
}

TEST_CASE ("any number of references: the one chosen streams first, past the first eight too", "[engine][monitor][reference]")
{
    TempFolder dir;
    writeAudio (dir / "sine.wav", 2, rate, (int64_t) (2 * rate), [] (int64_t i, int) { return 0.25f * (float) std::sin (2 * M_PI * 200 * (double) i / rate); });
    writeAudio (dir / "other.wav", 2, rate, (int64_t) (2 * rate), [] (int64_t i, int) { return -0.25f * (float) std::sin (2 * M_PI * 200 * (double) i / rate); });
    auto session = sessionOf ({ dir / "sine.wav" });
    session.tracks[0].channels = 2;
    session.panLaw = PanLaw::zeroDb;
    for (int r = 1; r <= 9; ++r)
        session.references.push_back ({ "ref-" + std::to_string (r), "Other", (dir / "other.wav").string() });
    session.references.push_back ({ "ref-10", "Same", (dir / "sine.wav").string() });
    MonitorRig rig (session, true);
    rig.builder.hearReferenceFirst ("ref-10");
    auto plan = rig.builder.build (session);
    REQUIRE (plan->references.size() == (size_t) MonitorPath::maxReferences);
    CHECK (plan->references[0].id == "ref-10");
    CHECK (rig.builder.warnings().empty());
    rig.engine.plans().publish (std::move (plan));
    rig.streamer.setPlacements (rig.builder.placements());
    auto& monitor = rig.engine.monitor();
    monitor.setMatching (false);
    monitor.setReference (0);
    monitor.setSource (MonitorSource::reference);
    const auto heard = rig.play (0, (int) rate);
    // The tenth reference, the mix itself, not one of the inverted ones.
    CHECK (heard[2 * 20000] == Approx (0.25f * std::sin (2 * M_PI * 200 * 20000 / rate)).margin (1e-5));
}
