// Second-order sections in series on a stereo (or mono) signal, for the EQ
// and the pass filters. The two channels travel together in one SIMD
// register (SSE2, in every x86-64), the value stays in double from the first
// section to the last, and a still cascade keeps its states in registers for
// the whole run: one load and one store per section per call, instead of one
// per sample. A moving cascade ramps each section's coefficients from `from`
// to `to` over the segment, sample by sample. Audio thread; noexcept, no
// allocation. Same arithmetic for any split of a segment into calls, so the
// output does not depend on block size.
#pragma once

#include "Biquad.h"

#include <array>

namespace crest
{
struct CascadeSection
{
    const BiquadCoefficients* from;   // at the segment's start
    const BiquadCoefficients* to;     // at its end: the same while still
    std::array<BiquadState, 2>* state;   // left, right
};

inline constexpr int maxCascadeSections = 16;

// Runs `count` sections over `n` samples of `left` (and `right`, if not
// null). `moving`: ramp the coefficients; then `segmentPosition` and
// `segmentFrames` place the samples within the segment.
void processCascade (float* left, float* right, int n, const CascadeSection* sections, int count, bool moving,
                     int segmentPosition, int segmentFrames) noexcept;
} // namespace crest
