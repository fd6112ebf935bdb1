// The ABX source "two settings of one module": the session's mix mastered
// twice through its own chain, one parameter at each value and nothing
// else different; the pair then matched to the same loudness, so only the
// setting is left to hear. A band that is off is switched on for both, so
// its setting is heard. A module or parameter the chain lacks, and two
// values that are one (a count held whole), are named.
#include "Analysis/FileAnalysis.h"
#include "Core/CrestError.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"
#include "Training/ListeningPair.h"
#include "Training/ModuleSettingPair.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using namespace crest;
using namespace crest::test;

namespace
{
constexpr double rate = 48000;

SessionDocument drumSession (const TempFolder& dir)
{
    std::mt19937 random (3);
    std::normal_distribution<float> noise (0.0f, 1.0f);
    writeAudio (dir / "drums.wav", 1, rate, (int64_t) rate * 10, [&] (int64_t i, int) {
        const double t = (double) i / rate;
        return (float) (0.5 * std::exp (-std::fmod (t, 0.5) * 20) * (std::sin (2 * M_PI * 60 * t) + 0.3 * noise (random)));
    });
    auto session = sessionOf ({ dir / "drums.wav" });
    session.masterChain.add ("limiter").id = "limiter";
    return session;
}
} // namespace

TEST_CASE ("two settings of one module: the mix mastered at each, then matched to one loudness", "[training][pair]")
{
    TempFolder dir;
    const auto session = drumSession (dir);
    const ModuleSetting setting { "limiter", "inputGainDb", 0, 9 };
    const auto renders = renderModuleSetting (session, setting, dir.path());
    CHECK (renders.labelA == "Input gain 0 dB");
    CHECK (renders.labelB == "Input gain 9 dB");
    CHECK (renders.description == "Limiter (limiter): Input gain, 0 dB against 9 dB");

    const auto a = analyzeFile (renders.a), b = analyzeFile (renders.b);
    INFO ("A " << a.loudness.integratedLufs << " LUFS " << a.loudness.truePeakDbtp << " dBTP; B " << b.loudness.integratedLufs << " LUFS "
               << b.loudness.truePeakDbtp << " dBTP");
    // 9 dB more into the limiter: louder, held at its ceiling, and less dynamic.
    CHECK (b.loudness.integratedLufs > a.loudness.integratedLufs + 3);
    CHECK (b.loudness.truePeakDbtp <= -1.0 + 0.1);
    CHECK (b.loudness.plrLu() < a.loudness.plrLu() - 3);

    MediaPool media (dir / "cache");
    const auto pair = prepareListeningPair (renders.a, renders.b, 1.0, 8.0, rate, media);
    CHECK (pair.offsetFrames == 0);   // the same chain, the same latency: nothing to align
    CHECK (pair.matchGainDb < -3);    // B played down to A's loudness
}

TEST_CASE ("two settings of one module: what cannot be compared is named", "[training][pair][badinput]")
{
    TempFolder dir;
    const auto session = drumSession (dir);
    CHECK_THROWS_WITH (describeModuleSetting (session, { "reverb", "mix", 0, 1 }), Catch::Contains ("no module \"reverb\""));
    CHECK_THROWS_WITH (describeModuleSetting (session, { "limiter", "ratio", 2, 4 }), Catch::Contains ("no parameter \"ratio\""));
    // Both past the ceiling's range: one value once held to it.
    CHECK_THROWS_WITH (describeModuleSetting (session, { "limiter", "ceilingDb", 3, 6 }), Catch::Contains ("are the same"));
    // A count is held whole: 4 and 4.4 bands are both 4.
    auto withMultiband = session;
    withMultiband.masterChain.add ("multiband").id = "multiband";
    CHECK_THROWS_WITH (describeModuleSetting (withMultiband, { "multiband", "bands", 4, 4.4 }), Catch::Contains ("are the same"));
    CHECK (describeModuleSetting (withMultiband, { "multiband", "band1.ratio", 2, 4 }).labelB == "Ratio 4 :1");
}

TEST_CASE ("two settings of one module: a band that is off is compared switched on", "[training][pair]")
{
    TempFolder dir;
    auto session = drumSession (dir);
    session.masterChain.modules.insert (session.masterChain.modules.begin(), MasterModuleDocument { "eq", "eq", true, {} });
    REQUIRE (session.masterChain.find ("eq")->value ("band3.on") == 0);
    const auto renders = renderModuleSetting (session, { "eq", "band3.gainDb", 0, 9 }, dir.path());
    CHECK_THAT (renders.description, Catch::Contains ("band3 switched on in both"));
    // Band 3 (a bell at 500 Hz) up 9 dB is heard: B has that much more there.
    auto around500 = [] (const std::filesystem::path& f) {
        return analyzeFile (f, ChannelCounting::asLaidOut, {}, BalanceMeasurement::measure).spectrum->bandDb (420, 600);
    };
    CHECK (around500 (renders.b) - around500 (renders.a) > 6);
}
