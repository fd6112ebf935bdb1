// `crest master` lands a quiet mix and a loud mix on -14 LUFS (+-0.2 LU)
// with true peak at or under -1 dBTP, keeps the length and alignment, and
// refuses what it cannot master with a message naming the file.
#include "Helpers/CliRunner.h"
#include "Helpers/TestFiles.h"
#include "Mastering/TargetPresets.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <numbers>

using namespace crest::test;

namespace
{
nlohmann::json analyzed (const std::filesystem::path& file)
{
    const auto run = runCrest ("analyze --json " + shellQuote (file.string()), true);
    INFO (run.output);
    return nlohmann::json::parse (run.output)[0];
}
} // namespace

TEST_CASE ("crest master lands a quiet and a loud mix on the target under the ceiling", "[cli][master]")
{
    TempFolder dir;
    REQUIRE (runCrest ("demo " + (dir / "demo").string()).exitCode == 0);
    REQUIRE (runCrest ("render " + (dir / "demo" / "demo.crest").string() + " -o " + (dir / "quiet.wav").string() + " --bits 32f --pre-master").exitCode == 0);
    // The same mix 12 dB hotter, past full scale (a float file holds it).
    const auto quiet = readAudio (dir / "quiet.wav");
    writeAudio (dir / "loud.wav", 2, quiet.sampleRate, quiet.frames(),
                [&] (int64_t n, int ch) { return 3.98f * quiet.samples[(size_t) (n * 2 + ch)]; });

    for (const auto* name : { "quiet.wav", "loud.wav" })
    {
        INFO (name);
        const auto out = dir / (std::string ("master-") + name);
        const auto run = runCrest ("master " + (dir / name).string() + " -o " + out.string() + " --target -14 --ceiling -1");
        INFO (run.output);
        REQUIRE (run.exitCode == 0);
        CHECK_THAT (run.output, Catch::Contains ("integrated"));
        const auto result = analyzed (out);
        CHECK (result["integratedLufs"].get<double>() == Approx (-14.0).margin (0.2));
        CHECK (result["truePeakDbtp"].get<double>() <= -1.0);
        CHECK (readAudio (out).frames() == quiet.frames());
    }
}

TEST_CASE ("every target preset loads, and --target takes a preset's loudness and ceiling", "[cli][master]")
{
    const auto presets = crest::targetPresets();
    CHECK (presets.size() == 13);
    for (const auto& p : presets)
    {
        INFO (p.key);
        CHECK (! p.name.empty());
        CHECK (! p.source.empty());
        CHECK (p.truePeakDbtp <= 0);
        if (p.integratedLufs)
            CHECK ((*p.integratedLufs >= -24 && *p.integratedLufs <= -14));
    }
    const auto spotify = crest::findTargetPreset ("Spotify");
    REQUIRE (spotify);
    CHECK (*spotify->integratedLufs == -14);
    CHECK (spotify->truePeakDbtp == -1);
    CHECK (crest::findTargetPreset ("ebu-r128")->sampleRate == 48000);
    CHECK (! crest::findTargetPreset ("cd")->integratedLufs);

    TempFolder dir;
    writeAudio (dir / "mix.wav", 2, 48000, 48000 * 8, [] (int64_t n, int ch) {
        return (float) (0.1 * std::sin (2 * std::numbers::pi * (ch == 0 ? 220.0 : 330.0) * (double) n / 48000)
                        * (0.6 + 0.4 * std::sin ((double) n / 9000.0)));
    });
    const auto run = runCrest ("master " + (dir / "mix.wav").string() + " -o " + (dir / "apple.wav").string() + " --target apple");
    INFO (run.output);
    REQUIRE (run.exitCode == 0);
    CHECK_THAT (run.output, Catch::Contains ("target: Apple Music (-16.0 LUFS, -1.0 dBTP)"));
    const auto result = analyzed (dir / "apple.wav");
    CHECK (result["integratedLufs"].get<double>() == Approx (-16.0).margin (0.2));
    CHECK (result["truePeakDbtp"].get<double>() <= -1.0);
    const auto unknown = runCrest ("master " + (dir / "mix.wav").string() + " -o " + (dir / "x.wav").string() + " --target spotfy");
    CHECK (unknown.exitCode == 2);
    CHECK_THAT (unknown.output, Catch::Contains ("spotify"));
}

