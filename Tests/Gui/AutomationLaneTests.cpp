// Automation lanes in the arrange view, edited with the mouse: a lane is
// shown from the track's menu (a flat line at the fader's value), a click
// adds a point that the render then follows, a drag moves it, alt-drag
// bends a segment, a double-click deletes a point, each one undo step.
#include "Gui/Arrange/ArrangeView.h"

#include "GuiDriver.h"

#include "Engine/SessionPlayer.h"
#include "Gui/GainFader.h"
#include "Helpers/FloatRender.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"
#include "IO/MediaPool.h"
#include "Render/OfflineRenderer.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace crest;
using namespace crest::test;

namespace
{
double renderedDbAt (const SessionDocument& session, const TempFolder& dir, int64_t frame)
{
    const auto audio = renderFloat (session, dir);
    return 20.0 * std::log10 (std::abs (audio.samples[(size_t) (frame * 2)]) / (0.5 * std::cos (M_PI / 4)));
}
} // namespace

TEST_CASE ("automation lanes: shown from the track, points added, moved, bent and deleted with the mouse; the render follows", "[gui][automation]")
{
    TempFolder dir;
    writeAudio (dir / "dc.wav", 1, 48000, 48000 * 4, [] (int64_t, int) { return 0.5f; });
    SessionModel model;
    model.load (sessionOf ({ dir / "dc.wav" }));
    MediaPool media (dir / "cache");
    SessionPlayer player (model, media);
    ArrangeView arrange (model, player, media);
    arrange.setSize (1400, 600);
    arrange.sessionOpened (dir / "song.crest");
    settle();
    auto track = model.track (0);

    arrange.showAutomation (track, "faderDb");
    settle();
    auto* lane = arrange.automationLaneFor (track, "faderDb");
    REQUIRE (lane != nullptr);
    REQUIRE (SessionModel::laneOf (track, "faderDb")->points.size() == 1);

    // A click at two seconds, at -12 dB on the fader's travel.
    const auto at = juce::Point<float> (lane->laneX (96000),
                                        4.0f + ((float) lane->getHeight() - 8.0f) * (float) (1.0 - GainFader::proportionOfDb (-12.0)));
    click (*lane, at);
    auto points = SessionModel::laneOf (track, "faderDb")->points;
    REQUIRE (points.size() == 2);
    CHECK (points[1].time == Approx (96000).margin (arrange.scale().samplesPerPixel));
    CHECK (points[1].value == Approx (-12.0).margin (0.3));
    CHECK (model.undoManager().getUndoDescription() == "Add automation point");
    // The lane ramps (in amplitude) from 0 dB at zero to the point; after it, it holds.
    CHECK (renderedDbAt (model.toDocument(), dir, 150000) == Approx (points[1].value).margin (0.05));

    // Drag the point a second later and down to about -20 dB.
    const auto from = lane->pointPosition (points[1]);
    const auto to = juce::Point<float> (lane->laneX (144000),
                                        4.0f + ((float) lane->getHeight() - 8.0f) * (float) (1.0 - GainFader::proportionOfDb (-20.0)));
    drag (*lane, from, to);
    points = SessionModel::laneOf (track, "faderDb")->points;
    REQUIRE (points.size() == 2);
    CHECK (points[1].time == Approx (144000).margin (arrange.scale().samplesPerPixel));
    CHECK (points[1].value == Approx (-20.0).margin (0.5));
    CHECK (renderedDbAt (model.toDocument(), dir, 170000) == Approx (points[1].value).margin (0.05));

    // Alt-drag on the segment bends it.
    const float middleX = 0.5f * (lane->pointPosition (points[0]).x + lane->pointPosition (points[1]).x);
    drag (*lane, { middleX, (float) lane->getHeight() / 2 }, { middleX, (float) lane->getHeight() / 2 - 30.0f }, juce::ModifierKeys::altModifier);
    CHECK (SessionModel::laneOf (track, "faderDb")->points[0].curve == Approx (0.5).margin (0.01));
    CHECK (model.undoManager().getUndoDescription() == "Bend automation");

    // A double-click deletes the point; undo brings it back.
    const auto p = lane->pointPosition (SessionModel::laneOf (track, "faderDb")->points[1]);
    lane->mouseDoubleClick (mouseEventAt (*lane, p, p, {}, false));
    CHECK (SessionModel::laneOf (track, "faderDb")->points.size() == 1);
    model.undoManager().undo();
    CHECK (SessionModel::laneOf (track, "faderDb")->points.size() == 2);

    // Removing the lane removes its row.
    auto* remove = findButton (*lane, "x");
    REQUIRE (remove != nullptr);
    remove->triggerClick();
    settle();
    CHECK_FALSE (SessionModel::laneOf (track, "faderDb").has_value());
    CHECK (arrange.automationLaneFor (track, "faderDb") == nullptr);
}
