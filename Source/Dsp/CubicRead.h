// Reads a circular delay line `delay` samples behind its write position,
// between samples by cubic Hermite interpolation; a whole-sample delay
// reads the exact sample. The caller keeps delay >= 2 and < size - 2.
// Audio thread.
#pragma once

#include <cmath>
#include <vector>

namespace crest
{
inline float readCubic (const std::vector<float>& line, size_t writeIndex, double delay) noexcept
{
    const size_t size = line.size();
    const double whole = std::floor (delay);
    const double fraction = delay - whole;
    auto at = [&] (double back) { return line[(writeIndex + size - (size_t) back) % size]; };
    if (fraction == 0.0)
        return at (whole);
    const double y0 = at (whole - 1), y1 = at (whole), y2 = at (whole + 1), y3 = at (whole + 2);
    const double c1 = 0.5 * (y2 - y0), c2 = y0 - 2.5 * y1 + 2 * y2 - 0.5 * y3, c3 = 0.5 * (y3 - y0) + 1.5 * (y1 - y2);
    return (float) (((c3 * fraction + c2) * fraction + c1) * fraction + y1);
}
} // namespace crest
