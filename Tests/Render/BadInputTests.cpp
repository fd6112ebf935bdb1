#include "Core/CrestError.h"
#include "Helpers/ErrorMessage.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/SmallDisk.h"
#include "Helpers/TestFiles.h"
#include "Render/OfflineRenderer.h"
#include "Session/SessionFile.h"

#include <catch2/catch.hpp>


using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

namespace
{
std::string renderError (const SessionDocument& session, const fs::path& out)
{
    MediaPool media;
    RenderRequest request;
    request.output = out;
    return errorMessage ([&] { renderSession (session, request, media); });
}

} // namespace

TEST_CASE ("missing media: the session opens, the render fails naming the files unless missing media are allowed", "[render][badinput]")
{
    TempFolder dir;
    writeSine (dir / "kept.wav", 48000, 440, 0.5, 1.0);
    writeSine (dir / "gone.wav", 48000, 440, 0.5, 2.0);
    const auto session = sessionOf ({ dir / "kept.wav", dir / "gone.wav" });
    saveSessionFile (session, dir / "s.crest");
    fs::remove (dir / "gone.wav");

    const auto loaded = loadSessionFile (dir / "s.crest");
    MediaPool media;
    RenderRequest request;
    request.output = dir / "mix.wav";
    request.format = { Container::wav, SampleEncoding::float32 };
    CHECK (errorMessage ([&] { renderSession (loaded, request, media); })
           == (dir / "mix.wav").string() + ": not rendered: 1 media file is offline (allow missing media to render them as silence):\n  "
                  + (dir / "gone.wav").string() + ": file not found (clip is offline)");
    CHECK_FALSE (fs::exists (dir / "mix.wav"));

    // Asked for, the offline clip renders as silence of its length.
    request.allowMissing = true;
    const auto report = renderSession (loaded, request, media);
    REQUIRE (report.warnings.size() == 1);
    CHECK (report.warnings[0] == (dir / "gone.wav").string() + ": file not found (clip is offline)");
    CHECK (report.frames == 96000);   // the offline clip still sets the length
    const auto mix = readAudio (dir / "mix.wav");
    for (int64_t i = 48000; i < 96000; ++i)
        REQUIRE (mix.samples[(size_t) (2 * i)] == 0.0f);

    saveSessionFile (loaded, dir / "s.crest");
    CHECK (readBytes (dir / "s.crest").find ("\"file\": \"gone.wav\"") != std::string::npos);   // reference kept
}

TEST_CASE ("unwritable output paths are refused before rendering", "[render][badinput]")
{
    TempFolder dir;
    writeSine (dir / "a.wav", 48000, 440, 0.5, 0.1);
    const auto session = sessionOf ({ dir / "a.wav" });
    CHECK (renderError (session, dir / "no" / "such" / "mix.wav")
           == (dir / "no" / "such" / "mix.wav").string() + ": cannot write: folder " + (dir / "no" / "such").string() + " does not exist");
    CHECK (renderError (session, dir / "a.wav" / "mix.wav")
           == (dir / "a.wav" / "mix.wav").string() + ": cannot write: " + (dir / "a.wav").string() + " is not a folder");
}

TEST_CASE ("a full disk during render leaves no file, and during save keeps the old session", "[render][badinput][diskfull]")
{
    TempFolder dir;
    SmallDisk disk (dir / "disk", "256k");
    if (! disk.mounted)
    {
        WARN ("cannot mount a tmpfs here (not root?): disk-full test not run");
        return;
    }
    writeSine (dir / "long.wav", 48000, 440, 0.5, 10.0);
    auto session = sessionOf ({ dir / "long.wav" });

    // Render 10 s of 24-bit stereo (2.9 MB) onto a 256 kB disk.
    const auto out = disk.path / "mix.wav";
    const auto error = renderError (session, out);
    CHECK_THAT (error, Catch::StartsWith (out.string() + ": disk full while writing after "));
    CHECK_THAT (error, Catch::EndsWith ("(No space left on device); no file was written"));
    CHECK (fs::is_empty (disk.path));

    // Save a session there, fill the disk, then try to save a bigger one.
    const auto file = disk.path / "s.crest";
    saveSessionFile (session, file);
    const auto before = readBytes (file);
    {
        std::string filler (300 * 1024, 'x');
        writeBytes (disk.path / "filler", filler);
    }
    for (int i = 0; i < 200; ++i)
        session.tracks.push_back (session.tracks[0]), session.tracks.back().id = "copy" + std::to_string (i);
    const auto message = errorMessage ([&] { saveSessionFile (session, file); });
    CHECK (message == file.string() + ": disk full while saving; the previous version is unchanged");
    CHECK (readBytes (file) == before);
    for (const auto& entry : fs::directory_iterator (disk.path))
        CHECK ((entry.path().filename() == "s.crest" || entry.path().filename() == "filler"));
}
