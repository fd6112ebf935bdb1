// The fast decibel conversions against the C library, across the range a
// dynamics processor meets: within 0.0001 dB.
#include "Dsp/FastDecibels.h"

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

using namespace crest;

TEST_CASE ("fast decibel conversions agree with log10 and pow within 0.0001 dB", "[dsp][fastmath]")
{
    double worstToDb = 0, worstToGain = 0;
    for (double db = -150; db <= 40; db += 0.0137)
    {
        const float gain = (float) std::pow (10.0, db / 20);
        worstToDb = std::max (worstToDb, std::abs ((double) fastGainToDb (gain) - 20 * std::log10 ((double) gain)));
        const double exact = std::pow (10.0, db / 20);
        worstToGain = std::max (worstToGain, std::abs (20 * std::log10 ((double) fastDbToGain ((float) db) / exact)));
    }
    INFO ("to dB " << worstToDb << ", to gain " << worstToGain);
    CHECK (worstToDb < 1e-4);
    CHECK (worstToGain < 1e-4);
    CHECK (fastDbToGain (0.0f) == 1.0f);
    CHECK (fastGainToDb (0.0f) < -600.0f);
}

TEST_CASE ("four lanes at once give the scalar conversion's bits", "[dsp][fastmath]")
{
    // A block may be cut anywhere, so a sample must convert the same in a
    // group of four as alone: checked over levels, zero, denormals and the
    // clamps.
    std::vector<float> values { 0.0f, -1.0f, 1.0e-38f, 1.0e-30f, 1.0f, 0.5f, 3.0e20f };
    for (double db = -200; db <= 60; db += 0.731)
        values.push_back ((float) std::pow (10.0, db / 20));
    for (double x = -140; x <= 140; x += 0.377)
        values.push_back ((float) x);
    int mismatches = 0;
    for (size_t i = 0; i + 4 <= values.size(); i += 4)
    {
        const FloatLanes lanes { values[i], values[i + 1], values[i + 2], values[i + 3] };
        const FloatLanes toDb = fastGainToDb (lanes), toGain = fastDbToGain (lanes);
        for (int k = 0; k < 4; ++k)
        {
            mismatches += std::bit_cast<uint32_t> (toDb[k]) != std::bit_cast<uint32_t> (fastGainToDb (values[i + (size_t) k]));
            mismatches += std::bit_cast<uint32_t> (toGain[k]) != std::bit_cast<uint32_t> (fastDbToGain (values[i + (size_t) k]));
        }
    }
    CHECK (mismatches == 0);
}