TEST_CASE ("crest master refuses what it cannot master, naming the file", "[cli][master]")
{
    TempFolder dir;
    writeAudio (dir / "surround.wav", 6, 48000, 48000, [] (int64_t n, int) { return 0.1f * (float) std::sin (0.05 * (double) n); });
    writeAudio (dir / "silence.wav", 2, 48000, 48000, [] (int64_t, int) { return 0.0f; });
    writeSine (dir / "tone.wav", 48000, 1000, 0.5, 2);

    const auto surround = runCrest ("master " + (dir / "surround.wav").string() + " -o " + (dir / "out.wav").string());
    CHECK (surround.exitCode == 1);
    CHECK_THAT (surround.output, Catch::Contains ("surround.wav") && Catch::Contains ("6 channels"));
    const auto silent = runCrest ("master " + (dir / "silence.wav").string() + " -o " + (dir / "out.wav").string() + " --target -14");
    CHECK (silent.exitCode == 1);
    CHECK_THAT (silent.output, Catch::Contains ("silence.wav") && Catch::Contains ("silence"));
    const auto onto = runCrest ("master " + (dir / "tone.wav").string() + " -o " + (dir / "tone.wav").string() + " --force");
    CHECK (onto.exitCode == 1);
    CHECK (readAudio (dir / "tone.wav").frames() == 96000);   // the input is untouched
    CHECK (runCrest ("master " + (dir / "tone.wav").string()).exitCode == 2);
    CHECK (runCrest ("master " + (dir / "tone.wav").string() + " -o x.wav --target 5").exitCode == 2);
}

TEST_CASE ("crest master --chain runs a whole chain, shipped or from a preset file, aligned and on target", "[cli][master][chain]")
{
    TempFolder dir;
    // Two seconds of something like a mix: a chord over a pulsing bass.
    writeAudio (dir / "mix.wav", 2, 48000, 4 * 48000, [] (int64_t n, int ch) {
        const double t = (double) n / 48000;
        return (float) (0.15 * std::sin (2 * std::numbers::pi * 60 * t) * (0.6 + 0.4 * std::sin (2 * std::numbers::pi * 2 * t))
                        + 0.08 * std::sin (2 * std::numbers::pi * (ch == 0 ? 523.25 : 659.25) * t));
    });
    for (const auto* chain : { "gentle", "loud", "warm" })
    {
        INFO (chain);
        const auto out = dir / (std::string (chain) + ".wav");
        const auto run = runCrest ("master " + (dir / "mix.wav").string() + " -o " + out.string() + " --chain " + chain + " --target -12");
        INFO (run.output);
        REQUIRE (run.exitCode == 0);
        CHECK_THAT (run.output, Catch::Contains ("chain: ") && Catch::Contains ("Limiter") && Catch::Contains ("compensated"));
        const auto result = analyzed (out);
        CHECK (result["integratedLufs"].get<double>() == Approx (-12.0).margin (0.2));
        CHECK (result["truePeakDbtp"].get<double>() <= -1.0);
        CHECK (readAudio (out).frames() == 4 * 48000);
    }

    // A preset file: the vinyl chain's -3 dBTP ceiling holds without a target.
    writeBytes (dir / "mine.json", R"({"format": "crest-master-chain", "version": 1, "name": "Mine",
        "chain": [{"kind": "width", "values": {"widthPercent": 0}}, {"kind": "limiter", "values": {"ceilingDb": -3, "inputGainDb": 12}}]})");
    const auto own = runCrest ("master " + (dir / "mix.wav").string() + " -o " + (dir / "mine-out.wav").string() + " --chain " + (dir / "mine.json").string()
                               + " --bits 32f");
    INFO (own.output);
    REQUIRE (own.exitCode == 0);
    CHECK_THAT (own.output, Catch::Contains ("chain: Mine (Width, Limiter"));
    CHECK (analyzed (dir / "mine-out.wav")["truePeakDbtp"].get<double>() <= -3.0);
    const auto mono = readAudio (dir / "mine-out.wav");
    for (int64_t i = 0; i < mono.frames(); i += 101)
        REQUIRE (mono.samples[(size_t) (2 * i)] == Approx (mono.samples[(size_t) (2 * i + 1)]).margin (1e-6));   // width 0 %: mono

    const auto unknown = runCrest ("master " + (dir / "mix.wav").string() + " -o " + (dir / "x.wav").string() + " --chain nothing-like-it");
    CHECK (unknown.exitCode == 1);
    CHECK_THAT (unknown.output, Catch::Contains ("nothing-like-it: no such chain preset file") && Catch::Contains ("gentle"));
    writeBytes (dir / "bad.json", R"({"format": "crest-master-chain", "version": 1, "chain": [{"kind": "limiter", "values": {"ceilingDb": 4}}]})");
    const auto bad = runCrest ("master " + (dir / "mix.wav").string() + " -o " + (dir / "x.wav").string() + " --chain " + (dir / "bad.json").string());
    CHECK (bad.exitCode == 1);
    CHECK_THAT (bad.output, Catch::Contains ("bad.json: chain[0].values.ceilingDb 4 is out of range"));
}

