#include "AlbumAssembler.h"

#include "Crossfade.h"

#include <algorithm>
#include <cmath>

namespace crest
{
AlbumAssembler::AlbumAssembler (AlbumLayout layout, std::vector<double> gainsDb, int maxBlock)
    : places (std::move (layout)), scratchLeft ((size_t) maxBlock), scratchRight ((size_t) maxBlock)
{
    gainsDb.resize (places.spans.size(), 0.0);
    for (const double db : gainsDb)
        gains.push_back (std::pow (10.0, db / 20.0));
}

double AlbumAssembler::gainAt (size_t track, int64_t k) const noexcept
{
    const auto& span = places.spans[track];
    double g = gains[track];
    if (k < span.fadeIn)
        g *= crossfadeGains (span.fadeInCurve, k, span.fadeIn).fadeIn;
    const int64_t fadeOutFrom = span.length() - span.fadeOut;
    if (k >= fadeOutFrom)
        g *= crossfadeGains (span.fadeOutCurve, k - fadeOutFrom, span.fadeOut).fadeOut;
    return g;
}

void AlbumAssembler::render (int64_t from, int n, float* left, float* right, TrackAudio& tracks)
{
    std::fill (left, left + n, 0.0f);
    std::fill (right, right + n, 0.0f);
    const int64_t to = from + n;
    for (size_t t = 0; t < places.spans.size(); ++t)
    {
        const auto& span = places.spans[t];
        const int64_t begin = std::max (from, span.start), end = std::min (to, span.end);
        if (begin >= end)
            continue;
        const int count = (int) (end - begin);
        tracks.read (t, span.sourceStart + begin - span.start, scratchLeft.data(), scratchRight.data(), count);
        const int offset = (int) (begin - from);
        for (int i = 0; i < count; ++i)
        {
            const auto g = (float) gainAt (t, begin - span.start + i);
            left[offset + i] += g * scratchLeft[(size_t) i];
            right[offset + i] += g * scratchRight[(size_t) i];
        }
    }
}
} // namespace crest
