#include "TruePeakDetector.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace crest
{
namespace
{
    double besselI0 (double x)
    {
        double sum = 1.0, term = 1.0;
        for (int k = 1; k < 40; ++k)
        {
            term *= (x / (2.0 * k)) * (x / (2.0 * k));
            sum += term;
        }
        return sum;
    }
} // namespace

TruePeakDetector::TruePeakDetector()
{
    // Phase p interpolates at p/4 of the way from sample `centre` to the
    // next; taps j = 0..15 sit at offsets j - 7 from the centre.
    constexpr double beta = 7.0;
    constexpr double halfSpan = tapsPerPhase / 2.0;
    for (int p = 1; p < factor; ++p)
    {
        double sum = 0.0;
        std::array<double, tapsPerPhase> c {};
        for (int j = 0; j < tapsPerPhase; ++j)
        {
            const double x = (double) (j - (tapsPerPhase / 2 - 1)) - (double) p / factor;
            const double sinc = x == 0.0 ? 1.0 : std::sin (std::numbers::pi * x) / (std::numbers::pi * x);
            const double r = x / halfSpan;
            const double window = std::abs (r) >= 1.0 ? 0.0 : besselI0 (beta * std::sqrt (1.0 - r * r)) / besselI0 (beta);
            c[(size_t) j] = sinc * window;
            sum += c[(size_t) j];
        }
        for (int j = 0; j < tapsPerPhase; ++j)
            phases[(size_t) p - 1][(size_t) j] = (float) (c[(size_t) j] / sum);   // unity gain at DC
    }
}

void TruePeakDetector::reset() noexcept
{
    for (auto& h : history)
        h.fill (0.0f);
    writeIndex = 0;
}

float TruePeakDetector::process (const float* const* channels, int numChannels, int numFrames) noexcept
{
    float peak = 0.0f;
    const int used = std::min (numChannels, 2);
    for (int i = 0; i < numFrames; ++i)
    {
        for (int ch = 0; ch < used; ++ch)
        {
            auto& h = history[(size_t) ch];
            const float x = channels[ch][i];
            h[(size_t) writeIndex] = x;
            h[(size_t) (writeIndex + tapsPerPhase)] = x;
            // The window: the 16 most recent samples, oldest first.
            const float* window = h.data() + writeIndex + 1;
            peak = std::max (peak, std::abs (window[tapsPerPhase / 2 - 1]));
            for (const auto& c : phases)
            {
                float y = 0.0f;
                for (int j = 0; j < tapsPerPhase; ++j)
                    y += window[j] * c[(size_t) j];
                peak = std::max (peak, std::abs (y));
            }
        }
        if (++writeIndex == tapsPerPhase)
            writeIndex = 0;
    }
    return peak;
}
} // namespace crest
