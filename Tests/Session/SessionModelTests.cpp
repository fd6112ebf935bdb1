#include "Session/SessionModel.h"

#include <catch2/catch.hpp>

using namespace crest;

TEST_CASE ("every model edit is undoable and redoable", "[session][model]")
{
    SessionModel model;
    model.beginGesture ("Add track");
    auto track = model.addTrack ("Bass", 1);
    model.beginGesture ("Add clip");
    model.addClip (track, { "/tmp/bass.wav", 100, 0, 4800, -2.0, 10, 10 });
    CHECK (model.lengthSamples() == 4900);

    // A fader drag is many moves but one gesture, so one undo step.
    model.beginGesture ("Fader");
    for (double db = 0; db > -10; db -= 0.5)
        model.setTrackValue (track, ids::faderDb, db);
    model.setTrackValue (track, ids::pan, 250.0);   // clamped to the declared range
    CHECK ((double) track[ids::pan] == 100.0);
    CHECK ((double) track[ids::faderDb] == Approx (-9.5));

    model.undoManager().undo();
    CHECK ((double) track[ids::faderDb] == 0.0);
    CHECK ((double) track[ids::pan] == 0.0);
    model.undoManager().undo();
    CHECK (track.getNumChildren() == 0);
    model.undoManager().undo();
    CHECK (model.numTracks() == 0);
    model.undoManager().redo();
    model.undoManager().redo();
    CHECK (model.numTracks() == 1);
    CHECK (model.track (0).getNumChildren() == 1);
}

TEST_CASE ("the model round-trips a document", "[session][model]")
{
    SessionDocument document;
    document.sampleRate = 96000;
    document.panLaw = PanLaw::minus6Db;
    document.mixBusFaderDb = -2;
    TrackDocument vox;
    vox.id = "a";
    vox.name = "Vox";
    vox.trimDb = 1.5;
    vox.faderDb = -3;
    vox.pan = -20;
    vox.mute = true;
    vox.clips = { { "/x/v.wav", 5, 6, 7, -1, 1, 2 } };
    vox.output = "grp";
    vox.sends = { { "fx", -12, 30, true } };
    TrackDocument pad;
    pad.id = "b";
    pad.name = "Pad";
    pad.channels = 2;
    pad.pan = 30;
    pad.solo = true;
    pad.sidechain = "a";
    document.tracks = { vox, pad };
    BusDocument group;
    group.id = "grp";
    group.name = "Group";
    group.kind = BusKind::group;
    group.soloSafe = false;
    group.sends = { { "fx", -6, 0, false } };
    BusDocument fx;
    fx.id = "fx";
    fx.name = "Verb";
    fx.faderDb = -4;
    document.buses = { group, fx };
    document.tempoBpm = 96;
    document.meterNumerator = 6;
    document.meterDenominator = 8;
    SessionModel model;
    model.load (document);
    CHECK (model.toDocument() == document);
    CHECK_FALSE (model.undoManager().canUndo());   // opening is not an edit
}
