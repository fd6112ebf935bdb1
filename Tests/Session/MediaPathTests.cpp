// Linux file names are bytes. A media file with any legal name, in a
// folder with any legal name, is found again after save and load, through
// the undoable model, and renders: no replacement character, no silence.
#include "Core/ByteText.h"
#include "Helpers/CliRunner.h"
#include "Helpers/TestFiles.h"
#include "IO/MediaPool.h"
#include "Render/OfflineRenderer.h"
#include "Session/SessionFile.h"
#include "Session/SessionModel.h"
#include "Session/StemImport.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

namespace
{
// Every kind of byte a name may hold: Latin-1 (not UTF-8), stray
// continuation and lead bytes, overlong and surrogate encodings, C0
// controls, DEL, newline and tab, shell and JSON metacharacters, '%' (our
// own escape), valid multi-byte UTF-8, and a name that starts with '-'.
const std::vector<std::string> hostileNames {
    "caf\xE9.wav",        "\xFF\xFE\xFD.wav",     "x\xC3.wav",           "over\xC0\xAFlong.wav", "surrogate\xED\xA0\x80.wav",
    "ctl\x01\x02\x1F.wav", "del\x7F.wav",         "new\nline.wav",       "tab\there.wav",        "quote\"and'apos.wav",
    "back\\slash.wav",     "100%.wav",            "%41%zz.wav",          "space name .wav",      "-dash.wav",
    "\xE2\x99\xAB music \xF0\x9F\x8E\xB5.wav",   ".hidden.wav",         "all\x80\x81\x82\x83.wav",
};
} // namespace

TEST_CASE ("percent escapes carry any bytes through text and back", "[session][paths]")
{
    std::string every;
    for (int b = 1; b < 256; ++b)
        every += (char) b;
    CHECK_FALSE (isValidUtf8 (every));
    const auto escaped = percentEscapeBytes (every);
    CHECK (isValidUtf8 (escaped));
    CHECK (percentUnescapeBytes (escaped) == every);
    CHECK (percentEscapeBytes ("100%.wav") == "100%25.wav");
    CHECK_FALSE (percentUnescapeBytes ("%G1").has_value());
    CHECK_FALSE (percentUnescapeBytes ("abc%4").has_value());

    CHECK (isValidUtf8 ("\xE2\x99\xAB \xF0\x9F\x8E\xB5"));
    CHECK_FALSE (isValidUtf8 ("\xC0\xAF"));           // overlong '/'
    CHECK_FALSE (isValidUtf8 ("\xED\xA0\x80"));       // a UTF-16 surrogate
    CHECK_FALSE (isValidUtf8 ("\xF4\x90\x80\x80"));   // past U+10FFFF
    CHECK_FALSE (isValidUtf8 ("\xE2\x99"));           // cut short
}

TEST_CASE ("media names with any bytes round-trip through the session file and the model, and render", "[session][paths][safety]")
{
    TempFolder dir;
    const auto folder = dir / "f\xE9older \x01%";
    fs::create_directories (folder);
    std::vector<fs::path> files;
    for (const auto& name : hostileNames)
    {
        files.push_back (folder / name);
        writeSine (files.back(), 48000, 1000, 0.25, 0.1);
    }
    const auto imported = sessionFromStems (files);
    const auto sessionFile = dir / "s\xFF.crest";
    saveSessionFile (imported.session, sessionFile);

    const auto text = readBytes (sessionFile);
    CHECK (isValidUtf8 (text));
    CHECK (text.find ("\xEF\xBF\xBD") == std::string::npos);   // no U+FFFD anywhere

    const auto loaded = loadSessionFile (sessionFile);
    REQUIRE (loaded.tracks.size() == files.size());
    for (size_t i = 0; i < files.size(); ++i)
    {
        INFO (percentEscapeBytes (files[i].string()));
        CHECK (loaded.tracks[i].clips[0].file == files[i].string());
        CHECK (isValidUtf8 (loaded.tracks[i].name));
    }

    SessionModel model;
    model.load (loaded);
    CHECK (model.toDocument() == loaded);
    saveSessionFile (model.toDocument(), sessionFile);
    CHECK (loadSessionFile (sessionFile) == loaded);

    // Every clip is online: the render refuses offline media, and each
    // track is heard.
    for (const auto& track : loaded.tracks)
    {
        SessionDocument one = loaded;
        one.tracks = { track };
        MediaPool media (dir / "cache");
        RenderRequest request;
        request.output = dir / "one.wav";
        request.replaceExisting = true;
        request.format = { Container::wav, SampleEncoding::float32 };
        INFO (percentEscapeBytes (track.clips[0].file));
        REQUIRE_NOTHROW (renderSession (one, request, media));
        const auto audio = readAudio (request.output);
        double peak = 0;
        for (const float s : audio.samples)
            peak = std::max (peak, (double) std::abs (s));
        CHECK (peak > 0.1);
    }

    // And through the command line, quoted as a shell user would.
    const auto cliSession = dir / "cli.crest";
    std::string stems;
    for (const auto& f : files)
        stems += " " + shellQuote (f.string());
    const auto made = runCrest ("new " + shellQuote (cliSession.string()) + " --stems" + stems);
    REQUIRE (made.exitCode == 0);
    const auto info = runCrest ("info " + shellQuote (cliSession.string()));
    CHECK (info.exitCode == 0);
    CHECK (info.output.find ("OFFLINE") == std::string::npos);
    const auto rendered = runCrest ("render " + shellQuote (cliSession.string()) + " -o " + shellQuote ((dir / "mix.wav").string()));
    CHECK (rendered.exitCode == 0);
}