TEST_CASE ("crest new --master makes a mastering session: the files in sequence through the default chain", "[cli][master][session]")
{
    TempFolder dir;
    writeSine (dir / "song1.wav", 48000, 220, 0.3, 3);
    writeAudio (dir / "song2.wav", 2, 44100, 2 * 44100, [] (int64_t n, int ch) { return (ch == 0 ? 0.2f : 0.1f) * (float) std::sin (0.03 * (double) n); });
    const auto session = dir / "master.crest";
    const auto made = runCrest ("new " + session.string() + " --master " + (dir / "song1.wav").string() + " " + (dir / "song2.wav").string());
    INFO (made.output);
    REQUIRE (made.exitCode == 0);
    CHECK_THAT (made.output, Catch::Contains ("Mastering session"));
    const auto info = runCrest ("info " + session.string());
    INFO (info.output);
    CHECK_THAT (info.output, Catch::Contains ("master chain     5 modules") && Catch::Contains ("Multiband (off)") && Catch::Contains ("Limiter"));
    CHECK_THAT (info.output, Catch::Contains ("song2.wav at 5.00 s"));   // 3 s, then the 2 s gap
    CHECK_THAT (info.output, Catch::Contains ("0 buses"));               // nothing to send to
    // The neutral default chain leaves a quiet file as it is, limited only above -1 dBTP.
    REQUIRE (runCrest ("render " + session.string() + " -o " + (dir / "out.wav").string() + " --bits 32f").exitCode == 0);
    const auto out = readAudio (dir / "out.wav");
    const auto song1 = readAudio (dir / "song1.wav");
    CHECK (out.frames() == 5 * 48000 + 2 * 48000);
    double worst = 0;
    for (int64_t i = 0; i < song1.frames(); ++i)
        worst = std::max (worst, (double) std::abs (out.samples[(size_t) (2 * i)] - song1.samples[(size_t) i]));
    CHECK (worst < 1e-5);   // mono at unity on both sides, aligned
    CHECK (runCrest ("new " + session.string() + " --master " + (dir / "song1.wav").string() + " --stems x").exitCode == 2);
}

TEST_CASE ("crest master SESSION masters the session's mix bus through the session's own chain", "[cli][master][session]")
{
    TempFolder dir;
    REQUIRE (runCrest ("demo " + (dir / "demo").string()).exitCode == 0);
    const auto session = (dir / "demo" / "demo.crest").string();
    const auto run = runCrest ("master " + session + " -o " + (dir / "apple.wav").string() + " --target apple");
    INFO (run.output);
    REQUIRE (run.exitCode == 0);
    CHECK_THAT (run.output, Catch::Contains ("chain: the session's (EQ, Multiband, Width, Limiter"));
    const auto result = analyzed (dir / "apple.wav");
    CHECK (result["integratedLufs"].get<double>() == Approx (-16.0).margin (0.2));
    CHECK (result["truePeakDbtp"].get<double>() <= -1.0);
    CHECK (readAudio (dir / "apple.wav").frames() == 33 * 48000);   // the session's length, aligned
    // Nothing of the session's may be written over, and the scratch render is gone.
    const auto onto = runCrest ("master " + session + " -o " + (dir / "demo" / "stems" / "1-kick.wav").string() + " --target -14 --force");
    CHECK (onto.exitCode == 1);
    CHECK_THAT (onto.output, Catch::Contains ("1-kick.wav"));
    for (const auto& entry : std::filesystem::directory_iterator (dir.path()))
        CHECK (entry.path().filename().string().find ("mixbus") == std::string::npos);
}
