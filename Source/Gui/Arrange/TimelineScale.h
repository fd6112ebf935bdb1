// Where the arrange view's timeline sits on screen: how many samples one
// pixel covers and which sample is at the left edge. The ruler, the lanes
// and the playhead share one, so they always agree.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace crest
{
struct TimelineScale
{
    static constexpr double minSamplesPerPixel = 1.0;       // one sample a pixel
    static constexpr double maxSamplesPerPixel = 1 << 16;   // an hour in 2600 pixels at 48 kHz

    double samplesPerPixel = 400.0;
    double firstSample = 0.0;   // at x = 0; never negative

    float xFor (int64_t sample) const noexcept { return (float) (((double) sample - firstSample) / samplesPerPixel); }
    int64_t sampleAt (float x) const noexcept { return (int64_t) std::llround (firstSample + (double) x * samplesPerPixel); }

    // Zooms by `factor` (> 1 zooms in) keeping the sample under x in place.
    void zoomAround (float x, double factor) noexcept
    {
        const double anchor = firstSample + (double) x * samplesPerPixel;
        samplesPerPixel = std::clamp (samplesPerPixel / factor, minSamplesPerPixel, maxSamplesPerPixel);
        firstSample = std::max (0.0, anchor - (double) x * samplesPerPixel);
    }
};
} // namespace crest
