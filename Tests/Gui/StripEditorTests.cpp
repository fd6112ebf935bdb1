// The designed strip editors driven by the mouse: dragging an EQ band's
// handle switches the band on, moves it in frequency and gain, and the
// render follows the drawn curve; the compressor's curve is its static
// curve, and its handles set threshold and ratio; each drag one undo step.
#include "Gui/Mixer/CompressorCurveView.h"
#include "Gui/Mixer/EqCurveView.h"

#include "GuiDriver.h"

#include "Dsp/Compressor.h"
#include "Engine/SessionPlayer.h"
#include "Helpers/FloatRender.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"
#include "IO/MediaPool.h"
#include "Render/OfflineRenderer.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace crest;
using namespace crest::test;

TEST_CASE ("EQ editor: dragging a band's handle moves the band, and the render follows the curve; undo restores it", "[gui][eq]")
{
    TempFolder dir;
    writeAudio (dir / "tone.wav", 1, 48000, 48000, [] (int64_t n, int) { return 0.25f * (float) std::sin (2 * M_PI * 1200 * (double) n / 48000); });
    SessionModel model;
    model.load (sessionOf ({ dir / "tone.wav" }));
    MediaPool media (dir / "cache");
    SessionPlayer player (model, media);
    auto track = model.track (0);
    EqCurveView view (stripEqBands (model, track, &player));
    view.setSize (800, 300);
    const double before = renderedPeakDb (model.toDocument(), dir);

    // Band 4 sits at 1200 Hz, 0 dB, off: drag it up, shift held (gain only).
    const auto handle = view.handlePosition (3);
    CHECK (handle.x == Approx (view.xForFrequency (1200)).margin (0.5));
    drag (view, handle, handle + juce::Point<float> (0.0f, -50.0f), juce::ModifierKeys::shiftModifier);

    const double gain = SessionModel::stripValue (track, "eq.band4.gainDb");
    CHECK (gain == Approx (view.gainForY (handle.y - 50.0f)).margin (0.06));
    CHECK (gain > 5.0);
    CHECK (SessionModel::stripValue (track, "eq.enabled") == 1.0);
    CHECK (SessionModel::stripValue (track, "eq.band4.on") == 1.0);
    CHECK (SessionModel::stripValue (track, "eq.band4.frequencyHz") == Approx (1200.0));
    CHECK (view.responseDbAt (1200) == Approx (gain).margin (0.05));
    CHECK (renderedPeakDb (model.toDocument(), dir) - before == Approx (gain).margin (0.1));

    // A drag without shift moves the frequency too.
    const auto moved = view.handlePosition (3);
    drag (view, moved, moved + juce::Point<float> (80.0f, 0.0f));
    CHECK (SessionModel::stripValue (track, "eq.band4.frequencyHz") == Approx (view.frequencyForX (moved.x + 80.0f)).epsilon (0.01));

    model.undoManager().undo();
    model.undoManager().undo();
    CHECK (SessionModel::stripValue (track, "eq.band4.gainDb") == 0.0);
    CHECK (SessionModel::stripValue (track, "eq.enabled") == 0.0);
    CHECK (renderedPeakDb (model.toDocument(), dir) == Approx (before).margin (0.01));
}

TEST_CASE ("EQ editor: a double-click on empty space switches on a free band there, a double-click on a handle switches it off", "[gui][eq]")
{
    SessionModel model;
    auto track = model.addTrack ("T", 1);
    EqCurveView view (stripEqBands (model, track, nullptr));
    view.setSize (800, 300);
    const auto at = juce::Point<float> (view.xForFrequency (400), view.yForGain (-6));
    view.mouseDoubleClick (mouseEventAt (view, at, at, {}, false));
    CHECK (SessionModel::stripValue (track, "eq.band1.on") == 1.0);
    CHECK (SessionModel::stripValue (track, "eq.band1.frequencyHz") == Approx (400).epsilon (0.01));
    CHECK (SessionModel::stripValue (track, "eq.band1.gainDb") == Approx (-6).margin (0.1));
    const auto handle = view.handlePosition (0);
    view.mouseDoubleClick (mouseEventAt (view, handle, handle, {}, false));
    CHECK (SessionModel::stripValue (track, "eq.band1.on") == 0.0);
}

TEST_CASE ("compressor editor: the curve drawn is the static curve; its handles set threshold and ratio", "[gui][compressor]")
{
    SessionModel model;
    auto track = model.addTrack ("T", 1);
    model.setStripValue (track, "compressor.enabled", 1.0);
    CompressorCurveView view (model, track, nullptr);
    view.setSize (900, 320);
    for (double in : { -50.0, -20.0, -18.0, -12.0, -3.0, 0.0 })
        CHECK (view.outputDbFor (in) == Approx (Compressor::staticCurveDb (in, -18, 4, 6)).margin (1e-9));

    const auto t = view.thresholdHandle();
    const float perDb = view.curveArea().getWidth() / (float) CompressorCurveView::rangeDb;
    drag (view, t, t + juce::Point<float> (-10.0f * perDb, 0.0f));
    CHECK (SessionModel::stripValue (track, "compressor.thresholdDb") == Approx (-28.0).margin (0.15));
    CHECK (model.undoManager().getUndoDescription() == "Compressor threshold");

    // The ratio handle pulled down to -24 dB out at 0 dB in: 28 dB above the
    // threshold come out as 4 dB: 7:1.
    const auto r = view.ratioHandle();
    const float perDbY = view.curveArea().getHeight() / (float) CompressorCurveView::rangeDb;
    const float targetY = view.curveArea().getBottom() - (float) (CompressorCurveView::rangeDb - 24.0) * perDbY;
    drag (view, r, { r.x, targetY });
    CHECK (SessionModel::stripValue (track, "compressor.ratio") == Approx (7.0).margin (0.15));
    CHECK (view.outputDbFor (0.0) == Approx (-24.0).margin (0.3));
}
