// The album as the app edits it: the tree holds everything the album
// file does (a round trip changes nothing, own chains and EQs included),
// and every edit the Album view makes — order, gap, crossfade, curve,
// trim, text, strategy, tracks added and removed — is one undo step that
// restores the album exactly.
#include "Album/AlbumModel.h"

#include <catch2/catch.hpp>

using namespace crest;
namespace ai = crest::albumIds;

namespace
{
AlbumDocument threeSongs()
{
    AlbumDocument album;
    album.title = "Night Drive";
    album.performer = "The Crest Trio";
    album.upc = "0036000291452";
    album.sharedChain.add ("limiter").set ("ceilingDb", -1.0);
    album.strategy = LoudnessStrategy::anchored;
    album.anchorTrack = "track-2";
    for (int i = 0; i < 3; ++i)
    {
        AlbumTrack t;
        t.id = album.freshTrackId();
        t.source = "/music/" + std::to_string (i + 1) + ".wav";
        t.title = "Song " + std::to_string (i + 1);
        t.isrc = "USRC1760000" + std::to_string (i + 1);
        t.gapBeforeSamples = 88200 + i;
        album.tracks.push_back (t);
    }
    album.tracks[0].chain = MasterChainDocument {};
    album.tracks[0].chain->add ("saturation").set ("driveDb", 3.0);
    album.tracks[1].crossfadeSamples = 44100;
    album.tracks[1].crossfadeCurve = CrossfadeCurve::sCurve;
    album.tracks[2].eq.set ("band3.gainDb", 2.0);
    album.tracks[2].lengthSamples = 1234567;
    return album;
}

std::vector<std::string> order (const AlbumModel& model)
{
    std::vector<std::string> ids;
    for (const auto& t : model.toDocument().tracks)
        ids.push_back (t.id);
    return ids;
}
} // namespace

TEST_CASE ("the album model holds the whole album file", "[album][model]")
{
    AlbumModel model;
    const auto album = threeSongs();
    model.load (album);
    CHECK (model.toDocument() == album);
    CHECK (model.numTracks() == 3);
    CHECK (model.indexOf ("track-3") == 2);
    CHECK_FALSE (model.undoManager().canUndo());
}

TEST_CASE ("reordering is one undo step, and a crossfade left on the last track goes with it", "[album][model]")
{
    AlbumModel model;
    const auto album = threeSongs();
    model.load (album);
    model.beginGesture ("Move track");
    model.moveTrack (1, 2);   // the track that crossfades into the next is now last
    CHECK (order (model) == std::vector<std::string> { "track-1", "track-3", "track-2" });
    CHECK (model.toDocument().tracks[2].crossfadeSamples == 0);
    model.undoManager().undo();
    CHECK (model.toDocument() == album);
    model.undoManager().redo();
    CHECK (order (model) == std::vector<std::string> { "track-1", "track-3", "track-2" });
}

TEST_CASE ("gaps, crossfades, curves, trims, text and the strategy undo to the sample", "[album][model]")
{
    AlbumModel model;
    const auto album = threeSongs();
    model.load (album);

    model.beginGesture ("Crossfade");
    for (int64_t n = 1000; n <= 30000; n += 1000)   // a drag: many calls, one step
        model.setCrossfadeSamples (0, n);
    model.beginGesture ("Gap");
    model.setGapSamples (2, 588 * 75);
    model.beginGesture ("Curve");
    model.setCrossfadeCurve (1, CrossfadeCurve::linear);
    model.beginGesture ("Trim");
    model.setTrimDb (2, -1.5);
    model.beginGesture ("Title");
    model.setTrackText (0, ai::title, juce::String::fromUTF8 ("Überschrift"));
    model.beginGesture ("Strategy");
    model.setStrategy (LoudnessStrategy::everyTrack, -16.0, {});

    auto edited = model.toDocument();
    CHECK (edited.tracks[0].crossfadeSamples == 30000);
    CHECK (edited.tracks[2].gapBeforeSamples == 44100);
    CHECK (edited.tracks[1].crossfadeCurve == CrossfadeCurve::linear);
    CHECK (edited.tracks[2].trimDb == -1.5);
    CHECK (edited.tracks[0].title == "\xc3\x9c" "berschrift");
    CHECK (edited.strategy == LoudnessStrategy::everyTrack);
    CHECK (edited.targetLufs == -16.0);

    // A gap cannot go below zero; the last track cannot crossfade.
    model.beginGesture ("Gap");
    model.setGapSamples (1, -5);
    CHECK (model.toDocument().tracks[1].gapBeforeSamples == 0);
    model.undoManager().undo();
    model.setCrossfadeSamples (2, 500);
    CHECK (model.toDocument().tracks[2].crossfadeSamples == 0);

    for (int step = 0; step < 6; ++step)
        REQUIRE (model.undoManager().undo());
    CHECK (model.toDocument() == album);
}

TEST_CASE ("tracks added and removed are undoable, with fresh ids", "[album][model]")
{
    AlbumModel model;
    const auto album = threeSongs();
    model.load (album);
    model.beginGesture ("Add tracks");
    model.addTracks ({ "/music/new.wav", "/music/newer.wav" }, 1);
    const auto added = model.toDocument();
    REQUIRE (added.tracks.size() == 5);
    CHECK (added.tracks[1].source == "/music/new.wav");
    CHECK (added.tracks[1].title == "new");
    CHECK (added.tracks[1].id == "track-4");
    CHECK (added.tracks[2].id == "track-5");
    CHECK (added.tracks[1].gapBeforeSamples == 88200);

    model.beginGesture ("Remove track");
    model.removeTrack (4);   // the last: the one before it (track-2, crossfading) becomes last
    CHECK (model.toDocument().tracks.back().crossfadeSamples == 0);
    model.undoManager().undo();
    CHECK (model.toDocument() == added);
    model.undoManager().undo();
    CHECK (model.toDocument() == album);
}

TEST_CASE ("a track a crossfade comes to lead into loses its pause, in the same step", "[album][model]")
{
    AlbumModel model;
    const auto album = threeSongs();   // track 2 crossfades into track 3; every track has a pause
    model.load (album);
    model.beginGesture ("Move track");
    model.moveTrack (0, 2);   // 2, 3, 1: track 2 crossfades into 3, which so has no pause
    CHECK (model.toDocument().tracks[0].crossfadeSamples == 44100);
    CHECK (model.toDocument().tracks[1].gapBeforeSamples == 0);
    CHECK (model.toDocument().tracks[2].gapBeforeSamples == album.tracks[0].gapBeforeSamples);
    model.undoManager().undo();
    CHECK (model.toDocument() == album);
    model.beginGesture ("Move track");
    model.moveTrack (2, 0);   // 3, 1, 2: track 2 is last, its crossfade dropped
    CHECK (model.toDocument().tracks[2].crossfadeSamples == 0);
    model.undoManager().undo();
    model.beginGesture ("Add track");
    model.addTracks ({ "/music/new.wav" }, 2);   // between 2 and 3: the crossfade now leads into the new track
    const auto added = model.toDocument();
    CHECK (added.tracks[1].crossfadeSamples == 44100);
    CHECK (added.tracks[2].gapBeforeSamples == 0);
    model.undoManager().undo();
    CHECK (model.toDocument() == album);
}
