// Ramps a gain linearly to a new target over a fixed number of samples.
// Per-sample and independent of block boundaries, so output does not depend
// on block size; it lands exactly on the target, so unity stays bit-exact.
// Audio thread only.
#pragma once

#include <cstdint>

namespace crest
{
class LinearSmoother
{
public:
    void setRampLength (int samples) noexcept { rampSamples = samples > 0 ? samples : 1; }

    void snapTo (float value) noexcept
    {
        current = target = value;
        remaining = 0;
    }

    void setTarget (float value) noexcept
    {
        if (value == target)
            return;
        target = value;
        remaining = rampSamples;
        step = (target - current) / (float) rampSamples;
    }

    float next() noexcept
    {
        if (remaining > 0)
        {
            current = --remaining == 0 ? target : current + step;
        }
        return current;
    }

    bool isSmoothing() const noexcept { return remaining > 0; }
    float currentValue() const noexcept { return current; }
    float targetValue() const noexcept { return target; }

private:
    float current = 0.0f, target = 0.0f, step = 0.0f;
    int rampSamples = 480, remaining = 0;
};
} // namespace crest
