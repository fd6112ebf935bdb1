// `crest ab`: the mix and the master side by side, from two files or from
// a session (rendered before and through its master chain); the figures
// are crest analyze's, the match is their integrated difference; bad
// input gets a clear message.
#include "Helpers/CliRunner.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <numbers>

using namespace crest::test;

namespace
{
nlohmann::json figure (const nlohmann::json& ab, const std::string& name)
{
    for (const auto& f : ab["figures"])
        if (f["name"] == name)
            return f;
    FAIL ("no figure " << name);
    return {};
}

nlohmann::json analyzed (const std::filesystem::path& file)
{
    return nlohmann::json::parse (runCrest ("analyze --json " + shellQuote (file.string()), true).output)[0];
}
} // namespace

TEST_CASE ("crest ab compares a mix and its master with crest analyze's figures and the loudness match", "[cli][ab]")
{
    TempFolder dir;
    // The master is the mix 6 dB up and brighter (a louder high partial), and mono.
    auto tone = [] (double bright) {
        return [bright] (int64_t n, int ch) {
            const double t = (double) n / 48000;
            return (float) (0.2 * std::sin (2 * std::numbers::pi * 100 * t) + bright * std::sin (2 * std::numbers::pi * (ch == 0 ? 6000 : 6100) * t));
        };
    };
    writeAudio (dir / "mix.wav", 2, 48000, 5 * 48000, tone (0.02));
    writeAudio (dir / "master.wav", 2, 48000, 5 * 48000, [&] (int64_t n, int ch) { return 2.0f * tone (0.06) (n, ch); });

    const auto run = runCrest ("ab " + (dir / "mix.wav").string() + " " + (dir / "master.wav").string() + " --json", true);
    INFO (run.output);
    REQUIRE (run.exitCode == 0);
    const auto ab = nlohmann::json::parse (run.output);
    const auto mix = analyzed (dir / "mix.wav"), master = analyzed (dir / "master.wav");
    CHECK (figure (ab, "integrated")["mix"].get<double>() == Approx (mix["integratedLufs"].get<double>()).margin (0.01));
    CHECK (figure (ab, "integrated")["master"].get<double>() == Approx (master["integratedLufs"].get<double>()).margin (0.01));
    CHECK (figure (ab, "true peak")["master"].get<double>() == Approx (master["truePeakDbtp"].get<double>()).margin (0.01));
    CHECK (figure (ab, "loudness range")["mix"].get<double>() == Approx (mix["loudnessRangeLu"].get<double>()).margin (0.01));
    CHECK (ab["loudnessMatchDb"].get<double>()
           == Approx (mix["integratedLufs"].get<double>() - master["integratedLufs"].get<double>()).margin (0.01));
    // The highs rose by what the partial gained against the whole (about +9.5 dB relative).
    CHECK (figure (ab, "highs > 4 kHz")["difference"].get<double>() > 6.0);
    CHECK (figure (ab, "lows < 250 Hz")["difference"].get<double>() < 0.5);

    // The table for a person says the same.
    const auto text = runCrest ("ab " + (dir / "mix.wav").string() + " " + (dir / "master.wav").string());
    REQUIRE (text.exitCode == 0);
    CHECK_THAT (text.output, Catch::Contains ("integrated") && Catch::Contains ("width (S/M)") && Catch::Contains ("Loudness match: the master plays"));
}

TEST_CASE ("crest ab SESSION renders the mix bus and the master and compares them", "[cli][ab]")
{
    TempFolder dir;
    REQUIRE (runCrest ("demo " + (dir / "demo").string()).exitCode == 0);
    const auto run = runCrest ("ab " + (dir / "demo" / "demo.crest").string() + " --json", true);
    INFO (run.output);
    REQUIRE (run.exitCode == 0);
    const auto ab = nlohmann::json::parse (run.output);
    CHECK (ab["source"] == "session");
    CHECK (figure (ab, "integrated")["mix"].get<double>() == Approx (-20.0).margin (0.3));     // the demo's mix
    CHECK (figure (ab, "integrated")["master"].get<double>() == Approx (-14.0).margin (0.2));  // and its master
    CHECK (figure (ab, "true peak")["master"].get<double>() <= -1.0);
    CHECK (ab["loudnessMatchDb"].get<double>() == Approx (-6.0).margin (0.5));
}

TEST_CASE ("crest ab names what it cannot compare", "[cli][ab][badinput]")
{
    TempFolder dir;
    writeAudio (dir / "surround.wav", 6, 48000, 48000, [] (int64_t n, int) { return 0.1f * (float) std::sin (0.05 * (double) n); });
    writeAudio (dir / "silence.wav", 2, 48000, 48000, [] (int64_t, int) { return 0.0f; });
    writeSine (dir / "mono.wav", 48000, 1000, 0.3, 2);
    writeSine (dir / "low.wav", 8000, 440, 0.3, 2);

    const auto surround = runCrest ("ab " + (dir / "mono.wav").string() + " " + (dir / "surround.wav").string());
    CHECK (surround.exitCode == 1);
    CHECK_THAT (surround.output, Catch::Contains ("surround.wav") && Catch::Contains ("6 channels"));
    const auto silent = runCrest ("ab " + (dir / "mono.wav").string() + " " + (dir / "silence.wav").string());
    CHECK (silent.exitCode == 0);
    CHECK_THAT (silent.output, Catch::Contains ("Loudness match: none"));
    const auto rates = runCrest ("ab " + (dir / "mono.wav").string() + " " + (dir / "low.wav").string());
    CHECK (rates.exitCode == 0);   // different rates measure fine, each on its own
    const auto missing = runCrest ("ab " + (dir / "mono.wav").string() + " " + (dir / "nothere.wav").string());
    CHECK (missing.exitCode == 1);
    CHECK_THAT (missing.output, Catch::Contains ("nothere.wav"));
    CHECK (runCrest ("ab").exitCode == 2);
    CHECK (runCrest ("ab a.wav b.wav c.wav").exitCode == 2);
}
