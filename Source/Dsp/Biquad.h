// One second-order section's running state, per channel: transposed
// direct form II in double precision, so low corners and high Q stay
// clean in float audio. Audio thread; noexcept, no allocation.
#pragma once

#include "BiquadDesign.h"

namespace crest
{
// The coefficients a fraction t of the way from `from` to `to`: while a
// filter moves, they ramp sample by sample between segment designs.
inline BiquadCoefficients interpolate (const BiquadCoefficients& from, const BiquadCoefficients& to, double t) noexcept
{
    return { from.b0 + (to.b0 - from.b0) * t, from.b1 + (to.b1 - from.b1) * t, from.b2 + (to.b2 - from.b2) * t,
             from.a1 + (to.a1 - from.a1) * t, from.a2 + (to.a2 - from.a2) * t };
}

class BiquadState
{
public:
    float process (float input, const BiquadCoefficients& c) noexcept
    {
        const double x = input;
        const double y = c.b0 * x + s1;
        s1 = c.b1 * x - c.a1 * y + s2;
        s2 = c.b2 * x - c.a2 * y;
        return (float) y;
    }

    void process (float* data, int n, const BiquadCoefficients& c) noexcept
    {
        for (int i = 0; i < n; ++i)
            data[i] = process (data[i], c);
    }

    void reset() noexcept { s1 = s2 = 0.0; }

    // Public for SectionCascade, which holds them in registers over a run.
    double s1 = 0.0, s2 = 0.0;
};
} // namespace crest
