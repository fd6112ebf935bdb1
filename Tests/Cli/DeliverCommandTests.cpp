// `crest deliver`: several targets in one run, each in its format and rate
// with a compliance report measured on the delivered file (a lossy one
// decoded), a WAV carrying its loudness in the bext chunk; everything that
// would be overwritten or cannot be delivered is refused by name.
#include "Helpers/CliRunner.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace crest::test;

namespace
{
// Six seconds of something like a mix at -20 LUFS or so.
void writeMix (const std::filesystem::path& file, int channels = 2)
{
    writeAudio (file, channels, 48000, 6 * 48000, [] (int64_t n, int ch) {
        const double t = (double) n / 48000;
        const double beat = std::exp (-std::fmod (t, 0.5) * 12.0);
        return (float) (0.25 * beat * std::sin (2 * std::numbers::pi * 70 * t) + 0.05 * std::sin (2 * std::numbers::pi * (ch == 0 ? 880 : 990) * t));
    });
}

nlohmann::json report (const std::filesystem::path& file)
{
    return nlohmann::json::parse (readBytes (file.string() + ".report.json"));
}

nlohmann::json analyzed (const std::filesystem::path& file)
{
    return nlohmann::json::parse (runCrest ("analyze --json " + shellQuote (file.string()), true).output)[0];
}
} // namespace

TEST_CASE ("crest deliver makes each target's master with its format, rate and a report that passes", "[cli][deliver]")
{
    TempFolder dir;
    writeMix (dir / "song.wav");
    const auto out = dir / "delivery";
    const auto run = runCrest ("deliver " + (dir / "song.wav").string() + " --targets spotify,apple,cd -o " + out.string());
    INFO (run.output);
    REQUIRE (run.exitCode == 0);

    struct Expected
    {
        const char* key;
        double lufs, ceiling, rate;
        int bits;
    };
    for (const auto& e : { Expected { "spotify", -14, -1, 48000, 24 }, Expected { "apple", -16, -1, 48000, 24 }, Expected { "cd", NAN, -0.3, 44100, 16 } })
    {
        INFO (e.key);
        const auto file = out / (std::string ("song-") + e.key + ".wav");
        const auto info = readAudio (file);
        CHECK (info.sampleRate == e.rate);
        const auto r = report (file);
        CHECK (r["pass"] == true);
        CHECK (r["sampleRate"].get<double>() == e.rate);
        // The report's figures are the delivered file's own.
        const auto measured = analyzed (file);
        CHECK (r["measured"]["integratedLufs"].get<double>() == Approx (measured["integratedLufs"].get<double>()).margin (0.01));
        CHECK (r["measured"]["truePeakDbtp"].get<double>() == Approx (measured["truePeakDbtp"].get<double>()).margin (0.01));
        CHECK (measured["truePeakDbtp"].get<double>() <= e.ceiling);
        if (! std::isnan (e.lufs))
            CHECK (measured["integratedLufs"].get<double>() == Approx (e.lufs).margin (0.2));
        CHECK (std::filesystem::exists (file.string() + ".report.txt"));

        // A Broadcast WAVE: the bext chunk carries the loudness (hundredths of LU).
        SF_INFO sf {};
        SNDFILE* handle = sf_open (file.c_str(), SFM_READ, &sf);
        REQUIRE (handle != nullptr);
        CHECK ((sf.format & SF_FORMAT_SUBMASK) == (e.bits == 16 ? SF_FORMAT_PCM_16 : SF_FORMAT_PCM_24));
        SF_BROADCAST_INFO bext {};
        REQUIRE (sf_command (handle, SFC_GET_BROADCAST_INFO, &bext, sizeof (bext)) == SF_TRUE);
        sf_close (handle);
        CHECK (bext.version == 2);
        CHECK (bext.loudness_value / 100.0 == Approx (measured["integratedLufs"].get<double>()).margin (0.05));
        CHECK (bext.max_true_peak_level / 100.0 == Approx (measured["truePeakDbtp"].get<double>()).margin (0.05));
    }
}

