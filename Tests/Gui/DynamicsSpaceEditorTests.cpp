// The gate's, the reverb's, the delay's and the chorus's designed editors:
// the gate's curve is the gate's static curve, its handles set threshold
// and range, and the render follows (one undo step each); the reverb's
// and the delay's pictures are the modules' own impulse responses (the
// reverb's measured decay follows its setting, the delay's first repeat
// lands on its time); the chorus's sweep is the delay its voices read.
#include "Gui/Mixer/ChorusSweepView.h"
#include "Gui/Mixer/GateCurveView.h"
#include "Gui/Mixer/SpaceResponseView.h"

#include "GuiDriver.h"

#include "Dsp/Chorus.h"
#include "Dsp/Gate.h"
#include "Helpers/FloatRender.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace crest;
using namespace crest::test;

TEST_CASE ("gate editor: the curve is the gate's static curve; T sets the threshold, F the range, and the render follows", "[gui][gate]")
{
    TempFolder dir;
    // A steady tone at -50 dBFS: under a -40 dB threshold the gate closes on it.
    writeAudio (dir / "quiet.wav", 1, 48000, 48000, [] (int64_t n, int) { return 0.00316f * (float) std::sin (2 * M_PI * 220 * (double) n / 48000); });
    SessionModel model;
    model.load (sessionOf ({ dir / "quiet.wav" }));
    auto track = model.track (0);
    GateCurveView view (model, track, nullptr);
    view.setSize (900, 320);
    const double open = renderedPeakDb (model.toDocument(), dir);   // -50 dB less the centre pan's 3 dB

    // Off, the curve is straight; a drag switches the gate on.
    CHECK (view.outputDbFor (-60.0) == -60.0);
    const auto p = view.plot();
    const float perDb = p.box.getWidth() / (float) GateCurveView::rangeDb;
    const auto t = view.thresholdHandle();
    drag (view, t, t + juce::Point<float> (5.0f * perDb, 0.0f));   // -40 -> -35 dB
    CHECK (SessionModel::stripValue (track, "gate.enabled") == 1.0);
    const double threshold = SessionModel::stripValue (track, "gate.thresholdDb");
    CHECK (threshold == Approx (-35.0).margin (0.15));
    CHECK (model.undoManager().getUndoDescription() == "Gate threshold");
    for (double in : { -70.0, -45.0, -36.0, -30.0, -5.0 })
        CHECK (view.outputDbFor (in) == Approx (in + Gate::settledGainDb (in, threshold, SessionModel::stripValue (track, "gate.rangeDb"), 100)));

    // The floor pulled up to 20 dB under the threshold: a 20 dB range.
    const auto f = view.floorHandle();
    drag (view, f, { f.x, p.y (threshold - 20.0) });
    const double range = SessionModel::stripValue (track, "gate.rangeDb");
    CHECK (range == Approx (20.0).margin (0.2));
    CHECK (model.undoManager().getUndoDescription() == "Gate range");
    CHECK (view.outputDbFor (-60.0) == Approx (-60.0 - range).margin (1e-9));
    CHECK (renderedPeakDb (model.toDocument(), dir) == Approx (open - range).margin (0.2));

    model.undoManager().undo();
    model.undoManager().undo();
    CHECK (SessionModel::stripValue (track, "gate.enabled") == 0.0);
    CHECK (renderedPeakDb (model.toDocument(), dir) == Approx (open).margin (0.01));
}

TEST_CASE ("reverb editor: the picture is the reverb's impulse response, its measured decay following the setting", "[gui][reverb]")
{
    SessionModel model;
    auto track = model.addTrack ("T", 2);
    SpaceResponseView view (model, track, StripModule::reverb);
    view.setSize (900, 300);
    for (const double decay : { 0.8, 2.5 })
    {
        model.setStripValue (track, "reverb.decaySeconds", decay);
        model.setStripValue (track, "reverb.preDelayMs", 30.0);
        REQUIRE (view.waitForResponse (10000));
        const auto r = view.response();
        INFO ("decay " << decay << " s");
        REQUIRE (r.decaySeconds.has_value());
        CHECK (*r.decaySeconds == Approx (decay).epsilon (0.10));
        CHECK (r.seconds() >= decay);
        // Nothing before the pre-delay; the loudest moment soon after it.
        const auto& left = r.envelopeDb[0];
        const size_t preDelayWindows = (size_t) (0.030 * r.sampleRate / r.windowFrames);
        for (size_t i = 0; i + 1 < preDelayWindows; ++i)
            CHECK (left[i] == Approx (-72.0));
        const auto loudest = (size_t) (std::max_element (left.begin(), left.end()) - left.begin());
        CHECK (loudest >= preDelayWindows - 1);
        CHECK (loudest * r.windowFrames / r.sampleRate < 0.030 + 0.1);
    }
    juce::Image image (juce::Image::ARGB, 900, 300, true);
    juce::Graphics g (image);
    view.paint (g);
}

