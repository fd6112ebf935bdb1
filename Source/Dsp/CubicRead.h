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
    // Ring positions without a division: the sample `whole` behind, and its
    // neighbours one newer (y0) and one and two older (y2, y3).
    const auto back = (size_t) whole;
    const size_t i1 = writeIndex >= back ? writeIndex - back : writeIndex + size - back;
    if (fraction == 0.0)
        return line[i1];
    const size_t i0 = i1 + 1 == size ? 0 : i1 + 1;
    const size_t i2 = i1 == 0 ? size - 1 : i1 - 1;
    const size_t i3 = i2 == 0 ? size - 1 : i2 - 1;
    const double y0 = line[i0], y1 = line[i1], y2 = line[i2], y3 = line[i3];
    const double c1 = 0.5 * (y2 - y0), c2 = y0 - 2.5 * y1 + 2 * y2 - 0.5 * y3, c3 = 0.5 * (y3 - y0) + 1.5 * (y1 - y2);
    return (float) (((c3 * fraction + c2) * fraction + c1) * fraction + y1);
}
} // namespace crest
