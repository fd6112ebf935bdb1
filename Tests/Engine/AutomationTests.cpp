// Automation: lanes evaluated sample by sample for levels and pan, on the
// grid for strip parameters, identical at any block size; read mode
// overrides the control; moves recorded through the model's recorder in
// touch, latch and write; lanes saved, and bad lanes refused by name.
#include "Core/Units.h"
#include "Helpers/ErrorMessage.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/FloatRender.h"
#include "Session/AutomationRecorder.h"
#include "Session/SessionJson.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace crest;
using namespace crest::test;

namespace Catch
{
template <>
struct StringMaker<AutomationPoint>
{
    static std::string convert (const AutomationPoint& p)
    {
        return "(" + std::to_string (p.time) + ", " + std::to_string (p.value) + (p.curve != 0 ? ", " + std::to_string (p.curve) : "") + ")";
    }
};
} // namespace Catch

namespace
{
AutomationLane lane (const std::string& parameter, std::vector<AutomationPoint> points, AutomationMode mode = AutomationMode::read)
{
    return { parameter, mode, std::move (points) };
}
} // namespace

TEST_CASE ("a fader ramp from -inf to 0 dB over one second renders the expected gain curve sample by sample", "[engine][automation]")
{
    TempFolder dir;
    writeAudio (dir / "dc.wav", 1, 48000, 72000, [] (int64_t, int) { return 0.5f; });
    auto session = sessionOf ({ dir / "dc.wav" });
    session.panLaw = PanLaw::zeroDb;   // a centred mono track at unity
    session.tracks[0].automation = { lane ("faderDb", { { 0, -96 }, { 48000, 0 } }) };
    for (int block : { 32, 480, 4096 })
    {
        CAPTURE (block);
        const auto out = renderFloat (session, dir, { block });
        REQUIRE (out.frames() == 72000);
        for (int64_t i = 0; i < 72000; ++i)
        {
            const double expected = 0.5 * std::min (1.0, (double) i / 48000.0);
            REQUIRE (std::abs (out.samples[(size_t) (2 * i)] - expected) <= 1e-6);
        }
    }

    // A bent segment follows its curve: halfway, exp-shaped, not linear.
    session.tracks[0].automation = { lane ("faderDb", { { 0, -96, 0.5 }, { 48000, 0 } }) };
    const auto bent = renderFloat (session, dir);
    const double k = 2.0, t = 0.5;
    CHECK (bent.samples[2 * 24000] == Approx (0.5 * std::expm1 (k * t) / std::expm1 (k)).margin (1e-6));
}

TEST_CASE ("a lane in read mode overrides its control; pan, trim, sends and strip parameters follow their lanes", "[engine][automation]")
{
    TempFolder dir;
    writeAudio (dir / "dc.wav", 1, 48000, 9600, [] (int64_t, int) { return 0.25f; });
    auto session = sessionOf ({ dir / "dc.wav" });
    session.panLaw = PanLaw::zeroDb;
    auto& track = session.tracks[0];
    track.faderDb = -40;                                        // the control says -40 dB...
    track.automation = { lane ("faderDb", { { 0, -6 } }) };     // ...the lane says -6 dB
    CHECK (renderFloat (session, dir).samples[2 * 5000] == Approx (0.25 * dbToGain (-6)).margin (1e-6));
    track.automation[0].mode = AutomationMode::off;             // off: the control again
    CHECK (renderFloat (session, dir).samples[2 * 5000] == Approx (0.25 * dbToGain (-40)).margin (1e-7));

    // Pan from hard left to hard right: the left channel falls as the right rises.
    track.faderDb = 0;
    track.automation = { lane ("pan", { { 0, -100 }, { 9600, 100 } }) };
    const auto panned = renderFloat (session, dir);
    CHECK (panned.samples[2 * 100] == Approx (0.25).margin (1e-3));
    CHECK (panned.samples[2 * 100 + 1] == Approx (0.0).margin (1e-2));
    CHECK (panned.samples[2 * 9500 + 1] == Approx (0.25).margin (1e-3));

    // Trim and a send's level: a pre-fader send to an aux bus, the track itself silent.
    BusDocument aux;
    aux.id = "fx";
    aux.name = "FX";
    session.buses = { aux };
    track.faderDb = -96;
    track.sends = { { "fx", -96, 0, true } };
    track.automation = { lane ("send.fx.levelDb", { { 0, -96 }, { 9600, 0 } }), lane ("trimDb", { { 0, 6 } }) };
    const auto sent = renderFloat (session, dir);
    CHECK (sent.samples[2 * 4800] == Approx (0.25 * dbToGain (6) * 0.5).margin (1e-6));

    // A strip parameter: EQ gain on a 1 kHz tone, stepping on the grid.
    writeSine (dir / "tone.wav", 48000, 1000, 0.1, 1.0);
    auto toneSession = sessionOf ({ dir / "tone.wav" });
    toneSession.panLaw = PanLaw::zeroDb;
    auto& strip = toneSession.tracks[0].strip;
    strip.set ("eq.enabled", 1);
    strip.set ("eq.band4.on", 1);
    strip.set ("eq.band4.frequencyHz", 1000);
    toneSession.tracks[0].automation = { lane ("strip.eq.band4.gainDb", { { 0, 0 }, { 24000, 0 }, { 24001, 12 } }) };
    const auto eqd = renderFloat (toneSession, dir);
    auto peak = [&] (int64_t from, int64_t to) {
        float p = 0;
        for (int64_t i = from; i < to; ++i)
            p = std::max (p, std::abs (eqd.samples[(size_t) (2 * i)]));
        return 20 * std::log10 (p / 0.1);
    };
    CHECK (peak (12000, 20000) == Approx (0).margin (0.05));
    CHECK (peak (36000, 47000) == Approx (12).margin (0.05));
}

