// Reference tracks in the session: written and read back by the session
// file (paths relative to its folder), edited through the model as undoable
// steps, refused with a clear message when a file holds a wrong one.
#include "Core/CrestError.h"
#include "Helpers/TestFiles.h"
#include "Session/ReferenceModel.h"
#include "Session/SessionFile.h"
#include "Session/SessionJson.h"

#include <catch2/catch.hpp>

using namespace crest;
using namespace crest::test;

namespace
{
std::string errorFor (const std::string& references)
{
    try
    {
        parseSessionJson (R"({"format": "crest-session", "version": 5, "sampleRate": 48000, "tracks": [], "references": )" + references + "}",
                          "s.crest");
    }
    catch (const CrestError& e)
    {
        return e.what();
    }
    return "";
}
} // namespace

TEST_CASE ("references round-trip through the session file, their paths relative to its folder", "[session][reference]")
{
    TempFolder dir;
    writeSine (dir / "record.wav", 48000, 440, 0.1, 1);
    SessionDocument session;
    ReferenceDocument ref { "ref-1", "A record", (dir / "record.wav").string(), 96000, 1000, 48000, 144000, -1.5 };
    session.references.push_back (ref);
    session.references.push_back ({ "ref-2", "Another", (dir / "record.wav").string() });
    saveSessionFile (session, dir / "s.crest", SaveMode::createNew);
    CHECK (readBytes (dir / "s.crest").find ("\"file\": \"record.wav\"") != std::string::npos);
    const auto loaded = loadSessionFile (dir / "s.crest");
    REQUIRE (loaded.references.size() == 2);
    CHECK (loaded.references[0] == ref);
    CHECK (loaded.references[0].hasLoop());
    CHECK (! loaded.references[1].hasLoop());
    CHECK (loaded.references[0].timelineOf (1000) == 96000);
}

TEST_CASE ("reference edits are undoable steps, and the document follows", "[session][reference]")
{
    SessionModel model;
    model.load (SessionDocument {});
    ReferenceModel references (model);
    const auto id = references.add ({ "", "", "/music/Record One.wav" });
    CHECK (id == "ref-1");
    CHECK (references.size() == 1);
    CHECK (references.reference (0).name == "Record One");   // named after the file
    auto edited = references.reference (0);
    edited.alignSessionSample = 48000;
    edited.loopStartSample = 1000;
    edited.loopEndSample = 5000;
    references.update (edited, "Align reference");
    CHECK (model.toDocument().references[0] == edited);
    CHECK (model.undoManager().getUndoDescription() == "Align reference");
    model.undoManager().undo();
    CHECK (references.reference (0).alignSessionSample == 0);
    const auto second = references.add ({ "", "Two", "/music/two.wav" });
    CHECK (second == "ref-2");
    references.remove (id);
    CHECK (references.size() == 1);
    model.undoManager().undo();
    CHECK (references.size() == 2);
    // A load brings them in and toDocument gives them back.
    const auto document = model.toDocument();
    SessionModel other;
    other.load (document);
    CHECK (other.toDocument() == document);
    CHECK (ReferenceModel (other).indexOf ("ref-2") == 1);
}

TEST_CASE ("a wrong reference in a session file is refused naming the session and the item", "[session][reference][badinput]")
{
    CHECK_THAT (errorFor (R"([{"id": "r", "name": "x"}])"), Catch::Contains ("s.crest") && Catch::Contains ("references[0].file"));
    CHECK_THAT (errorFor (R"([{"id": "r", "file": "a.wav", "loop": {"startSample": 100, "endSample": 50}}])"),
                Catch::Contains ("references[0].loop.endSample"));
    CHECK_THAT (errorFor (R"([{"id": "r", "file": "a.wav"}, {"id": "r", "file": "b.wav"}])"), Catch::Contains ("used twice"));
    CHECK_THAT (errorFor (R"({"id": "r"})"), Catch::Contains ("references must be a list"));
    CHECK_THAT (errorFor (R"([{"id": "r", "file": "a.wav", "align": {"sessionSample": -4}}])"), Catch::Contains ("align.sessionSample"));
}
