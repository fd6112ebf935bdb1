// Autosave and recovery in the app's window: a structural edit writes the
// side file, a save removes it, and opening a session whose side file is
// newer offers the changes; Recover opens them as unsaved changes, Open
// saved drops them. The [.killed] case recovers what a killed app left
// (Tests/app-killed-autosave.sh makes it; ctest chains the two).
#include "App/MainWindow.h"
#include "Gui/MainComponent.h"

#include "GuiDriver.h"

#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"
#include "Session/SessionFile.h"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace crest;
using namespace crest::test;

namespace
{

bool answer (const juce::String& buttonText)
{
    settle();
    auto* alert = openAlert();
    if (alert == nullptr)
        return false;
    auto* button = findButton (*alert, buttonText);
    if (button == nullptr)
        return false;
    button->triggerClick();
    settle();
    return true;
}

std::filesystem::path savedSession (const TempFolder& dir)
{
    writeAudio (dir / "a.wav", 1, 48000, 4800, [] (int64_t, int) { return 0.1f; });
    const auto file = dir / "song.crest";
    saveSessionFile (sessionOf ({ dir / "a.wav" }), file);
    return file;
}

} // namespace

TEST_CASE ("recovery: a structural edit is autosaved beside the session within seconds; a save removes it", "[gui][recovery]")
{
    TempFolder dir;
    const auto file = savedSession (dir);
    MainWindow window ("none");
    REQUIRE (window.openSession (file));
    settle();
    const auto side = Autosaver::sideFileFor (file);
    CHECK_FALSE (std::filesystem::exists (side));

    window.mainComponent().arrange().addTrack();
    REQUIRE (waitFor ([&] { return std::filesystem::exists (side); }, 3000));
    CHECK (loadSessionFile (side).tracks.size() == 2);
    CHECK (loadSessionFile (file).tracks.size() == 1);   // the session itself is untouched

    REQUIRE (window.save());
    CHECK (loadSessionFile (file).tracks.size() == 2);
    CHECK_FALSE (std::filesystem::exists (side));
}

TEST_CASE ("recovery: a newer side file is offered on open; Recover opens it as unsaved changes, Open saved drops it", "[gui][recovery]")
{
    TempFolder dir;
    const auto file = savedSession (dir);
    auto changed = loadSessionFile (file);
    changed.tracks[0].faderDb = -7.5;
    changed.tracks.push_back (changed.tracks[0]);
    changed.tracks.back().id = "t-copy";
    juce::Thread::sleep (20);   // the side file is newer
    saveSessionFile (changed, Autosaver::sideFileFor (file));

    {
        MainWindow window ("none");
        REQUIRE (window.openSession (file));
        REQUIRE (answer ("Recover"));
        REQUIRE (waitFor ([&] { return window.sessionModel().numTracks() == 2; }, 3000));
        CHECK ((double) window.sessionModel().track (0)[ids::faderDb] == Approx (-7.5));
        CHECK (window.isModified());
        CHECK (window.getName().contains ("*"));
    }
    // Closing discarded the changes: nothing is offered again.
    CHECK_FALSE (Autosaver::recoveryFor (file).has_value());

    saveSessionFile (changed, Autosaver::sideFileFor (file));
    {
        MainWindow window ("none");
        REQUIRE (window.openSession (file));
        REQUIRE (answer ("Open saved"));
        REQUIRE (waitFor ([&] { return window.sessionModel().numTracks() == 1; }, 3000));
        CHECK_FALSE (window.isModified());
        CHECK_FALSE (std::filesystem::exists (Autosaver::sideFileFor (file)));
    }
}

TEST_CASE ("recovery: the session a killed app left is recovered", "[.killed]")
{
    const char* folder = std::getenv ("CREST_KILLED_SESSION_DIR");
    REQUIRE (folder != nullptr);
    const auto file = std::filesystem::path (folder) / "demo.crest";
    REQUIRE (Autosaver::recoveryFor (file).has_value());
    MainWindow window ("none");
    REQUIRE (window.openSession (file));
    REQUIRE (answer ("Recover"));
    REQUIRE (waitFor ([&] { return window.sessionModel().numTracks() == 9; }, 10000));
    CHECK (window.isModified());
}
