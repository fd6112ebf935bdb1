// The channel strip in the engine: what a session's strip settings do to
// a render, the same as the modules do on their own; polarity and width
// exactly; a strip value moved in the model reaches the playing runtime
// without a recompile.
#include "Dsp/ParametricEq.h"
#include "Engine/SessionPlayer.h"
#include "Helpers/FloatRender.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"
#include "Render/OfflineRenderer.h"
#include "Session/SessionFile.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace crest;
using namespace crest::test;

namespace
{
double rmsDb (const AudioData& audio, int channel, int64_t from, int64_t to)
{
    double sum = 0;
    for (int64_t i = from; i < to; ++i)
        sum += (double) audio.samples[(size_t) (i * 2 + channel)] * audio.samples[(size_t) (i * 2 + channel)];
    return 10 * std::log10 (sum / (double) (to - from));
}
} // namespace

TEST_CASE ("a strip's EQ in a session renders as the EQ module does on its own", "[engine][strip]")
{
    TempFolder dir;
    writeSine (dir / "tone.wav", 48000, 1000, 0.25, 1.0);
    auto session = sessionOf ({ dir / "tone.wav" });
    session.panLaw = PanLaw::zeroDb;
    const auto flat = renderFloat (session, dir);

    auto& strip = session.tracks[0].strip;
    strip.set ("eq.enabled", 1);
    strip.set ("eq.band4.on", 1);
    strip.set ("eq.band4.frequencyHz", 1000);
    strip.set ("eq.band4.gainDb", 6);
    strip.set ("eq.band4.q", 1.0);
    const auto boosted = renderFloat (session, dir);
    CHECK (rmsDb (boosted, 0, 24000, 48000) - rmsDb (flat, 0, 24000, 48000) == Approx (6.0).margin (0.02));

    // Compressor before the fader: a 4:1 at -30 dB on a -15 dB RMS tone.
    strip.set ("eq.enabled", 0);
    strip.set ("compressor.enabled", 1);
    strip.set ("compressor.thresholdDb", -30);
    strip.set ("compressor.ratio", 4);
    strip.set ("compressor.kneeDb", 0);
    strip.set ("compressor.rmsDetection", 1);
    strip.set ("compressor.releaseMs", 500);
    const auto compressed = renderFloat (session, dir);
    const double inRms = rmsDb (flat, 0, 24000, 48000);
    CHECK (rmsDb (compressed, 0, 24000, 48000) == Approx (-30 + (inRms + 30) / 4).margin (0.3));
}

TEST_CASE ("polarity inverts exactly; width 0 folds a stereo track to mono", "[engine][strip]")
{
    TempFolder dir;
    writeAudio (dir / "wide.wav", 2, 48000, 4800, [] (int64_t n, int ch) { return (ch == 0 ? 0.3f : -0.1f) * (float) std::sin (0.05 * (double) n); });
    auto session = sessionOf ({ dir / "wide.wav" });
    const auto plain = renderFloat (session, dir);
    session.tracks[0].strip.set ("invertPolarity", 1);
    const auto inverted = renderFloat (session, dir);
    for (size_t i = 0; i < plain.samples.size(); ++i)
        REQUIRE (inverted.samples[i] == -plain.samples[i]);

    session.tracks[0].strip.set ("invertPolarity", 0);
    session.tracks[0].strip.set ("widthPercent", 0);
    const auto mono = renderFloat (session, dir);
    for (int64_t i = 0; i < mono.frames(); ++i)
        REQUIRE (mono.samples[(size_t) (2 * i)] == mono.samples[(size_t) (2 * i + 1)]);
}

TEST_CASE ("a strip value moved in the model reaches the runtime without a recompile", "[engine][strip][player]")
{
    TempFolder dir;
    writeSine (dir / "a.wav", 48000, 440, 0.5, 1.0);
    SessionModel model;
    model.load (sessionOf ({ dir / "a.wav" }));
    MediaPool media (dir / "cache");
    SessionPlayer player (model, media);
    const auto runtime = player.runtimeFor ("t1");
    model.setStripValue (model.track (0), "compressor.thresholdDb", -33);
    model.setStripValue (model.track (0), "compressor.ratio", 1000);   // clamped to 50
    CHECK (runtime->strip.compressor().parameter (Compressor::thresholdDb) == -33);
    CHECK (runtime->strip.compressor().parameter (Compressor::ratio) == 50);
    CHECK (player.runtimeFor ("t1") == runtime);
    CHECK (model.toDocument().tracks[0].strip.value ("compressor.ratio") == 50);
    model.undoManager().undo();
    CHECK (runtime->strip.compressor().parameter (Compressor::ratio) == 4);
}

TEST_CASE ("the mix bus has a strip too: saved, reloaded, heard and moved live", "[engine][strip]")
{
    TempFolder dir;
    writeSine (dir / "a.wav", 48000, 1000, 0.25, 1.0);
    writeSine (dir / "b.wav", 48000, 1000, 0.25, 1.0);
    auto session = sessionOf ({ dir / "a.wav", dir / "b.wav" });
    session.panLaw = PanLaw::zeroDb;
    const auto flat = renderFloat (session, dir);
    session.mixBusStrip.set ("eq.enabled", 1);
    session.mixBusStrip.set ("eq.band4.on", 1);
    session.mixBusStrip.set ("eq.band4.frequencyHz", 1000);
    session.mixBusStrip.set ("eq.band4.gainDb", -6);
    session.mixBusStrip.set ("widthPercent", 0);
    const auto cut = renderFloat (session, dir);
    CHECK (rmsDb (cut, 0, 24000, 48000) - rmsDb (flat, 0, 24000, 48000) == Approx (-6.0).margin (0.02));

    saveSessionFile (session, dir / "s.crest");
    const auto loaded = loadSessionFile (dir / "s.crest");
    CHECK (loaded.mixBusStrip == session.mixBusStrip);

    SessionModel model;
    model.load (loaded);
    CHECK (model.toDocument().mixBusStrip == session.mixBusStrip);
    MediaPool media (dir / "cache");
    SessionPlayer player (model, media);
    model.setStripValue (model.state(), "compressor.thresholdDb", -40);
    CHECK (player.mixBus()->strip.compressor().parameter (Compressor::thresholdDb) == -40);
}