TEST_CASE ("crest deliver measures a lossy delivery after decoding it, and keeps its decoded peaks under the ceiling", "[cli][deliver][lossy]")
{
    TempFolder dir;
    writeMix (dir / "song.wav");
    const auto run = runCrest ("deliver " + (dir / "song.wav").string() + " --targets spotify --format mp3 -o " + dir.path().string());
    INFO (run.output);
    REQUIRE (run.exitCode == 0);
    const auto file = dir / "song-spotify.mp3";
    const auto r = report (file);
    CHECK (r["measured"]["afterDecoding"] == true);
    CHECK (r["format"] == "MP3 320 kbps");
    // What the report says is what the decoded file reads.
    const auto decoded = analyzed (file);
    CHECK (r["measured"]["truePeakDbtp"].get<double>() == Approx (decoded["truePeakDbtp"].get<double>()).margin (0.01));
    CHECK (decoded["truePeakDbtp"].get<double>() <= -1.0);
    CHECK (decoded["integratedLufs"].get<double>() == Approx (-14.0).margin (0.5));
}

TEST_CASE ("crest deliver refuses what it cannot deliver, naming it, and overwrites nothing", "[cli][deliver][badinput]")
{
    TempFolder dir;
    writeMix (dir / "song.wav");
    writeMix (dir / "mono.wav", 1);
    writeAudio (dir / "surround.wav", 6, 48000, 48000, [] (int64_t n, int) { return 0.1f * (float) std::sin (0.05 * (double) n); });
    writeAudio (dir / "silence.wav", 2, 48000, 48000, [] (int64_t, int) { return 0.0f; });
    writeBytes (dir / "afile", "not a folder");

    const auto unknown = runCrest ("deliver " + (dir / "song.wav").string() + " --targets spotify,nowhere -o " + dir.path().string());
    CHECK (unknown.exitCode == 2);
    CHECK_THAT (unknown.output, Catch::Contains ("unknown target 'nowhere'") && Catch::Contains ("tidal"));
    const auto notFolder = runCrest ("deliver " + (dir / "song.wav").string() + " --targets spotify -o " + (dir / "afile").string());
    CHECK (notFolder.exitCode == 1);
    CHECK_THAT (notFolder.output, Catch::Contains ("afile: is not a folder"));
    const auto surround = runCrest ("deliver " + (dir / "surround.wav").string() + " --targets spotify -o " + (dir / "out").string());
    CHECK (surround.exitCode == 1);
    CHECK_THAT (surround.output, Catch::Contains ("surround.wav") && Catch::Contains ("6 channels"));
    const auto silent = runCrest ("deliver " + (dir / "silence.wav").string() + " --targets spotify -o " + (dir / "out").string());
    CHECK (silent.exitCode == 1);
    CHECK_THAT (silent.output, Catch::Contains ("silence.wav") && Catch::Contains ("silence"));

    // A mono mix delivers as mono; a second run will not overwrite it without --force.
    REQUIRE (runCrest ("deliver " + (dir / "mono.wav").string() + " --targets apple -o " + (dir / "out").string()).exitCode == 0);
    const auto first = readBytes (dir / "out" / "mono-apple.wav");
    CHECK (readAudio (dir / "out" / "mono-apple.wav").channels == 1);
    const auto again = runCrest ("deliver " + (dir / "mono.wav").string() + " --targets spotify,apple -o " + (dir / "out").string());
    CHECK (again.exitCode == 1);
    CHECK_THAT (again.output, Catch::Contains ("mono-apple.wav") && Catch::Contains ("--force"));
    CHECK_FALSE (std::filesystem::exists (dir / "out" / "mono-spotify.wav"));   // checked before anything was made
    CHECK (readBytes (dir / "out" / "mono-apple.wav") == first);
    CHECK (runCrest ("deliver " + (dir / "mono.wav").string() + " --targets apple -o " + (dir / "out").string() + " --force").exitCode == 0);
}

