// Decibel conversions cheap enough for every sample of a dynamics
// processor: log2 and exp2 from the float's exponent bits and a short
// polynomial on the mantissa (errors below 0.0001 dB either way, checked
// in FastDecibelsTests), instead of the C library's log10 and pow.
// Audio thread safe; plain arithmetic, so results are reproducible.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>

namespace crest
{
// log2 of x > 0; x <= 0 or denormal reads as a very small number.
inline float fastLog2 (float x) noexcept
{
    if (! (x > 1.0e-30f))
        return -100.0f;
    const auto bits = std::bit_cast<uint32_t> (x);
    const float exponent = (float) ((int) ((bits >> 23) & 0xff) - 127);
    const float m = std::bit_cast<float> ((bits & 0x007fffffu) | 0x3f800000u) - 1.0f;   // [0, 1)
    // log2(1 + m): least squares, degree 7, on Chebyshev nodes in [0, 1).
    const float p = m * (1.44266405f + m * (-0.720515508f + m * (0.473113303f + m * (-0.324616255f
                        + m * (0.192384856f + m * (-0.0781580587f + m * 0.0151278721f))))));
    return exponent + p;
}

// 2^x for |x| < 126.
inline float fastExp2 (float x) noexcept
{
    x = std::fmax (-126.0f, std::fmin (126.0f, x));
    // floor by truncation (no library call on baseline x86-64).
    int whole = (int) x;
    whole -= x < (float) whole ? 1 : 0;
    const float f = x - (float) whole;   // [0, 1)
    // 2^f: least squares, degree 6, on Chebyshev nodes in [0, 1).
    const float p = 1.0f + f * (0.693146929f + f * (0.240230503f + f * (0.05548042f + f * (0.00968459319f
                        + f * (0.00123877052f + f * 0.000218779001f)))));
    return p * std::bit_cast<float> ((uint32_t) (whole + 127) << 23);
}

inline constexpr float dbPerOctave = 6.0205999f;          // 20 log10(2)
inline constexpr float octavesPerDb = 0.16609640474f;      // its reciprocal: a multiply, not a divide

inline float fastGainToDb (float gain) noexcept { return dbPerOctave * fastLog2 (gain); }
inline float fastDbToGain (float db) noexcept { return fastExp2 (db * octavesPerDb); }
} // namespace crest
