// The Album view driven by the mouse: dragging a track to a new place
// changes the album's order in the model, in what plays and in what
// renders; dragging a transition's handle left lengthens its crossfade,
// right turns it into a pause; undo restores both. PageDown lands 3 s
// before the next transition; a streaming service's preview plays each
// track at the gain its documented rule gives.
#include "Gui/Album/AlbumView.h"

#include "GuiDriver.h"

#include "Album/AlbumFile.h"
#include "App/MainWindow.h"
#include "Gui/MainComponent.h"
#include "Album/AlbumRender.h"
#include "Album/AlbumWorkspace.h"
#include "Engine/SessionPlayer.h"
#include "Helpers/TestFiles.h"
#include "IO/MediaPool.h"
#include "Mastering/TargetPresets.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

namespace
{
constexpr double rate = 44100;
const std::vector<std::pair<const char*, double>> songs { { "A", 6.0 }, { "B", 8.0 }, { "C", 5.0 } };

int64_t framesOf (double seconds) { return (int64_t) (seconds * rate); }

struct AlbumFixture
{
    TempFolder dir;
    SessionModel session;
    MediaPool media { dir / "media" };
    SessionPlayer player { session, media };
    AlbumWorkspace workspace { player };
    std::unique_ptr<AlbumView> view;

    AlbumFixture()
    {
        AlbumDocument album;
        album.sampleRate = rate;
        album.title = "Test";
        double frequency = 220;
        for (const auto& [title, seconds] : songs)
        {
            AlbumTrack t;
            t.id = album.freshTrackId();
            t.title = title;
            t.source = dir / (std::string (title) + ".wav");
            const double f = frequency;
            writeAudio (t.source, 2, rate, framesOf (seconds),
                        [f] (int64_t n, int) { return 0.4f * (float) std::sin (2 * M_PI * f * (double) n / rate); });
            frequency *= 1.5;
            t.gapBeforeSamples = framesOf (2.0);
            album.tracks.push_back (t);
        }
        album.tracks[1].crossfadeSamples = framesOf (1.0);   // B into C
        album.tracks[2].gapBeforeSamples = 0;
        saveAlbumFile (album, dir / "test.crest-album", false);
        workspace.open (dir / "test.crest-album");
        view = std::make_unique<AlbumView> (workspace);
        view->setSize (1200, 700);
        REQUIRE (waitFor ([this] { view->update(); return view->isPrepared() && ! workspace.preview().progress().busy; }, 60000));
        settle();
    }

    std::vector<std::string> order()
    {
        std::vector<std::string> titles;
        for (const auto& t : workspace.model().toDocument().tracks)
            titles.push_back (t.title);
        return titles;
    }

    // What renders now: the layout of `crest album render` for the album as edited.
    AlbumLayout rendered()
    {
        AlbumRenderRequest request;
        request.album = workspace.model().toDocument();
        request.folder = dir / "render";
        request.replaceExisting = true;
        return renderAlbum (request).layout;
    }
};
} // namespace

TEST_CASE ("dragging a track to a new place reorders the album in the model, the playback and the render; undo restores it",
           "[gui][album]")
{
    AlbumFixture f;
    auto& timeline = f.view->timeline();
    const auto from = timeline.trackBounds (0).getCentre().toFloat();
    const auto to = juce::Point<float> ((float) timeline.trackBounds (2).getRight() - 2, from.y);
    drag (timeline, from, to);
    settle();
    CHECK (f.order() == std::vector<std::string> { "B", "C", "A" });
    CHECK (f.workspace.model().undoManager().getUndoDescription() == "Move track");

    // Played at once with the masters in hand: B, C, then A, by their lengths.
    const auto& playing = f.view->playingLayout();
    REQUIRE (playing.spans.size() == 3);
    CHECK (playing.spans[0].length() == framesOf (8.0));
    CHECK (playing.spans[2].length() == framesOf (6.0));
    const auto render = f.rendered();
    CHECK (render.spans[0].length() == framesOf (8.0));
    CHECK (render.spans[1].length() == framesOf (5.0));
    CHECK (render.spans[2].length() == framesOf (6.0));
    CHECK (render.spans[1].fadeIn == framesOf (1.0));   // B's crossfade into C went with them

    f.workspace.model().undoManager().undo();
    settle();
    CHECK (f.order() == std::vector<std::string> { "A", "B", "C" });
    CHECK (f.view->playingLayout().spans[0].length() == framesOf (6.0));
    CHECK (f.rendered().spans[0].length() == framesOf (6.0));
}

