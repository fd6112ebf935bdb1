// The first minute: with no session the window offers to start a mix from
// stems, master a file, open a recent session or the demo; each of those
// leads to a session that plays. Opened sessions join the recent list.
#include "App/MainWindow.h"
#include "Gui/MainComponent.h"

#include "GuiDriver.h"

#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"
#include "Session/SessionFile.h"

#include <catch2/catch.hpp>

using namespace crest;
using namespace crest::test;

TEST_CASE ("start page: a new mix from stems, a mastering session, and the recent sessions", "[gui][start]")
{
    TempFolder dir;
    writeAudio (dir / "kick.wav", 1, 48000, 4800, [] (int64_t, int) { return 0.3f; });
    writeAudio (dir / "bass.wav", 2, 44100, 4410, [] (int64_t, int) { return 0.2f; });
    writeAudio (dir / "mix.wav", 2, 48000, 9600, [] (int64_t, int) { return 0.1f; });

    MainWindow window ("none");
    window.showStartPage();
    CHECK (window.mainComponent().isShowingStartPage());
    CHECK (findButton (window.mainComponent().start(), "New mix from stems...") != nullptr);
    CHECK (findButton (window.mainComponent().start(), "Master a stereo file...") != nullptr);
    CHECK (findButton (window.mainComponent().start(), "Open the demo song") != nullptr);

    window.startFromFiles ({ dir / "kick.wav", dir / "bass.wav" }, false);
    REQUIRE (waitFor ([&] { return window.sessionModel().numTracks() == 2; }, 10000));
    CHECK_FALSE (window.mainComponent().isShowingStartPage());
    CHECK (window.isModified());   // nothing saved yet
    CHECK (window.sessionModel().track (1)[ids::name].toString() == "bass");

    window.startFromFiles ({ dir / "mix.wav" }, true);
    REQUIRE (waitFor ([&] { return window.sessionModel().numTracks() == 1; }, 10000));
    CHECK (! window.sessionModel().toDocument().masterChain.modules.empty());   // the default chain

    saveSessionFile (sessionOf ({ dir / "kick.wav" }), dir / "a.crest");
    saveSessionFile (sessionOf ({ dir / "kick.wav" }), dir / "b.crest");
    AppSettings settings;
    settings.addRecentSession (dir / "a.crest");
    settings.addRecentSession (dir / "b.crest");
    const auto recent = settings.recentSessions();
    REQUIRE (recent.size() >= 2);
    CHECK (recent[0] == dir / "b.crest");
    CHECK (recent[1] == dir / "a.crest");
}
