#include "BinomialTest.h"

#include <algorithm>
#include <cmath>

namespace crest
{
double binomialTailProbability (int trials, int correct, double chance) noexcept
{
    if (correct <= 0 || trials <= 0)
        return 1.0;
    if (correct > trials)
        return 0.0;
    chance = std::clamp (chance, 1e-12, 1.0 - 1e-12);
    // Each term through log-gamma, so hundreds of trials neither overflow
    // nor lose the tail to cancellation (the terms are added, never subtracted).
    const double logTrials = std::lgamma (trials + 1.0);
    double sum = 0;
    for (int k = correct; k <= trials; ++k)
        sum += std::exp (logTrials - std::lgamma (k + 1.0) - std::lgamma (trials - k + 1.0) + k * std::log (chance)
                         + (trials - k) * std::log1p (-chance));
    return std::min (1.0, sum);
}
} // namespace crest
