// The magnitude of BS.1770's K-weighting (its high-frequency shelf and its
// RLB high-pass) at any rate, designed as libebur128 designs the filters
// the loudness meter runs, so a loudness change worked out from a spectrum
// agrees with the meter. Pure function, any thread.
#pragma once

namespace crest
{
// |H|^2 of the K-weighting at `hz`, for a programme at `sampleRate`.
double kWeightingPower (double hz, double sampleRate) noexcept;
} // namespace crest
