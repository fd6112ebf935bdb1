#include "Helpers/CliRunner.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>

#include <cmath>

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

TEST_CASE ("crest: messages point at the real mistake", "[cli][badinput]")
{
    TempFolder dir;
    writeSine (dir / "a.wav", 48000, 440, 0.5, 0.2);
    REQUIRE (runCrest ("new " + shellQuote (dir / "s.crest") + " --stems " + shellQuote (dir / "a.wav")).exitCode == 0);
    const auto render = "render " + shellQuote (dir / "s.crest") + " -o " + shellQuote (dir / "out.wav") + " ";

    // Numbers are numbers, finite and in range; a missing value says so.
    const std::vector<std::pair<std::string, std::string>> usage {
        { render + "--start 1e30", "--start: 1e30 is out of range (0 to 1e+06 s)" },
        { render + "--start nan", "--start: 'nan' is not a number" },
        { render + "--start inf", "--start: 'inf' is not a number" },
        { render + "--start 2s", "--start: '2s' is not a number" },
        { render + "--end", "--end: missing value" },
        { render + "--start --end 3", "--start: missing value" },
        { render + "--block 0", "--block: 0 is out of range (1 to 65536 frames)" },
        { render + "--block 12.5", "--block: '12.5' is not a whole number" },
        { render + "--start 3 --end 2", "--end must be after --start" },
        { "new " + shellQuote (dir / "t.crest") + " --stems " + shellQuote (dir / "a.wav") + " --rate abc", "--rate: 'abc' is not a whole number" },
        { "new " + shellQuote (dir / "t.crest") + " --stems " + shellQuote (dir / "a.wav") + " --rate", "--rate: missing value" },
        { "new " + shellQuote (dir / "t.crest") + " --stems " + shellQuote (dir / "a.wav") + " --rate 8000", "--rate: 8000 is out of range (44100 to 192000 Hz)" },
        { "render " + shellQuote (dir / "s.crest") + " -o", "-o: missing value" },
    };
    for (const auto& [arguments, message] : usage)
    {
        INFO (arguments);
        const auto run = runCrest (arguments);
        CHECK (run.exitCode == 2);
        CHECK_THAT (run.output, Catch::StartsWith ("crest: " + message + "\n"));
    }
    CHECK_FALSE (std::filesystem::exists (dir / "out.wav"));
    CHECK_FALSE (std::filesystem::exists (dir / "t.crest"));

    // A folder given as the output is called a folder.
    std::filesystem::create_directories (dir / "renders");
    const auto folder = runCrest ("render " + shellQuote (dir / "s.crest") + " -o " + shellQuote ((dir / "renders").string() + "/"));
    CHECK (folder.exitCode == 1);
    CHECK_THAT (folder.output, Catch::Contains ("renders/: is a folder; give a file name for the mix"));

    // crest info checks that each clip is readable audio, not only present.
    writeBytes (dir / "a.wav", "RIFF garbage now");
    const auto info = runCrest ("info " + shellQuote (dir / "s.crest"));
    CHECK (info.exitCode == 1);
    CHECK_THAT (info.output, Catch::Contains ("[OFFLINE: " + (dir / "a.wav").string() + ": not an audio file Crest can read"));
    CHECK_THAT (info.output, Catch::Contains ("1 clip is offline"));
}

