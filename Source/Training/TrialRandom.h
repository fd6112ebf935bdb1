// The random draws of a listening test, the same on every machine for the
// same seed: std::mt19937_64's output is fixed by the C++ standard, but
// the standard distributions are not, so a choice is made from the raw
// bits here (by rejection, without bias). A teacher who hands out a seed
// gives every student the same trials. Any thread.
#pragma once

#include <cstdint>
#include <random>

namespace crest
{
class TrialRandom
{
public:
    explicit TrialRandom (uint64_t seed) : engine (seed) {}

    // 0 .. count-1, each equally likely.
    int below (int count)
    {
        if (count <= 1)
            return 0;
        const uint64_t n = (uint64_t) count;
        const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
        uint64_t draw = engine();
        while (draw >= limit)
            draw = engine();
        return (int) (draw % n);
    }

private:
    std::mt19937_64 engine;
};
} // namespace crest
