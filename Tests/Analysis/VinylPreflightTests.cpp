// Vinyl preflight: an out-of-phase bass injected at a known time is
// flagged there (±0.1 s, start and end), with its phase; a master whose
// bass is mono stays quiet; a sibilant burst is found where it is; a loud
// master on a long side is warned of.
#include "Analysis/VinylPreflight.h"
#include "Core/CrestError.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <random>

using namespace crest;
using namespace crest::test;

namespace
{
constexpr double rate = 48000;
constexpr double twoPi = 2 * std::numbers::pi;

// A master: mono bass and kick-like 55 Hz, a wide top of decorrelated
// noise (about -30 dBFS), and whatever `extra` adds per channel.
void writeMaster (const std::filesystem::path& file, double seconds, const std::function<double (double t, int ch)>& extra)
{
    std::mt19937 random (3);
    std::normal_distribution<float> normal (0.0f, 0.03f);
    writeAudio (file, 2, rate, (int64_t) (seconds * rate), [&] (int64_t i, int ch) {
        const double t = (double) i / rate;
        const double bass = 0.3 * std::sin (twoPi * 55 * t) + 0.1 * std::sin (twoPi * 110 * t);
        return (float) (bass + normal (random) + extra (t, ch));
    });
}

const VinylWarning* first (const VinylPreflightReport& r, VinylWarning::Kind kind)
{
    for (const auto& w : r.warnings)
        if (w.kind == kind)
            return &w;
    return nullptr;
}
} // namespace

TEST_CASE ("a master whose bass is mono passes the preflight quietly", "[analysis][vinyl]")
{
    TempFolder folder;
    writeMaster (folder / "mono-bass.wav", 20, [] (double, int) { return 0.0; });
    const auto r = preflightVinylFile (folder / "mono-bass.wav");
    INFO (describeVinylPreflight (r));
    CHECK (r.warnings.empty());
    CHECK (r.sideSeconds == Approx (20.0));
}

TEST_CASE ("an out-of-phase bass injected at a known time is flagged there within 0.1 s", "[analysis][vinyl]")
{
    TempFolder folder;
    const double from = 7.3, to = 9.1;
    writeMaster (folder / "phase.wav", 20, [=] (double t, int ch) {
        // A 70 Hz bass in the side only: +L, -R.
        return t >= from && t < to ? (ch == 0 ? 1 : -1) * 0.4 * std::sin (twoPi * 70 * t) : 0.0;
    });
    const auto r = preflightVinylFile (folder / "phase.wav");
    INFO (describeVinylPreflight (r));
    const auto* bass = first (r, VinylWarning::Kind::stereoBass);
    REQUIRE (bass != nullptr);
    CHECK (r.count (VinylWarning::Kind::stereoBass) == 1);
    CHECK (bass->startSeconds == Approx (from).margin (0.1));
    CHECK (bass->endSeconds == Approx (to).margin (0.1));
    CHECK (bass->worst > -20);
    CHECK (bass->message.find ("0:07.") != std::string::npos);
    // The bass dominates the side and the channels' correlation with it.
    const auto* phase = first (r, VinylWarning::Kind::phase);
    REQUIRE (phase != nullptr);
    CHECK (phase->startSeconds == Approx (from).margin (0.1));
    CHECK (phase->worst < -0.2);
    CHECK (r.count (VinylWarning::Kind::sibilance) == 0);
}

TEST_CASE ("a sibilant burst is found where it is", "[analysis][vinyl]")
{
    TempFolder folder;
    std::mt19937 random (5);
    std::normal_distribution<double> normal (0.0, 1.0);
    writeMaster (folder / "ess.wav", 10, [&] (double t, int) {
        // An "s": 7.5 kHz-ish, 0.25 s at 4.2 s, around -12 dBFS.
        return t >= 4.2 && t < 4.45 ? 0.35 * std::sin (twoPi * 7500 * t + 0.3 * normal (random)) : 0.0;
    });
    const auto r = preflightVinylFile (folder / "ess.wav");
    INFO (describeVinylPreflight (r));
    REQUIRE (r.count (VinylWarning::Kind::sibilance) == 1);
    CHECK (first (r, VinylWarning::Kind::sibilance)->startSeconds == Approx (4.2).margin (0.1));
    CHECK (first (r, VinylWarning::Kind::sibilance)->endSeconds == Approx (4.45).margin (0.1));
}

TEST_CASE ("a loud master on a long side is warned of; the same side quieter is not", "[analysis][vinyl]")
{
    // A 7-inch at 45 rpm takes 5:00 at a standard level, 3:45 as a loud cut.
    constexpr double lowRate = 22050;
    VinylPreflightSettings settings;
    settings.format = { 7, 45 };
    auto run = [&] (double amplitude) {
        VinylPreflightMeter meter (2, lowRate, settings);
        std::vector<float> block (2 * 22050);
        for (int second = 0; second < 4 * 60 + 10; ++second)
        {
            for (int i = 0; i < 22050; ++i)
                block[(size_t) (2 * i)] = block[(size_t) (2 * i + 1)] = (float) (amplitude * std::sin (twoPi * 440 * i / lowRate));
            meter.add (block.data(), 22050);
        }
        return meter.report();
    };
    const auto loud = run (0.5);   // about -9 LUFS
    INFO (describeVinylPreflight (loud));
    CHECK (loud.allowedSideSeconds == Approx (225));
    REQUIRE (loud.count (VinylWarning::Kind::sideLength) == 1);
    CHECK (loud.warnings.front().message.find ("loud cut") != std::string::npos);
    const auto quiet = run (0.05);   // about -29 LUFS
    CHECK (quiet.allowedSideSeconds == Approx (300));
    CHECK (quiet.count (VinylWarning::Kind::sideLength) == 0);
}

TEST_CASE ("a programme of more than two channels is refused, naming the file", "[analysis][vinyl][badinput]")
{
    TempFolder folder;
    writeAudio (folder / "surround.wav", 6, rate, 4800, [] (int64_t, int) { return 0.0f; });
    CHECK_THROWS_WITH (preflightVinylFile (folder / "surround.wav"), Catch::Contains ("surround.wav") && Catch::Contains ("6 channels"));
}