TEST_CASE ("crest: a WAV streamed through a pipe (size 0xFFFFFFFF) is read to its real end", "[cli][badinput]")
{
    TempFolder dir;
    // What ffmpeg writes to a pipe: RIFF and data sizes it cannot know.
    const int frames = 4800;
    std::string wav = "RIFF\xFF\xFF\xFF\xFFWAVEfmt ";
    auto le32 = [] (uint32_t v) { return std::string { (char) (v & 255), (char) ((v >> 8) & 255), (char) ((v >> 16) & 255), (char) (v >> 24) }; };
    auto le16 = [] (uint16_t v) { return std::string { (char) (v & 255), (char) (v >> 8) }; };
    wav += le32 (16) + le16 (1) + le16 (1) + le32 (48000) + le32 (96000) + le16 (2) + le16 (16);
    wav += "data" + le32 (0xFFFFFFFFu);
    for (int i = 0; i < frames; ++i)
        wav += le16 ((uint16_t) (int16_t) (8000 * std::sin (2 * 3.141592653589793 * 1000 * i / 48000.0)));
    writeBytes (dir / "piped.wav", wav);
    const auto info = runCrest ("info " + shellQuote (dir / "piped.wav"));
    CHECK (info.exitCode == 0);
    CHECK_THAT (info.output, Catch::Contains ("1 channel, 48000 Hz, 4800 frames (0.10 s)"));

    // A header that promises a real size the file does not have is still truncation.
    auto cut = wav;
    cut.replace (cut.find ("data") + 4, 4, le32 (frames * 2 + 1000));
    writeBytes (dir / "cut.wav", cut);
    const auto truncated = runCrest ("info " + shellQuote (dir / "cut.wav"));
    CHECK (truncated.exitCode == 1);
    CHECK_THAT (truncated.output, Catch::Contains ("file is truncated"));
}

TEST_CASE ("crest: a file whose extra channels are dropped gets a warning", "[cli]")
{
    TempFolder dir;
    writeAudio (dir / "surround.wav", 6, 48000, 4800, [] (int64_t n, int ch) { return 0.1f * (float) ch * (float) ((n % 100) - 50) / 50.0f; });
    const auto made = runCrest ("new " + shellQuote (dir / "s.crest") + " --stems " + shellQuote (dir / "surround.wav"));
    CHECK (made.exitCode == 0);
    CHECK_THAT (made.output, Catch::Contains ("warning: " + (dir / "surround.wav").string() + ": has 6 channels; its track plays only the first two"));
    const auto rendered = runCrest ("render " + shellQuote (dir / "s.crest") + " -o " + shellQuote (dir / "mix.wav"));
    CHECK (rendered.exitCode == 0);
    CHECK_THAT (rendered.output, Catch::Contains ("has 6 channels; the track plays only the first two"));
}

TEST_CASE ("crest info lists each track's strip: the modules that are on and what differs from the defaults", "[cli][strip]")
{
    TempFolder dir;
    writeSine (dir / "bass.wav", 48000, 55, 0.5, 0.2);
    REQUIRE (runCrest ("new " + shellQuote (dir / "s.crest") + " --stems " + shellQuote (dir / "bass.wav")).exitCode == 0);
    auto text = readBytes (dir / "s.crest");
    text.replace (text.find ("\"clips\""), 7,
                  R"("strip": {"invertPolarity": true, "filters": {"enabled": true, "highPassOn": true, "highPassHz": 40},
                     "eq": {"enabled": true, "band2": {"on": true, "gainDb": 3.5, "q": 1.2}},
                     "compressor": {"enabled": true, "thresholdDb": -24, "ratio": 3}}, "clips")");
    writeBytes (dir / "s.crest", text);
    const auto info = runCrest ("info " + shellQuote (dir / "s.crest"));
    CHECK (info.exitCode == 0);
    CHECK_THAT (info.output, Catch::Contains ("      strip: Polarity invert on\n"));
    CHECK_THAT (info.output, Catch::Contains ("      filters: High-pass on, High-pass frequency 40 Hz\n"));
    CHECK_THAT (info.output, Catch::Contains ("      eq: band2 bell 200 Hz 3.5 dB Q 1.2\n"));
    CHECK_THAT (info.output, Catch::Contains ("      compressor: Threshold -24 dB, Ratio 3:1\n"));
    CHECK_THAT (info.output, Catch::Contains ("  mix                  "));
    CHECK_THAT (info.output, Catch::Contains ("  mastering headroom   "));
    CHECK (runCrest ("render " + shellQuote (dir / "s.crest") + " -o " + shellQuote (dir / "mix.wav")).exitCode == 0);
}

