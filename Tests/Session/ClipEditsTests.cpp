// The arrange view's clip edits: the audio under a clip stays where it was
// when an edge moves, a split plays exactly as the whole did, nothing
// reads outside its file, and each edit is one undo step in the model.
#include "Session/ClipEdits.h"
#include "Session/SessionModel.h"

#include <catch2/catch.hpp>

using namespace crest;

namespace
{
ClipDocument aClip()
{
    ClipDocument clip;
    clip.file = "/media/a.wav";
    clip.startSample = 48000;
    clip.sourceOffsetSamples = 1000;
    clip.lengthSamples = 96000;
    clip.fadeInSamples = 500;
    clip.fadeOutSamples = 700;
    return clip;
}
} // namespace

TEST_CASE ("ClipEdits: moving keeps the clip, never before zero", "[session][clips]")
{
    CHECK (clipMovedTo (aClip(), 100).startSample == 100);
    CHECK (clipMovedTo (aClip(), -5).startSample == 0);
    auto moved = clipMovedTo (aClip(), 7);
    moved.startSample = aClip().startSample;
    CHECK (moved == aClip());
}

TEST_CASE ("ClipEdits: trimming an edge keeps the audio under the rest in place", "[session][clips]")
{
    const auto clip = aClip();
    const auto later = clipWithStartAt (clip, 50000);
    CHECK (later.startSample == 50000);
    CHECK (later.sourceOffsetSamples == 3000);   // the same file frame still plays at 50000
    CHECK (later.startSample + later.lengthSamples == clip.startSample + clip.lengthSamples);

    // The left edge stops at the file's first frame and before the right edge.
    CHECK (clipWithStartAt (clip, 0).startSample == 47000);
    CHECK (clipWithStartAt (clip, 0).sourceOffsetSamples == 0);
    CHECK (clipWithStartAt (clip, 10'000'000).lengthSamples == minimumClipSamples);

    CHECK (clipWithEndAt (clip, 100000, 0).lengthSamples == 52000);
    CHECK (clipWithEndAt (clip, 10'000'000, 120000).lengthSamples == 119000);   // the file ends
    CHECK (clipWithEndAt (clip, 0, 0).lengthSamples == minimumClipSamples);
    // Fades shrink to fit a shorter clip.
    const auto tiny = clipWithEndAt (clipWithFades (clip, 40000, 40000), clip.startSample + 50000, 0);
    CHECK (tiny.fadeInSamples + tiny.fadeOutSamples <= tiny.lengthSamples);
    CHECK (clipWithFades (clip, -3, 1'000'000).fadeInSamples == 0);
    CHECK (clipWithFades (clip, -3, 1'000'000).fadeOutSamples == clip.lengthSamples);
}

TEST_CASE ("ClipEdits: a split makes two clips that cover the one exactly", "[session][clips]")
{
    const auto clip = aClip();
    const auto parts = splitClip (clip, 60000);
    REQUIRE (parts);
    const auto& [first, second] = *parts;
    CHECK (first.startSample == clip.startSample);
    CHECK (first.lengthSamples == 12000);
    CHECK (second.startSample == 60000);
    CHECK (second.sourceOffsetSamples == clip.sourceOffsetSamples + 12000);
    CHECK (first.lengthSamples + second.lengthSamples == clip.lengthSamples);
    CHECK (first.fadeInSamples == 500);
    CHECK (first.fadeOutSamples == 0);
    CHECK (second.fadeInSamples == 0);
    CHECK (second.fadeOutSamples == 700);
    CHECK_FALSE (splitClip (clip, clip.startSample));
    CHECK_FALSE (splitClip (clip, clip.startSample + clip.lengthSamples));
    CHECK_FALSE (splitClip (clip, 5));
}

TEST_CASE ("SessionModel: replacing and splitting clips are single undo steps", "[session][clips]")
{
    SessionModel model;
    auto track = model.addTrack ("Drums", 2);
    auto clip = model.addClip (track, aClip());
    model.undoManager().clearUndoHistory();

    model.beginGesture ("Move clip");
    model.replaceClip (clip, clipMovedTo (aClip(), 12345));
    CHECK (SessionModel::clipOf (clip).startSample == 12345);
    CHECK (model.undoManager().getUndoDescription() == "Move clip");
    model.undoManager().undo();
    CHECK (SessionModel::clipOf (clip) == aClip());

    model.beginGesture ("Split clip");
    auto second = model.splitClipAt (clip, 70000);
    REQUIRE (second.isValid());
    CHECK (track.getNumChildren() == 2);
    CHECK (SessionModel::clipOf (clip).lengthSamples + SessionModel::clipOf (second).lengthSamples == aClip().lengthSamples);
    model.undoManager().undo();
    CHECK (track.getNumChildren() == 1);
    CHECK (SessionModel::clipOf (clip) == aClip());
    CHECK_FALSE (model.splitClipAt (clip, 3).isValid());

    // Onto another track: the same clip object moves.
    auto other = model.addTrack ("Bass", 1);
    model.beginGesture ("Move clip");
    model.replaceClip (clip, clipMovedTo (aClip(), 0), other);
    CHECK (clip.getParent() == other);
    CHECK (track.getNumChildren() == 0);
    model.undoManager().undo();
    CHECK (clip.getParent() == track);
}
