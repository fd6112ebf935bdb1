// The transport bar: the position in bars and beats at the session's tempo
// and meter, and a typed tempo and meter as one undo step.
#include "Gui/TransportBar.h"

#include "GuiDriver.h"

#include "Engine/SessionPlayer.h"
#include "IO/MediaPool.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>

using namespace crest;
using namespace crest::test;

TEST_CASE ("transport bar: bars and beats follow the tempo; a typed tempo and meter is one undo step", "[gui][transport]")
{
    TempFolder dir;
    SessionModel model;
    MediaPool media (dir / "cache");
    SessionPlayer player (model, media);
    TransportBar bar (model, player);
    bar.setSize (1280, 64);

    bar.applyTempoText ("96 6/8");
    CHECK ((double) model.state()[ids::tempoBpm] == 96.0);
    CHECK ((int) model.state()[ids::meterNumerator] == 6);
    CHECK ((int) model.state()[ids::meterDenominator] == 8);
    CHECK (model.undoManager().getUndoDescription() == "Tempo and meter");

    // A bar of 6/8 at 96 quarter notes a minute: six eighths, 1.875 s.
    player.seek (90000);
    player.engine().process (std::array<float*, 2> { nullptr, nullptr }.data(), 2, 0);
    bar.refresh();
    auto* bars = findChild<juce::Label> (bar, "Position in bars and beats");
    REQUIRE (bars != nullptr);
    CHECK (bars->getText() == "2.1.00");

    bar.applyTempoText ("not a tempo");
    CHECK ((double) model.state()[ids::tempoBpm] == 96.0);
    model.undoManager().undo();
    CHECK ((double) model.state().getProperty (ids::tempoBpm, 120.0) == 120.0);
}