TEST_CASE ("crest render says whether the mix leaves mastering headroom", "[cli][headroom]")
{
    TempFolder dir;
    const std::vector<std::pair<double, std::string>> cases {
        { 0.9, "mastering headroom   clips: peaks at +" },
        { 0.6, "mastering headroom   little headroom: peaks at -" },
        { 0.4, "mastering headroom   leaves mastering headroom: peaks at -" },
        { 0.1, "mastering headroom   plenty of headroom: peaks at -" },
    };
    for (const auto& [amplitude, expected] : cases)
    {
        INFO ("amplitude " << amplitude);
        // Two centred mono tracks at -3 dB each: the mix's peak is 1.414 x amplitude.
        writeSine (dir / "a.wav", 48000, 997, amplitude, 0.5);
        writeSine (dir / "b.wav", 48000, 997, amplitude, 0.5);
        REQUIRE (runCrest ("new " + shellQuote (dir / "s.crest") + " --force --stems " + shellQuote (dir / "a.wav") + " " + shellQuote (dir / "b.wav")).exitCode == 0);
        const auto run = runCrest ("render " + shellQuote (dir / "s.crest") + " -o " + shellQuote (dir / "mix.wav") + " --force --bits 32f");
        CHECK (run.exitCode == 0);
        CHECK_THAT (run.output, Catch::Contains (expected));
    }
}

TEST_CASE ("crest render --stems writes one aligned file per track and bus; info lists routing and sends", "[cli][routing]")
{
    TempFolder dir;
    writeSine (dir / "a.wav", 48000, 440, 0.25, 0.5);
    writeSine (dir / "b.wav", 48000, 220, 0.25, 0.5);
    REQUIRE (runCrest ("new " + (dir / "s.crest").string() + " --stems " + (dir / "a.wav").string() + " " + (dir / "b.wav").string()).exitCode == 0);
    // Route track a to a group bus and open its reverb send, by hand as a user might.
    auto text = readBytes (dir / "s.crest");
    const auto buses = text.find ("\"buses\": [");
    REQUIRE (buses != std::string::npos);
    text.insert (buses + 10, R"({"id": "grp", "name": "Group", "kind": "group"}, )");
    const auto firstTrack = text.find ("\"id\": \"t1\",");
    text.insert (firstTrack, R"("output": "grp", )");
    const auto firstSend = text.find ("\"levelDb\": -96.0", firstTrack);
    text.replace (firstSend, 16, "\"levelDb\": -6.0");
    writeBytes (dir / "s.crest", text);

    const auto info = runCrest ("info " + (dir / "s.crest").string());
    REQUIRE (info.exitCode == 0);
    CHECK_THAT (info.output, Catch::Contains ("2 tracks, 3 buses, 120.0 BPM in 4/4"));
    CHECK_THAT (info.output, Catch::Contains ("out: bus 'Group'"));
    CHECK_THAT (info.output, Catch::Contains ("sends: Reverb -6.0 dB post, Delay -inf post"));
    CHECK_THAT (info.output, Catch::Contains ("Reverb           aux     fader  +0.0 dB  pan   +0  solo-safe"));

    const auto rendered = runCrest ("render " + (dir / "s.crest").string() + " --stems " + (dir / "stems").string() + " --bits 32f --threads 2");
    REQUIRE (rendered.exitCode == 0);
    CHECK_THAT (rendered.output, Catch::Contains ("Rendered 5 stems into"));
    for (const auto* name : { "01 a.wav", "02 b.wav", "Bus 01 Group.wav", "Bus 02 Reverb.wav", "Bus 03 Delay.wav" })
    {
        INFO (name);
        REQUIRE (readAudio (dir / "stems" / name).frames() == 24000);
    }
    // The group stem is track a's stem: it only passes through.
    CHECK (readAudio (dir / "stems" / "Bus 01 Group.wav").samples == readAudio (dir / "stems" / "01 a.wav").samples);
    // Stems never replace each other or anything else without --force.
    const auto again = runCrest ("render " + (dir / "s.crest").string() + " --stems " + (dir / "stems").string());
    CHECK (again.exitCode != 0);
    CHECK_THAT (again.output, Catch::Contains ("01 a.wav"));
}
