// Alignment: a copy delayed, advanced or scaled is found at its exact
// offset with a correlation near one; unrelated noise correlates near zero.
#include "Analysis/SignalAlignment.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>

#include <random>
#include <vector>

using namespace crest;
using namespace crest::test;

namespace
{
std::vector<float> noise (size_t n, unsigned seed)
{
    std::mt19937 random (seed);
    std::normal_distribution<float> normal (0.0f, 0.1f);
    std::vector<float> x (n);
    for (auto& v : x)
        v = normal (random);
    return x;
}
} // namespace

TEST_CASE ("a delayed or advanced copy is found at its exact offset", "[analysis][alignment]")
{
    const auto a = noise (48000, 1);
    for (const int64_t offset : { 0, 1, 37, 1105, -250 })
    {
        std::vector<float> b (a.size(), 0.0f);
        for (size_t n = 0; n < a.size(); ++n)
        {
            const auto m = (int64_t) n + offset;
            if (m >= 0 && m < (int64_t) b.size())
                b[(size_t) m] = 0.5f * a[n];
        }
        const auto found = alignSignals (a, b, 4800);
        INFO (offset);
        CHECK (found.offsetFrames == offset);
        CHECK (found.correlation > 0.95);
    }
    CHECK (alignSignals (a, noise (48000, 2), 4800).correlation < 0.05);
}

TEST_CASE ("files are aligned from their mono sums", "[analysis][alignment]")
{
    TempFolder folder;
    const auto a = noise (48000 * 3, 3);
    writeAudio (folder / "a.wav", 2, 48000, 48000 * 3, [&] (int64_t n, int) { return a[(size_t) n]; });
    // An encoder's delay: 1105 frames of silence first.
    writeAudio (folder / "b.wav", 1, 48000, 48000 * 3, [&] (int64_t n, int) { return n >= 1105 ? a[(size_t) (n - 1105)] : 0.0f; });
    CHECK (alignFiles (folder / "a.wav", folder / "b.wav").offsetFrames == 1105);
}
