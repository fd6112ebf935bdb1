#include "TruePeakDetector.h"

#include "WindowedSinc.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace crest
{
TruePeakDetector::TruePeakDetector()
{
    // Phase p interpolates at p/4 of the way from sample `centre` to the
    // next; taps j = 0..15 sit at offsets j - 7 from the centre.
    for (int p = 1; p < factor; ++p)
    {
        const auto taps = windowedSincPhase<tapsPerPhase> ((double) p / factor, 7.0);
        for (int j = 0; j < tapsPerPhase; ++j)
            tapLanes[(size_t) j][p - 1] = taps[(size_t) j];
    }
}

void TruePeakDetector::reset() noexcept
{
    for (auto& h : history)
        h.fill (0.0f);
}

float TruePeakDetector::process (const float* const* channels, int numChannels, int numFrames) noexcept
{
    // Channel by channel, a chunk at a time laid out after the last 15
    // samples, so each sample's window is a plain slice: the samples'
    // sums do not wait on one another and the CPU overlaps them.
    constexpr int chunk = 256, kept = tapsPerPhase - 1;
    float peak = 0.0f;
    const int used = std::min (numChannels, 2);
    for (int ch = 0; ch < used; ++ch)
    {
        auto& h = history[(size_t) ch];
        for (int start = 0; start < numFrames; start += chunk)
        {
            const int n = std::min (chunk, numFrames - start);
            float line[kept + chunk];
            std::copy (h.begin(), h.end(), line);
            std::copy (channels[ch] + start, channels[ch] + start + n, line + kept);
            for (int i = 0; i < n; ++i)
            {
                // The window: the 16 most recent samples, oldest first.
                const float* window = line + i;
                // The three phases side by side in one register, each
                // summed tap after tap.
                Lanes y {};
                for (int j = 0; j < tapsPerPhase; ++j)
                    y += window[j] * tapLanes[(size_t) j];
                const Lanes magnitude = y < 0.0f ? -y : y;
                peak = std::max ({ peak, std::abs (window[tapsPerPhase / 2 - 1]), magnitude[0], magnitude[1], magnitude[2] });
            }
            std::copy (line + n, line + n + kept, h.begin());
        }
    }
    return peak;
}
} // namespace crest
