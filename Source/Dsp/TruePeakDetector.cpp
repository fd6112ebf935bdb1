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
        phases[(size_t) p - 1] = windowedSincPhase<tapsPerPhase> ((double) p / factor, 7.0);
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
