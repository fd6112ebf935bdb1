// Checks for NaN and Inf in audio, cheap enough for every block of every
// node: x * 0 is 0 for a finite x and NaN otherwise, so one sum tells.
// Audio thread safe (noexcept, no allocation).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

namespace crest
{
inline bool allFinite (const float* samples, int64_t count) noexcept
{
    float probe = 0.0f;
    for (int64_t i = 0; i < count; ++i)
        probe += samples[i] * 0.0f;
    return probe == 0.0f;
}

// The same question by the bits (an all-ones exponent is NaN or Inf), as
// an integer OR the compiler vectorises: for the hot mix path.
inline bool hasNonFinite (const float* samples, int64_t count) noexcept
{
    uint32_t seen = 0;
    for (int64_t i = 0; i < count; ++i)
    {
        uint32_t bits;
        std::memcpy (&bits, samples + i, sizeof (bits));
        seen |= (bits & 0x7f800000u) == 0x7f800000u ? 1u : 0u;
    }
    return seen != 0;
}

// Replaces every NaN and Inf with silence; returns how many there were.
inline int64_t silenceNonFinite (float* samples, int64_t count) noexcept
{
    if (allFinite (samples, count))
        return 0;
    int64_t replaced = 0;
    for (int64_t i = 0; i < count; ++i)
        if (! std::isfinite (samples[i]))
        {
            samples[i] = 0.0f;
            ++replaced;
        }
    return replaced;
}
} // namespace crest
