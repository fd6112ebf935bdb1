// Decibel conversions cheap enough for every sample of a dynamics
// processor: log2 and exp2 from the float's exponent bits and a short
// polynomial on the mantissa (errors below 0.0001 dB either way, checked
// in FastDecibelsTests), instead of the C library's log10 and pow.
// Each comes for one float and for four at once (SSE2, in every x86-64):
// the same operations in the same order, so a sample converts to the same
// bits either way and a block may be split anywhere.
// Audio thread safe; plain arithmetic, so results are reproducible.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>

namespace crest
{
using FloatLanes = float __attribute__ ((vector_size (16)));
using IntLanes = int32_t __attribute__ ((vector_size (16)));

namespace fastDecibels
{
    // log2(1 + m), m in [0, 1): least squares, degree 7, on Chebyshev nodes.
    template <typename F>
    F log2OfMantissa (F m) noexcept
    {
        return m * (1.44266405f + m * (-0.720515508f + m * (0.473113303f + m * (-0.324616255f
                   + m * (0.192384856f + m * (-0.0781580587f + m * 0.0151278721f))))));
    }

    // 2^f, f in [0, 1): least squares, degree 6, on Chebyshev nodes.
    template <typename F>
    F exp2OfFraction (F f) noexcept
    {
        return 1.0f + f * (0.693146929f + f * (0.240230503f + f * (0.05548042f + f * (0.00968459319f
                   + f * (0.00123877052f + f * 0.000218779001f)))));
    }
} // namespace fastDecibels

// log2 of x > 0; x <= 0 or denormal reads as a very small number.
inline float fastLog2 (float x) noexcept
{
    if (! (x > 1.0e-30f))
        return -100.0f;
    const auto bits = std::bit_cast<uint32_t> (x);
    const float exponent = (float) ((int) ((bits >> 23) & 0xff) - 127);
    const float m = std::bit_cast<float> ((bits & 0x007fffffu) | 0x3f800000u) - 1.0f;   // [0, 1)
    return exponent + fastDecibels::log2OfMantissa (m);
}

inline FloatLanes fastLog2 (FloatLanes x) noexcept
{
    const auto bits = (IntLanes) x;
    const FloatLanes exponent = __builtin_convertvector (((bits >> 23) & 0xff) - 127, FloatLanes);
    const FloatLanes m = (FloatLanes) ((bits & 0x007fffff) | 0x3f800000) - 1.0f;
    const FloatLanes value = exponent + fastDecibels::log2OfMantissa (m);
    return x > 1.0e-30f ? value : FloatLanes {} - 100.0f;
}

// 2^x for |x| < 126.
inline float fastExp2 (float x) noexcept
{
    // Comparisons, not std::fmax/fmin: those are library calls on
    // baseline x86-64 (x is never NaN here).
    x = x < -126.0f ? -126.0f : (x > 126.0f ? 126.0f : x);
    // floor by truncation (no library call on baseline x86-64).
    int whole = (int) x;
    whole -= x < (float) whole ? 1 : 0;
    const float f = x - (float) whole;   // [0, 1)
    return fastDecibels::exp2OfFraction (f) * std::bit_cast<float> ((uint32_t) (whole + 127) << 23);
}

inline FloatLanes fastExp2 (FloatLanes x) noexcept
{
    x = x < -126.0f ? FloatLanes {} - 126.0f : (x > 126.0f ? FloatLanes {} + 126.0f : x);
    IntLanes whole = __builtin_convertvector (x, IntLanes);   // truncates, as (int) does
    whole += x < __builtin_convertvector (whole, FloatLanes);   // a true comparison is -1
    const FloatLanes f = x - __builtin_convertvector (whole, FloatLanes);
    return fastDecibels::exp2OfFraction (f) * (FloatLanes) ((whole + 127) << 23);
}

inline constexpr float dbPerOctave = 6.0205999f;          // 20 log10(2)
inline constexpr float octavesPerDb = 0.16609640474f;      // its reciprocal: a multiply, not a divide

inline float fastGainToDb (float gain) noexcept { return dbPerOctave * fastLog2 (gain); }
inline float fastDbToGain (float db) noexcept { return fastExp2 (db * octavesPerDb); }
inline FloatLanes fastGainToDb (FloatLanes gain) noexcept { return dbPerOctave * fastLog2 (gain); }
inline FloatLanes fastDbToGain (FloatLanes db) noexcept { return fastExp2 (db * octavesPerDb); }
} // namespace crest
