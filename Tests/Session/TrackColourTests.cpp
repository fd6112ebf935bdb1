// A track's own colour: saved and read back, held by the model, undoable,
// and a malformed one refused by name.
#include "Session/SessionFile.h"
#include "Session/SessionModel.h"

#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>

using namespace crest;
using namespace crest::test;

TEST_CASE ("track colour: round-trips through the file and the model; undo returns to the colour of its place", "[session][colour]")
{
    TempFolder dir;
    writeAudio (dir / "a.wav", 1, 48000, 480, [] (int64_t, int) { return 0.0f; });
    auto session = sessionOf ({ dir / "a.wav" });
    session.tracks[0].colour = "#5b8def";
    saveSessionFile (session, dir / "s.crest");
    const auto loaded = loadSessionFile (dir / "s.crest");
    CHECK (loaded.tracks[0].colour == "#5b8def");

    SessionModel model;
    model.load (loaded);
    CHECK (model.toDocument().tracks[0].colour == "#5b8def");
    model.beginGesture ("Track colour");
    model.setTrackValue (model.track (0), ids::colour, juce::var());
    CHECK (model.toDocument().tracks[0].colour.empty());
    model.undoManager().undo();
    CHECK (model.toDocument().tracks[0].colour == "#5b8def");

    auto text = readBytes (dir / "s.crest");
    const auto at = text.find ("#5b8def");
    REQUIRE (at != std::string::npos);
    text.replace (at, 7, "#5b8dez");
    writeBytes (dir / "bad.crest", text);
    CHECK_THROWS_WITH (loadSessionFile (dir / "bad.crest"), Catch::Contains ("colour"));
}
