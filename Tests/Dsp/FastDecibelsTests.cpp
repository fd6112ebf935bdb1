// The fast decibel conversions against the C library, across the range a
// dynamics processor meets: within 0.0001 dB.
#include "Dsp/FastDecibels.h"

#include <catch2/catch.hpp>

#include <cmath>

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
