// Moves a filter's settings toward their targets in steps taken every
// `segmentFrames` samples, counted from the processor's reset (so the steps
// fall on the same samples whatever the block size): frequency and Q
// glide in log space, gain in dB, each an exponential approach with a
// 10 ms time constant that snaps onto the target once within a hair. A
// band is redesigned only on the segments where its settings moved: a
// sweep glides without clicks or zipper, a still band costs nothing.
// Audio thread.
#pragma once

#include "BiquadDesign.h"

#include <cmath>

namespace crest
{
class FilterSmoother
{
public:
    static constexpr int segmentFrames = 64;

    void prepare (double sampleRate) noexcept
    {
        approach = 1.0 - std::exp (-(double) segmentFrames / (0.010 * sampleRate));
    }

    void snapTo (const FilterSettings& settings) noexcept
    {
        current = target = settings;
    }

    void setTarget (const FilterSettings& settings) noexcept { target = settings; }

    // One segment's step. Returns true if the settings changed.
    bool step() noexcept
    {
        if (current.shape != target.shape)
        {
            current = target;   // a new shape cannot glide from the old one
            return true;
        }
        bool moved = false;
        moved |= glideLog (current.frequencyHz, target.frequencyHz);
        moved |= glideLog (current.q, target.q);
        moved |= glideLinear (current.gainDb, target.gainDb, 0.001);
        return moved;
    }

    const FilterSettings& settings() const noexcept { return current; }

private:
    bool glideLog (double& value, double goal) noexcept
    {
        if (value == goal)
            return false;
        const double next = std::exp (std::log (value) + (std::log (goal) - std::log (value)) * approach);
        value = std::abs (std::log (next / goal)) < 1.0e-4 ? goal : next;
        return true;
    }

    bool glideLinear (double& value, double goal, double snap) noexcept
    {
        if (value == goal)
            return false;
        const double next = value + (goal - value) * approach;
        value = std::abs (next - goal) < snap ? goal : next;
        return true;
    }

    FilterSettings current, target;
    double approach = 0.1;
};
} // namespace crest