TEST_CASE ("dragging a transition's handle sets its crossfade or its pause, one undo step each", "[gui][album]")
{
    AlbumFixture f;
    auto& timeline = f.view->timeline();
    auto& model = f.workspace.model();
    const auto handle = timeline.transitionHandle (2).toFloat();   // C's start: B crossfades into it
    const auto previousEnd = f.view->shownLayout().spans[1].end;

    SECTION ("left: a longer crossfade, snapped so C's mark is on a CD frame")
    {
        drag (timeline, handle, handle - juce::Point<float> (60, 0));
        settle();
        const auto crossfade = model.toDocument().tracks[1].crossfadeSamples;
        CHECK (crossfade > framesOf (1.0));
        CHECK ((previousEnd - crossfade) % 588 == 0);
        CHECK (model.undoManager().getUndoDescription() == "Change transition");
        CHECK (f.view->playingLayout().spans[2].fadeIn == crossfade);
        CHECK (f.rendered().spans[2].fadeIn == crossfade);
        model.undoManager().undo();
        settle();
        CHECK (model.toDocument().tracks[1].crossfadeSamples == framesOf (1.0));
        CHECK (f.view->playingLayout().spans[2].fadeIn == framesOf (1.0));
    }
    SECTION ("right, past B's end: the crossfade becomes a pause")
    {
        const float past = (float) timeline.xForSample (previousEnd + framesOf (1.5));
        drag (timeline, handle, { past, handle.y });
        settle();
        const auto album = model.toDocument();
        CHECK (album.tracks[1].crossfadeSamples == 0);
        CHECK (album.tracks[2].gapBeforeSamples == Approx (framesOf (1.5)).margin (588 + rate * 0.05));
        CHECK (f.view->playingLayout().spans[2].fadeIn == 0);
        model.undoManager().undo();
        settle();
        CHECK (model.toDocument().tracks[1].crossfadeSamples == framesOf (1.0));
        CHECK (model.toDocument().tracks[2].gapBeforeSamples == 0);
    }
}

TEST_CASE ("PageDown and PageUp land 3 s before the next and previous transitions, in the window", "[gui][album]")
{
    AlbumFixture f;   // its album file, opened in the app's own window
    MainWindow window ("none");
    window.setSize (1400, 800);
    REQUIRE (window.openAlbum (f.dir / "test.crest-album"));
    auto& album = window.albumWorkspace();
    REQUIRE (waitFor ([&] { return window.mainComponent().album().isPrepared(); }, 60000));
    const auto spans = window.mainComponent().album().shownLayout().spans;
    auto press = [&] (int key) {
        auto& commands = window.commandManager();
        const auto id = commands.getKeyMappings()->findCommandForKeyPress (juce::KeyPress (key));
        REQUIRE (id != 0);
        REQUIRE (commands.invokeDirectly (id, false));
    };
    // The player counts at the device's rate (the album's without a device).
    auto played = [&] (int64_t albumSample) { return (int64_t) std::llround ((double) albumSample * album.playbackRate() / rate); };
    press (juce::KeyPress::pageDownKey);
    CHECK (album.player().position() == played (spans[1].start - framesOf (3.0)));
    press (juce::KeyPress::pageDownKey);   // at once, before the audio thread took the first seek
    CHECK (album.player().position() == played (spans[2].start - framesOf (3.0)));
    press (juce::KeyPress::pageUpKey);
    CHECK (album.player().position() == played (spans[1].start - framesOf (3.0)));
    CHECK (album.model().undoManager().canUndo() == false);   // moving the playhead is not an edit
}

TEST_CASE ("the streaming preview plays each track at its service's documented gain", "[gui][album]")
{
    AlbumFixture f;
    auto& selector = f.view->serviceSelector();
    CHECK (f.view->playedGainsDb() == std::vector<double> (3, 0.0));   // as mastered: the strategy is none
    const auto services = targetPresets();
    int item = 2;
    for (const auto& preset : services)
    {
        if (! preset.playback)
            continue;
        INFO (preset.name);
        selector.setSelectedId (item++);   // sends the change, as a user's pick does
        settle();
        const auto& rule = *preset.playback;
        const auto& table = f.view->table();
        // The table's figures are the measured ones the rule is applied to.
        std::vector<double> lufs;
        for (int row = 0; row < 3; ++row)
            lufs.push_back (table.cellText (row, 4).getDoubleValue());
        const double albumLufs = table.cellText (3, 4).getDoubleValue();
        const auto& played = f.view->playedGainsDb();
        REQUIRE (played.size() == 3);
        for (size_t t = 0; t < 3; ++t)
        {
            // These tracks are loud (about -11 LUFS): every service turns them down, none up.
            const double by = rule.albumMode ? (rule.albumIsLoudestTrack ? *std::max_element (lufs.begin(), lufs.end()) : albumLufs)
                                             : lufs[t];
            const double expected = std::min (0.0, rule.referenceLufs - by);
            CHECK (played[t] == Approx (expected).margin (0.06));   // the table shows a tenth of a dB
            CHECK (table.cellText ((int) t, 11 + item - 3).getDoubleValue() == Approx (played[t]).margin (0.06));
        }
    }
}