TEST_CASE ("renders with every kind of lane are byte-identical at block sizes 32, 480 and 4096 and with 1, 2 and 8 threads", "[engine][automation][threads]")
{
    TempFolder dir;
    writeSine (dir / "a.wav", 48000, 220, 0.3, 1.0);
    writeSine (dir / "b.wav", 48000, 1500, 0.3, 1.0);
    auto session = sessionOf ({ dir / "a.wav", dir / "b.wav" });
    BusDocument verb;
    verb.id = "verb";
    verb.name = "Verb";
    verb.strip.set ("reverb.enabled", 1);
    session.buses = { verb };
    auto& a = session.tracks[0];
    a.sends = { { "verb", -12, 0, false } };
    a.strip.set ("eq.enabled", 1);
    a.strip.set ("eq.band2.on", 1);
    a.automation = { lane ("faderDb", { { 0, -96 }, { 20000, 0, 0.3 }, { 40000, -10 } }), lane ("pan", { { 0, -50 }, { 48000, 50 } }),
                     lane ("send.verb.levelDb", { { 0, -30 }, { 30000, 0 } }), lane ("strip.eq.band2.frequencyHz", { { 0, 100 }, { 48000, 2000 } }) };
    session.tracks[1].automation = { lane ("trimDb", { { 0, -12 }, { 48000, 6 } }), lane ("strip.compressor.enabled", { { 0, 0 }, { 24000, 1 } }) };
    session.buses[0].automation = { lane ("strip.reverb.decaySeconds", { { 0, 0.5 }, { 48000, 3 } }) };
    session.mixBusStrip.set ("compressor.enabled", 1);
    session.mixBusAutomation = { lane ("faderDb", { { 0, -3 }, { 48000, 1 } }), lane ("strip.compressor.thresholdDb", { { 0, -30 }, { 48000, -10 } }) };
    const auto reference = renderFloat (session, dir, { 1024, 1 });
    for (auto [block, threads] : { std::pair { 32, 1 }, { 480, 2 }, { 4096, 8 }, { 480, 8 }, { 32, 2 } })
    {
        CAPTURE (block, threads);
        CHECK (renderFloat (session, dir, { block, threads }).samples == reference.samples);
    }
}

TEST_CASE ("moves recorded through the model in touch, latch and write modes", "[session][automation]")
{
    SessionModel model;
    auto track = model.addTrack ("Vox", 1);
    AutomationRecorder recorder (model);
    REQUIRE (model.setAutomation (track, lane ("faderDb", { { 0, -6 } }, AutomationMode::touch)) == "");

    // Not rolling: nothing is recorded.
    CHECK_FALSE (recorder.touch (track, "faderDb", 100, -3));

    recorder.transportStarted (0);
    CHECK (recorder.touch (track, "faderDb", 48000, -3));
    recorder.move (track, "faderDb", 72000, 0);
    recorder.release (track, "faderDb", 96000);
    auto recorded = SessionModel::laneOf (track, "faderDb");
    REQUIRE (recorded);
    // Held at -6 until the touch, -3 at the touch, 0 at the move, and back to the lane's -6 at the release.
    CHECK (recorded->points == std::vector<AutomationPoint> { { 0, -6 }, { 47999, -6 }, { 48000, -3 }, { 72000, 0 }, { 96000, -6 } });
    CHECK_FALSE (recorder.isRecording (track, "faderDb"));
    // One pass is one undo step.
    model.undoManager().undo();
    CHECK (SessionModel::laneOf (track, "faderDb")->points == std::vector<AutomationPoint> { { 0, -6 } });

    // Latch: keeps writing its last value after release, until the transport stops.
    model.setAutomation (track, lane ("pan", {}, AutomationMode::latch));
    recorder.touch (track, "pan", 1000, 20);
    recorder.release (track, "pan", 2000);
    CHECK (recorder.isRecording (track, "pan"));
    recorder.transportStopped (5000);
    CHECK (SessionModel::laneOf (track, "pan")->points == std::vector<AutomationPoint> { { 999, 0 }, { 1000, 20 }, { 5000, 20 } });

    // Write: from play to stop, whatever the control holds.
    model.setTrackValue (track, ids::trimDb, 4.0);
    model.setAutomation (track, lane ("trimDb", { { 0, -10 }, { 3000, -10 } }, AutomationMode::write));
    recorder.transportStarted (2000);
    recorder.transportStopped (6000);
    CHECK (SessionModel::laneOf (track, "trimDb")->points == std::vector<AutomationPoint> { { 0, -10 }, { 1999, -10 }, { 2000, 4 }, { 6000, 4 } });

    // Read: a move is not recorded (the lane overrides it).
    model.setAutomation (track, lane ("faderDb", { { 0, -6 } }, AutomationMode::read));
    recorder.transportStarted (0);
    CHECK_FALSE (recorder.touch (track, "faderDb", 100, 0));
    recorder.transportStopped (200);
    CHECK (SessionModel::laneOf (track, "faderDb")->points.size() == 1);
}