TEST_CASE ("delay editor: the picture is the delay's response, the first repeat on its time and each one lower by the feedback", "[gui][delay]")
{
    SessionModel model;
    auto track = model.addTrack ("T", 2);
    SpaceResponseView view (model, track, StripModule::delay);
    model.setStripValue (track, "delay.noteValue", 0.0);   // free time
    model.setStripValue (track, "delay.timeMs", 300.0);
    model.setStripValue (track, "delay.feedback", 50.0);
    model.setStripValue (track, "delay.highPassHz", 0.0);
    model.setStripValue (track, "delay.lowPassHz", 0.0);
    REQUIRE (view.waitForResponse (10000));
    const auto r = view.response();
    const auto& left = r.envelopeDb[0];
    const double windowMs = r.windowFrames * 1000.0 / r.sampleRate;
    for (int repeat = 0; repeat < 3; ++repeat)
    {
        INFO ("repeat " << repeat + 1);
        const auto at = (size_t) std::lround (300.0 * (repeat + 1) / windowMs);
        REQUIRE (at < left.size());
        // Unfiltered, each repeat is the feedback (50 %: -6.02 dB) under the last.
        CHECK (left[at] == Approx (-6.0206 * repeat).margin (0.05));
        CHECK (left[at - 2] == Approx (-72.0));
    }

    // A note value follows the session's tempo: a quarter at 100 BPM is 600 ms.
    model.state().setProperty (ids::tempoBpm, 100.0, nullptr);
    model.setStripValue (track, "delay.noteValue", 3.0);   // 1/4
    REQUIRE (view.waitForResponse (10000));
    const auto quarter = view.response();
    const auto first = (size_t) (std::find_if (quarter.envelopeDb[0].begin(), quarter.envelopeDb[0].end(), [] (float v) { return v > -1.0f; })
                                 - quarter.envelopeDb[0].begin());
    CHECK (first * windowMs == Approx (600.0).margin (windowMs));
}

TEST_CASE ("chorus editor: the sweep drawn is each voice's delay, both sides, over two LFO turns", "[gui][chorus]")
{
    SessionModel model;
    auto track = model.addTrack ("T", 2);
    model.setStripValue (track, "chorus.rateHz", 0.5);
    model.setStripValue (track, "chorus.delayMs", 15.0);
    model.setStripValue (track, "chorus.depthMs", 4.0);
    model.setStripValue (track, "chorus.voices", 3.0);
    model.setStripValue (track, "chorus.width", 100.0);
    ChorusSweepView view (model, track);
    CHECK (view.shownSeconds() == Approx (4.0));
    CHECK (view.voices() == 3);
    double lowest = 1e9, highest = 0;
    for (double t = 0; t <= 4.0; t += 0.01)
        for (int v = 0; v < 3; ++v)
            for (int side = 0; side < 2; ++side)
            {
                const double d = view.delayMsAt (t, v, side);
                CHECK (d == Approx (Chorus::voiceDelayMs (0.5 * t, v, 3, side, 15.0, 4.0, 1.0, 48000.0)));
                lowest = std::min (lowest, d), highest = std::max (highest, d);
            }
    CHECK (lowest == Approx (11.0).margin (0.01));
    CHECK (highest == Approx (19.0).margin (0.01));
    // The right side runs a quarter turn (at 0.5 Hz, half a second) after the left.
    CHECK (view.delayMsAt (0.0, 0, 1) == Approx (view.delayMsAt (0.5, 0, 0)).margin (1e-6));
}
