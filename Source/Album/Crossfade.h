// The gains of a crossfade between two tracks: the outgoing track's
// fade-out and the incoming one's fade-in at sample k of n, sampled at the
// middle of each sample (t = (k + 1/2) / n) so the two halves mirror.
//  - equal power: cos and sin of t·π/2: their squares sum to one, so
//    uncorrelated material keeps its power through the fade;
//  - linear: 1 - t and t: they sum to one, so correlated material (the
//    same signal on both sides) keeps its amplitude;
//  - S-curve: the raised cosine, which also sums to one, with no corner
//    at either end.
// The album's render and its live playback take their gains from here.
// JUCE-free, real-time safe.
#pragma once

#include "AlbumDocument.h"

#include <cstdint>

namespace crest
{
struct CrossfadeGains
{
    double fadeOut = 1.0, fadeIn = 0.0;
};

CrossfadeGains crossfadeGains (CrossfadeCurve curve, int64_t k, int64_t n) noexcept;
} // namespace crest