TEST_CASE ("automation round-trips through the file, and bad lanes are refused naming the session and the lane", "[session][automation][badinput]")
{
    SessionDocument session;
    TrackDocument track;
    track.id = "t1";
    track.name = "Vox";
    track.automation = { lane ("faderDb", { { 0, -96 }, { 48000, 0, 0.25 } }, AutomationMode::latch), lane ("strip.eq.band1.gainDb", { { 10, 3 } }) };
    session.tracks = { track };
    CHECK (parseSessionJson (writeSessionJson (session), "s").tracks[0].automation == track.automation);

    auto withLanes = [] (const std::string& lanes) {
        return R"({"format": "crest-session", "version": 3, "sampleRate": 48000, "tracks": [{"id": "t1", "name": "Vox", "automation": )" + lanes + "}]}";
    };
    auto error = [&] (const std::string& lanes) { return errorMessage ([&] { parseSessionJson (withLanes (lanes), "s.crest"); }); };
    CHECK (error (R"([{"parameter": "strip.eq.band9.gainDb", "points": []}])")
           == "s.crest: tracks[0].automation[0].parameter \"strip.eq.band9.gainDb\" is not a parameter Crest can automate");
    CHECK (error (R"([{"parameter": "send.verb.levelDb", "points": []}])")
           == "s.crest: tracks[0].automation[0].parameter \"send.verb.levelDb\" automates a send to \"verb\", which this channel does not have");
    CHECK (error (R"([{"parameter": "faderDb", "points": [{"time": 0, "value": 40}]}])")
           == "s.crest: tracks[0].automation[0].points[0].value 40 dB is out of range (-96 to 12 dB)");
    CHECK (error (R"([{"parameter": "pan", "points": [{"time": 100, "value": 0}, {"time": 50, "value": 1}]}])")
           == "s.crest: tracks[0].automation[0].points[1].time is before the previous point's; points must be in time order");
    CHECK (error (R"([{"parameter": "pan", "mode": "scribble", "points": []}])")
           == "s.crest: tracks[0].automation[0].mode \"scribble\" is not off, read, touch, latch or write");
    CHECK (error (R"([{"parameter": "pan", "points": []}, {"parameter": "pan", "points": []}])")
           == "s.crest: tracks[0].automation[1] is a second lane for \"pan\"");
    CHECK (error (R"([{"parameter": "pan", "points": [{"value": 3}]}])") == "s.crest: tracks[0].automation[0].points[0].time is missing");
}

TEST_CASE ("the mix bus follows its own fader and strip lanes; it has no pan or sends to automate", "[engine][automation]")
{
    TempFolder dir;
    writeAudio (dir / "dc.wav", 1, 48000, 24000, [] (int64_t, int) { return 0.5f; });
    auto session = sessionOf ({ dir / "dc.wav" });
    session.panLaw = PanLaw::zeroDb;
    session.mixBusFaderDb = -20;   // overridden by the lane
    session.mixBusAutomation = { lane ("faderDb", { { 0, -96 }, { 24000, 0 } }) };
    const auto out = renderFloat (session, dir);
    for (int64_t i = 0; i < 24000; i += 997)
        REQUIRE (out.samples[(size_t) (2 * i + 1)] == Approx (0.5 * (double) i / 24000.0).margin (1e-6));

    CHECK (parseSessionJson (writeSessionJson (session), "s").mixBusAutomation == session.mixBusAutomation);
    SessionModel model;
    model.load (session);
    CHECK (model.toDocument().mixBusAutomation == session.mixBusAutomation);
    CHECK (model.setAutomation (model.state(), lane ("pan", { { 0, 10 } })) == "The mix bus has no pan to automate (its fader and strip can be)");
    CHECK (errorMessage ([] {
               parseSessionJson (R"({"format": "crest-session", "version": 3, "sampleRate": 48000, "mixBus": {"automation": [{"parameter": "trimDb", "points": []}]}})",
                                 "s.crest");
           })
           == "s.crest: mixBus.automation[0].parameter \"trimDb\" is not on the mix bus (its fader and strip are)");
}
