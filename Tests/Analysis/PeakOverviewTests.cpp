// The waveform outline against the samples it outlines: every range the
// arrange view can ask for, at either level, equals the true minimum and
// maximum to the 16-bit resolution of the cache; the cache round-trips
// and refuses a stale or damaged file.
#include "Analysis/PeakOverview.h"

#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using namespace crest;
using namespace crest::test;

namespace
{
// A pseudo-random walk, so every bucket has its own extremes.
float sampleAt (int64_t n, int channel)
{
    const double slow = std::sin (2 * M_PI * (double) n / 70000.0 + channel);
    const double fast = std::sin (2 * M_PI * (double) n * 0.0137 * (channel + 1));
    return (float) (0.6 * slow + 0.35 * fast * std::cos ((double) n / 9000.0));
}

constexpr int64_t testFrames = 300000;   // not a multiple of either level
} // namespace

TEST_CASE ("PeakOverview: ranges equal the samples' minimum and maximum at both levels", "[analysis][peaks]")
{
    TempFolder dir;
    writeAudio (dir / "walk.wav", 2, 48000, testFrames, sampleAt);
    const auto overview = PeakOverview::build (dir / "walk.wav");
    REQUIRE (overview.channels() == 2);
    REQUIRE (overview.frames() == testFrames);

    std::mt19937 random (7);
    std::uniform_int_distribution<int64_t> frame (0, testFrames);
    for (int trial = 0; trial < 400; ++trial)
    {
        int64_t a = frame (random), b = frame (random);
        if (a > b)
            std::swap (a, b);
        if (a == b)
            continue;
        const int channel = trial % 2;
        // The outline covers whole fine buckets: the truth over them.
        const int64_t from = a / PeakOverview::fineFrames * PeakOverview::fineFrames;
        const int64_t to = std::min (testFrames, (b + PeakOverview::fineFrames - 1) / PeakOverview::fineFrames * PeakOverview::fineFrames);
        float low = 1, high = -1;
        for (int64_t n = from; n < to; ++n)
        {
            low = std::min (low, sampleAt (n, channel));
            high = std::max (high, sampleAt (n, channel));
        }
        const auto r = overview.range (channel, a, b);
        INFO ("frames " << a << ".." << b << " channel " << channel);
        CHECK (r.low == Approx (low).margin (1.0 / 32767));
        CHECK (r.high == Approx (high).margin (1.0 / 32767));
    }
    // Outside the file is silence.
    CHECK (overview.range (0, testFrames, testFrames + 1000).high == 0.0f);
    CHECK (overview.range (0, -500, 0).low == 0.0f);
}

TEST_CASE ("PeakOverview: the cache round-trips and refuses a stale or damaged file", "[analysis][peaks]")
{
    TempFolder dir;
    writeAudio (dir / "walk.wav", 1, 44100, testFrames, sampleAt);
    const auto built = PeakOverview::build (dir / "walk.wav");
    const auto cache = dir / "cache" / PeakOverview::cacheNameFor ("walk identity");
    REQUIRE (built.save (cache, "walk identity"));

    const auto loaded = PeakOverview::load (cache, "walk identity");
    REQUIRE (loaded.has_value());
    CHECK (loaded->frames() == testFrames);
    for (int64_t start = 0; start < testFrames; start += 12345)
    {
        const auto a = built.range (0, start, start + 20000);
        const auto b = loaded->range (0, start, start + 20000);
        CHECK (a.low == b.low);
        CHECK (a.high == b.high);
    }

    CHECK_FALSE (PeakOverview::load (cache, "another identity").has_value());
    CHECK_FALSE (PeakOverview::load (dir / "none.peaks", "walk identity").has_value());
    auto bytes = readBytes (cache);
    writeBytes (cache, bytes.substr (0, bytes.size() / 2));
    CHECK_FALSE (PeakOverview::load (cache, "walk identity").has_value());
    writeBytes (cache, "garbage");
    CHECK_FALSE (PeakOverview::load (cache, "walk identity").has_value());
    CHECK (PeakOverview::cacheNameFor ("a") != PeakOverview::cacheNameFor ("b"));
}

TEST_CASE ("PeakOverview: an unreadable file is reported by name, a cancel stops the build", "[analysis][peaks]")
{
    TempFolder dir;
    writeBytes (dir / "broken.wav", "RIFF not really");
    CHECK_THROWS_WITH (PeakOverview::build (dir / "broken.wav"), Catch::Contains ("broken.wav"));

    writeAudio (dir / "walk.wav", 1, 48000, testFrames, sampleAt);
    std::atomic<bool> cancel { true };
    CHECK_THROWS_WITH (PeakOverview::build (dir / "walk.wav", {}, &cancel), Catch::Contains ("cancelled"));
    double last = 0;
    PeakOverview::build (dir / "walk.wav", [&] (double f) { last = f; });
    CHECK (last == 1.0);
}
