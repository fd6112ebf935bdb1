#include "Crossfade.h"

#include <cmath>
#include <numbers>

namespace crest
{
CrossfadeGains crossfadeGains (CrossfadeCurve curve, int64_t k, int64_t n) noexcept
{
    if (n <= 0)
        return { 0.0, 1.0 };
    const double t = ((double) k + 0.5) / (double) n;
    switch (curve)
    {
        case CrossfadeCurve::equalPower: return { std::cos (t * std::numbers::pi / 2), std::sin (t * std::numbers::pi / 2) };
        case CrossfadeCurve::linear: return { 1.0 - t, t };
        case CrossfadeCurve::sCurve:
        {
            const double in = 0.5 - 0.5 * std::cos (t * std::numbers::pi);
            return { 1.0 - in, in };
        }
    }
    return { 1.0 - t, t };
}
} // namespace crest
