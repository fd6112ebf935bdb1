#include "Core/CrestError.h"
#include "Helpers/ErrorMessage.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"
#include "Session/SessionFile.h"
#include "Session/SessionJson.h"

#include <catch2/catch.hpp>

using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

namespace
{
std::string loadError (const fs::path& file)
{
    return errorMessage ([&] { loadSessionFile (file); });
}

std::string minimal (const std::string& extra)
{
    return R"({"format": "crest-session", "version": 1, "sampleRate": 48000)" + extra + "}";
}
} // namespace

TEST_CASE ("save, load, save gives the same file", "[session][file]")
{
    TempFolder dir;
    writeSine (dir / "a.wav", 48000, 440, 0.5, 0.5);
    fs::create_directories (dir / "media");
    writeSine (dir / "media" / "b.wav", 48000, 220, 0.5, 0.5);
    auto session = sessionOf ({ dir / "a.wav", dir / "media" / "b.wav" });
    session.tracks[0].faderDb = -3.7;
    session.tracks[1].pan = 33.3;
    session.tracks[1].name = "Bäss \"quoted\" 🎸";
    session.panLaw = PanLaw::minus4_5Db;
    session.mixBusFaderDb = -1.25;
    saveSessionFile (session, dir / "s.crest");
    const auto first = readBytes (dir / "s.crest");
    CHECK (first.find ("\"file\": \"media/b.wav\"") != std::string::npos);   // relative to the session

    const auto loaded = loadSessionFile (dir / "s.crest");
    CHECK (loaded == session);
    saveSessionFile (loaded, dir / "s.crest");
    CHECK (readBytes (dir / "s.crest") == first);
    CHECK (readBytes (dir / "s.crest.bak") == first);   // the previous version is kept
}

TEST_CASE ("a session from a newer format version is refused and left alone", "[session][file]")
{
    TempFolder dir;
    const auto text = R"({"format": "crest-session", "version": 7, "sampleRate": 48000, "tracks": []})";
    writeBytes (dir / "new.crest", text);
    CHECK (loadError (dir / "new.crest")
           == (dir / "new.crest").string() + ": saved by a newer Crest (session format version 7; this Crest reads up to version "
                  + std::to_string (SessionDocument::currentVersion) + ")");
    CHECK (readBytes (dir / "new.crest") == text);
    CHECK_FALSE (fs::exists (dir / "new.crest.bak"));
}

TEST_CASE ("broken and hostile session files fail with clear messages", "[session][file][badinput]")
{
    TempFolder dir;
    const auto file = dir / "s.crest";
    const auto name = file.string();
    auto errorFor = [&] (const std::string& text) {
        writeBytes (file, text);
        return loadError (file);
    };

    CHECK (errorFor (minimal ("").substr (0, 40)) == name + ": not valid JSON (syntax error at line 1, column 41)");
    CHECK (errorFor (R"({"format": "crest-session", "version": 1, "sampleRate": 0})")
           == name + ": sampleRate 0 Hz is out of range (44100 to 192000 Hz)");
    CHECK (errorFor ("{\"format\": \"crest-session\", \"name\": \"\xC3\x28\"}") == name + ": not valid JSON (invalid UTF-8 text at line 1, column 39)");
    CHECK (errorFor (std::string (100000, '[') + std::string (100000, ']')) == name + ": nesting is deeper than 32 levels; not a Crest session");
    CHECK (errorFor (R"({"tracks": []})") == name + ": not a Crest session (no \"format\": \"crest-session\" field)");
    CHECK (errorFor (minimal (R"(, "tracks": [{"id": "a", "clips": [{"file": "x.wav", "lengthSamples": -5}]}])"))
           == name + ": tracks[0].clips[0].lengthSamples -5 is out of range (1 to 1099511627776)");
    CHECK (errorFor (minimal (R"(, "tracks": [{"id": "a", "faderDb": "loud"}])")) == name + ": tracks[0].faderDb must be a number");
    CHECK (errorFor (minimal (R"(, "tracks": [{"id": "a", "startSample": 1e999}])")) == name + ": not valid JSON (a number is too large)");
    CHECK (errorFor (minimal (R"(, "tracks": [{"id": "a"}, {"id": "a"}])")) == name + ": tracks[1].id \"a\" is used twice");
    CHECK (errorFor (minimal (R"(, "panLaw": "-5dB")")) == name + ": panLaw \"-5dB\" is not one of 0dB, -3dB, -4.5dB, -6dB");
    CHECK (errorFor ("") == name + ": file is empty (0 bytes)");
    CHECK (loadError (dir / "missing.crest") == (dir / "missing.crest").string() + ": file not found");
}

TEST_CASE ("regression inputs kept from fuzzing all fail cleanly", "[session][file][fuzz]")
{
    const fs::path corpus = fs::path (CREST_TEST_DATA_DIR) / "fuzz-session";
    REQUIRE (fs::is_directory (corpus));
    int count = 0;
    for (const auto& entry : fs::directory_iterator (corpus))
    {
        const auto text = readBytes (entry.path());
        try
        {
            parseSessionJson (text, entry.path().filename().string());
        }
        catch (const CrestError&)
        {
        }
        ++count;
    }
    CHECK (count > 0);
}