TEST_CASE ("an album naming a missing file opens, and the view names the track and the file", "[gui][album]")
{
    AlbumFixture f;
    fs::remove (f.dir / "B.wav");
    f.workspace.model().beginGesture ("Trim");
    f.workspace.model().setTrimDb (0, -1.0);   // an edit: prepared again, and B is gone
    REQUIRE (waitFor ([&] { f.view->update(); return f.view->statusText().contains ("B.wav"); }, 60000));
    CHECK (f.view->statusText().contains ("track 2"));
    CHECK (f.view->statusText().contains ("does not exist"));
    CHECK (f.workspace.model().numTracks() == 3);   // the album is as it was: nothing dropped
}

TEST_CASE ("in the app: audio dropped on the Album view becomes tracks (undoable), and unsaved album edits are asked about before quitting",
           "[gui][album]")
{
    AlbumFixture f;
    writeAudio (f.dir / "D.wav", 2, rate, framesOf (4.0), [] (int64_t, int) { return 0.1f; });
    MainWindow window ("none");
    window.setSize (1400, 800);
    REQUIRE (window.openAlbum (f.dir / "test.crest-album"));
    auto& album = window.albumWorkspace();
    CHECK_FALSE (album.isModified());
    window.filesDropped (juce::StringArray { juce::String ((f.dir / "D.wav").string()) }, 400, 300);
    settle();
    REQUIRE (album.model().numTracks() == 4);
    CHECK (album.model().toDocument().tracks[3].title == "D");
    CHECK (album.isModified());

    bool closed = false;
    window.confirmClosing ([&] { closed = true; });
    settle();
    auto* alert = openAlert();
    REQUIRE (alert != nullptr);
    CHECK (alert->getName() == "Save album changes?");
    auto* save = findButton (*alert, "Save");
    REQUIRE (save != nullptr);
    save->triggerClick();   // to its file: nothing is lost
    settle();
    CHECK (closed);
    CHECK_FALSE (album.isModified());
    CHECK (loadAlbumFile (f.dir / "test.crest-album").tracks.size() == 4);
    CHECK (fs::exists (f.dir / "test.crest-album.bak"));   // the previous version kept

    window.commandManager().invokeDirectly (window.commandManager().getKeyMappings()->findCommandForKeyPress (
                                                juce::KeyPress ('z', juce::ModifierKeys::commandModifier, 0)),
                                            false);
    CHECK (album.model().numTracks() == 3);   // Undo in the Album view undoes the album's edit
}

TEST_CASE ("a clicked track's title, ISRC and trim are edited below the timeline, one undo step each; a bad ISRC is not taken",
           "[gui][album]")
{
    AlbumFixture f;
    auto& model = f.workspace.model();
    auto& timeline = f.view->timeline();
    click (timeline, timeline.trackBounds (1).getCentre().toFloat());
    auto& inspector = f.view->trackInspector();
    REQUIRE (inspector.shownTrack() == 1);
    auto* title = findChild<juce::TextEditor> (inspector, "Title");
    auto* isrc = findChild<juce::TextEditor> (inspector, "ISRC");
    auto* trim = findChild<juce::Slider> (inspector, "Track trim");
    auto* remove = findButton (inspector, "Remove track");
    REQUIRE ((title && isrc && trim && remove));
    CHECK (title->getText() == "B");

    title->setText ("Bridges");
    title->onReturnKey();
    CHECK (model.toDocument().tracks[1].title == "Bridges");
    CHECK (model.undoManager().getUndoDescription() == "Track title");

    isrc->setText ("not a code");
    isrc->onReturnKey();
    CHECK (model.toDocument().tracks[1].isrc.empty());   // refused: the album file could not be read back with it
    isrc->setText ("us-rc1-76-00001");
    isrc->onReturnKey();
    CHECK (model.toDocument().tracks[1].isrc == "USRC17600001");

    trim->setValue (-2.5);   // as a typed value: one step
    settle();
    CHECK (model.toDocument().tracks[1].trimDb == Approx (-2.5));

    remove->triggerClick();
    settle();
    CHECK (model.numTracks() == 2);
    for (int step = 0; step < 4; ++step)
        model.undoManager().undo();
    settle();
    const auto back = model.toDocument();
    REQUIRE (back.tracks.size() == 3);
    CHECK (back.tracks[1].title == "B");
    CHECK (back.tracks[1].isrc.empty());
    CHECK (back.tracks[1].trimDb == 0.0);
    CHECK (title->getText() == "B");   // the fields follow the undo
}
