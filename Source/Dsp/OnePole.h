// The coefficient of a one-pole smoother y += (1 - c) (x - y) whose time
// constant (the time to 63 % of a step) is `milliseconds`. Any thread.
#pragma once

#include <algorithm>
#include <cmath>

namespace crest
{
inline double onePoleCoefficient (double milliseconds, double sampleRate) noexcept
{
    return std::exp (-1.0 / (std::max (milliseconds, 0.001) * 0.001 * sampleRate));
}
} // namespace crest
