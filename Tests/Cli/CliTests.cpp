#include "Helpers/CliRunner.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>

using namespace crest::test;

TEST_CASE ("crest: demo, new, render and info work end to end", "[cli]")
{
    TempFolder dir;
    const auto demo = runCrest ("demo " + (dir / "demo").string());
    REQUIRE (demo.exitCode == 0);
    CHECK_THAT (demo.output, Catch::Contains ("8 tracks, 33.00 s at 48000 Hz"));

    const auto made = runCrest ("new " + (dir / "fromstems.crest").string() + " --stems " + (dir / "demo" / "stems").string());
    REQUIRE (made.exitCode == 0);
    CHECK_THAT (made.output, Catch::Contains ("(8 tracks at 48000 Hz)"));

    const auto rendered = runCrest ("render " + (dir / "demo" / "demo.crest").string() + " -o " + (dir / "mix.flac").string() + " --bits 16 --start 2 --end 12");
    REQUIRE (rendered.exitCode == 0);
    CHECK_THAT (rendered.output, Catch::Contains ("FLAC 16-bit, 10.00 s, 48000 Hz"));
    CHECK_THAT (rendered.output, Catch::Contains ("integrated loudness"));
    const auto audio = readAudio (dir / "mix.flac");
    CHECK (audio.frames() == 480000);

    const auto info = runCrest ("info " + (dir / "demo" / "demo.crest").string());
    REQUIRE (info.exitCode == 0);
    CHECK_THAT (info.output, Catch::Contains ("Crest session, 48000 Hz, pan law -3dB, 8 tracks"));
}

TEST_CASE ("crest: exit codes and messages for usage and input errors", "[cli][badinput]")
{
    TempFolder dir;
    CHECK (runCrest ("").exitCode == 2);
    CHECK (runCrest ("--help").exitCode == 0);
    CHECK (runCrest ("render --help").exitCode == 0);

    const auto unknown = runCrest ("frobnicate");
    CHECK (unknown.exitCode == 2);
    CHECK_THAT (unknown.output, Catch::Contains ("unknown command 'frobnicate'"));

    const auto badBits = runCrest ("render a.crest -o out.wav --bits 12");
    CHECK (badBits.exitCode == 2);
    CHECK_THAT (badBits.output, Catch::Contains ("unknown bit depth '12' (16, 24 or 32f)"));

    const auto missing = runCrest ("render " + (dir / "nope.crest").string() + " -o " + (dir / "out.wav").string());
    CHECK (missing.exitCode == 1);
    CHECK (missing.output == "crest: " + (dir / "nope.crest").string() + ": file not found\n");

    writeBytes (dir / "notes.wav", "not audio at all");
    const auto notAudio = runCrest ("info " + (dir / "notes.wav").string());
    CHECK (notAudio.exitCode == 1);
    CHECK (notAudio.output == "crest: " + (dir / "notes.wav").string() + ": not an audio file Crest can read (Format not recognised.)\n");
}
