#include "KWeighting.h"

#include "Dsp/BiquadDesign.h"

#include <cmath>
#include <numbers>

namespace crest
{
double kWeightingPower (double hz, double sampleRate) noexcept
{
    // BS.1770-4's analog parameters, as libebur128 (ebur128_init_filter) uses them.
    double f0 = 1681.974450955533, gainDb = 3.999843853973347, q = 0.7071752369554196;
    double k = std::tan (std::numbers::pi * f0 / sampleRate);
    const double vh = std::pow (10.0, gainDb / 20.0), vb = std::pow (vh, 0.4996667741545416);
    double a0 = 1.0 + k / q + k * k;
    const BiquadCoefficients shelf { (vh + vb * k / q + k * k) / a0, 2.0 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
                                     2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0 };
    f0 = 38.13547087602444;
    q = 0.5003270373238773;
    k = std::tan (std::numbers::pi * f0 / sampleRate);
    a0 = 1.0 + k / q + k * k;
    const BiquadCoefficients highPass { 1.0, -2.0, 1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0 };
    const double m = shelf.magnitudeAt (hz, sampleRate) * highPass.magnitudeAt (hz, sampleRate);
    return m * m;
}
} // namespace crest
