// Conversions between musical units and linear values. Pure functions,
// callable from any thread, including the audio thread.
#pragma once

#include <cmath>

namespace crest
{
// Anything at or below this level is treated as silence (gain 0).
inline constexpr double minusInfinityDb = -144.0;

inline double dbToGain (double db) noexcept
{
    return db <= minusInfinityDb ? 0.0 : std::pow (10.0, db / 20.0);
}

inline double gainToDb (double gain) noexcept
{
    return gain <= 0.0 ? minusInfinityDb : std::fmax (minusInfinityDb, 20.0 * std::log10 (gain));
}
} // namespace crest
