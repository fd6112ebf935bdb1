// Importing audio by dropping files on the app's window: a file at another
// rate is converted (behind a progress window) and lands as a track whose
// clip lasts as long as the file; a file dropped on a lane becomes a clip
// there; a corrupt or unsupported file is named in a message while the
// others still come in; the whole drop is one undo step.
#include "App/MainWindow.h"
#include "Gui/MainComponent.h"

#include "GuiDriver.h"

#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"
#include "Session/SessionFile.h"

#include <catch2/catch.hpp>

using namespace crest;
using namespace crest::test;

namespace
{


juce::StringArray paths (std::initializer_list<std::filesystem::path> files)
{
    juce::StringArray list;
    for (const auto& f : files)
        list.add (juce::String (f.string()));
    return list;
}
} // namespace

TEST_CASE ("import: dropped files become tracks, converted to the session's rate; a corrupt one is named, the rest come in", "[gui][import]")
{
    TempFolder dir;
    writeAudio (dir / "a.wav", 1, 48000, 4800, [] (int64_t, int) { return 0.1f; });
    const auto file = dir / "song.crest";
    saveSessionFile (sessionOf ({ dir / "a.wav" }), file);
    writeAudio (dir / "guitar.wav", 2, 44100, 44100, [] (int64_t n, int) { return 0.2f * (float) std::sin ((double) n * 0.05); });
    writeBytes (dir / "broken.wav", "RIFF\x24\x00\x00\x00WAVEfmt nonsense");
    writeBytes (dir / "notes.txt", "not audio at all");

    MainWindow window ("none");
    REQUIRE (window.openSession (file));
    settle();
    auto& model = window.sessionModel();
    model.undoManager().clearUndoHistory();

    window.filesDropped (paths ({ dir / "broken.wav", dir / "guitar.wav", dir / "notes.txt" }), 10, 10);
    REQUIRE (waitFor ([&] { return model.numTracks() == 2; }, 10000));
    settle();
    auto* alert = openAlert();
    REQUIRE (alert != nullptr);
    CHECK (alert->getDescription().contains ("broken.wav"));
    CHECK (alert->getDescription().contains ("notes.txt"));
    alert->exitModalState (0);
    settle();

    const auto track = model.track (1);
    CHECK (track[ids::name].toString() == "guitar");
    CHECK ((int) track[ids::channels] == 2);
    const auto clip = SessionModel::clipOf (track.getChild (0));
    CHECK (clip.lengthSamples == 48000);   // one second, at the session's 48 kHz
    CHECK (window.isModified());

    model.undoManager().undo();
    CHECK (model.numTracks() == 1);
}

TEST_CASE ("import: a file dropped on a lane becomes a clip on that track where it was dropped", "[gui][import]")
{
    TempFolder dir;
    writeAudio (dir / "a.wav", 1, 48000, 4800, [] (int64_t, int) { return 0.1f; });
    writeAudio (dir / "b.wav", 1, 48000, 9600, [] (int64_t, int) { return 0.3f; });
    const auto file = dir / "song.crest";
    saveSessionFile (sessionOf ({ dir / "a.wav" }), file);

    MainWindow window ("none");
    window.setSize (1400, 800);
    REQUIRE (window.openSession (file));
    window.mainComponent().showView (AppView::arrange);   // whatever view the last run left remembered
    settle();
    auto& arrange = window.mainComponent().arrange();
    auto* lane = arrange.laneFor (window.sessionModel().track (0));
    REQUIRE (lane != nullptr);
    // Half way along the lane, in the window's coordinates.
    const auto inLane = juce::Point<int> (lane->getWidth() / 2, lane->getHeight() / 2);
    const auto inWindow = window.getLocalPoint (lane, inLane);
    window.filesDropped (paths ({ dir / "b.wav" }), inWindow.x, inWindow.y);
    settle();

    REQUIRE (window.sessionModel().numTracks() == 1);
    const auto track = window.sessionModel().track (0);
    REQUIRE (track.getNumChildren() == 2);
    const auto clip = SessionModel::clipOf (track.getChild (1));
    const auto expected = arrange.snap (arrange.scale().sampleAt ((float) inLane.x), {});
    CHECK (clip.startSample == expected);
    CHECK (clip.startSample > 0);
}