TEST_CASE ("master, ab and deliver each give awkward files a clear result: short, 8 kHz, clipped, an unreachable target", "[cli][master][ab][deliver][badinput]")
{
    TempFolder dir;
    writeSine (dir / "short.wav", 48000, 1000, 0.3, 0.3);   // under one 400 ms gating block
    writeSine (dir / "low-rate.wav", 8000, 440, 0.3, 3);
    writeAudio (dir / "clipped.wav", 2, 48000, 3 * 48000, [] (int64_t n, int) { return std::clamp (2.0f * (float) std::sin (0.02 * (double) n), -1.0f, 1.0f); });
    writeMix (dir / "mix.wav");

    const auto shortMaster = runCrest ("master " + (dir / "short.wav").string() + " -o " + (dir / "o1.wav").string() + " --target -14");
    CHECK (shortMaster.exitCode == 1);
    CHECK_THAT (shortMaster.output, Catch::Contains ("short.wav") && Catch::Contains ("shorter than one 400 ms gating block"));
    const auto shortDeliver = runCrest ("deliver " + (dir / "short.wav").string() + " --targets spotify -o " + (dir / "d1").string());
    CHECK (shortDeliver.exitCode == 1);
    CHECK_THAT (shortDeliver.output, Catch::Contains ("shorter than one 400 ms gating block"));
    const auto shortAb = runCrest ("ab " + (dir / "short.wav").string() + " " + (dir / "mix.wav").string());
    CHECK (shortAb.exitCode == 0);
    CHECK_THAT (shortAb.output, Catch::Contains ("Loudness match: none"));

    // 8 kHz: mastered at its own rate; CD asks for 44.1 kHz and gets it.
    const auto lowMaster = runCrest ("master " + (dir / "low-rate.wav").string() + " -o " + (dir / "o2.wav").string() + " --target -16");
    INFO (lowMaster.output);
    CHECK (lowMaster.exitCode == 0);
    CHECK (readAudio (dir / "o2.wav").sampleRate == 8000);
    const auto lowDeliver = runCrest ("deliver " + (dir / "low-rate.wav").string() + " --targets cd -o " + (dir / "d2").string());
    INFO (lowDeliver.output);
    CHECK (lowDeliver.exitCode == 0);
    CHECK (readAudio (dir / "d2" / "low-rate-cd.wav").sampleRate == 44100);

    // A clipped file is mastered under the ceiling like any other.
    const auto clipped = runCrest ("master " + (dir / "clipped.wav").string() + " -o " + (dir / "o3.wav").string() + " --target -14");
    INFO (clipped.output);
    CHECK (clipped.exitCode == 0);
    CHECK (nlohmann::json::parse (runCrest ("analyze --json " + (dir / "o3.wav").string(), true).output)[0]["truePeakDbtp"].get<double>() <= -1.0);

    // -2 LUFS under a -1 dBTP ceiling is out of reach: said, and the
    // report fails it rather than pretending.
    const auto unreachable = runCrest ("master " + (dir / "mix.wav").string() + " -o " + (dir / "o4.wav").string() + " --target -2");
    INFO (unreachable.output);
    CHECK (unreachable.exitCode == 0);
    CHECK_THAT (unreachable.output, Catch::Contains ("warning: ") && Catch::Contains ("limiting"));
}

TEST_CASE ("crest deliver to a vinyl target preflights the premaster: its warnings, with times, are in the report", "[cli][deliver][vinyl]")
{
    TempFolder dir;
    // The mix, with a bass in the side only from 2.0 to 3.5 s.
    writeAudio (dir / "wide-bass.wav", 2, 48000, 6 * 48000, [] (int64_t n, int ch) {
        const double t = (double) n / 48000;
        const double side = t >= 2.0 && t < 3.5 ? 0.3 * std::sin (2 * std::numbers::pi * 60 * t) : 0.0;
        return (float) (0.05 * std::sin (2 * std::numbers::pi * (ch == 0 ? 880 : 990) * t) + (ch == 0 ? side : -side));
    });
    writeMix (dir / "song.wav");
    const auto out = dir / "delivery";
    const auto run = runCrest ("deliver " + (dir / "wide-bass.wav").string() + " " + (dir / "song.wav").string() + " --targets vinyl-lp -o "
                               + out.string());
    INFO (run.output);
    REQUIRE (run.exitCode == 0);
    const auto wide = report (out / "wide-bass-vinyl-lp.wav");
    CHECK (wide["pass"] == true);   // advice for the cutting engineer, not a failed delivery
    CHECK (wide["vinylPreflight"]["format"] == "12-inch at 33 1/3 rpm");
    const auto& warnings = wide["vinylPreflight"]["warnings"];
    const auto bass = std::find_if (warnings.begin(), warnings.end(), [] (const auto& w) { return w["kind"] == "stereo bass"; });
    REQUIRE (bass != warnings.end());
    CHECK ((*bass)["startSeconds"].get<double>() == Approx (2.0).margin (0.1));
    CHECK ((*bass)["endSeconds"].get<double>() == Approx (3.5).margin (0.1));
    CHECK (run.output.find ("vinyl preflight: 2 warnings") != std::string::npos);
    CHECK (readBytes (out / "wide-bass-vinyl-lp.wav.report.txt").find ("stereo bass from 0:02.") != std::string::npos);
    CHECK (report (out / "song-vinyl-lp.wav")["vinylPreflight"]["warnings"].empty());
    // A premaster keeps its own loudness and its 24 bits.
    CHECK (readAudio (out / "song-vinyl-lp.wav").sampleRate == 48000);
}
