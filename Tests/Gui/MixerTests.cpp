// The mixer driven by the mouse: dragging a track's fader changes the
// model, the running strip and what renders; undo puts all three back.
#include "Gui/MixerView.h"

#include "GuiDriver.h"

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

TEST_CASE ("mixer: dragging a fader changes the model and the render; undo restores both", "[gui][mixer]")
{
    TempFolder dir;
    writeAudio (dir / "dc.wav", 1, 48000, 24000, [] (int64_t, int) { return 0.5f; });
    SessionModel model;
    model.load (sessionOf ({ dir / "dc.wav" }));
    MediaPool media { dir / "cache" };
    SessionPlayer player (model, media);
    MixerView mixer (model);
    mixer.setSize (1200, 640);
    settle();
    auto* strip = mixer.strip (0);
    REQUIRE (strip != nullptr);
    auto& fader = strip->gainFader();
    const double before = renderedPeakDb (model.toDocument(), dir, true);

    const auto bounds = fader.getLocalBounds().toFloat();
    const float capY = (float) fader.getPositionOfValue (fader.getValue());
    drag (fader, { bounds.getCentreX(), capY }, { bounds.getCentreX(), capY + 70.0f });
    settle();

    const double db = model.track (0)[ids::faderDb];
    CHECK (db < -3.0);
    CHECK (model.undoManager().canUndo());
    CHECK (player.runtimeFor (model.track (0)[ids::id])->controls.faderDb.load() == Approx (db).margin (1e-4));
    CHECK (renderedPeakDb (model.toDocument(), dir, true) == Approx (before + db).margin (0.05));

    // One drag is one undo step.
    model.undoManager().undo();
    CHECK ((double) model.track (0)[ids::faderDb] == Approx (0.0));
    CHECK (fader.getValue() == Approx (0.0));
    CHECK (renderedPeakDb (model.toDocument(), dir, true) == Approx (before).margin (0.01));
}

TEST_CASE ("mixer: the polarity button inverts the channel in the render; the trim bar sets the input trim", "[gui][mixer]")
{
    TempFolder dir;
    writeAudio (dir / "dc.wav", 1, 48000, 4800, [] (int64_t, int) { return 0.5f; });
    SessionModel model;
    model.load (sessionOf ({ dir / "dc.wav" }));
    MixerView mixer (model);
    mixer.setSize (1200, 700);
    settle();
    auto* strip = mixer.strip (0);
    REQUIRE (strip != nullptr);
    auto* polarity = findChild<juce::TextButton> (*strip, "Polarity invert");
    REQUIRE (polarity != nullptr);
    polarity->triggerClick();
    settle();
    CHECK (SessionModel::stripValue (model.track (0), "invertPolarity") == 1.0);
    CHECK (renderFloat (model.toDocument(), dir).samples[1000] < 0.0f);

    auto* trim = findChild<juce::Slider> (*strip, "Input trim");
    REQUIRE (trim != nullptr);
    trim->setValue (-6.0, juce::sendNotificationSync);
    CHECK ((double) model.track (0)[ids::trimDb] == Approx (-6.0));
}
