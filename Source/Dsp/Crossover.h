// Splits a stereo (or mono) signal into 2 to 5 bands with Linkwitz-Riley
// 4th-order crossovers (24 dB/oct; each side -6.02 dB at the split), for
// the master's multiband compressor. A Linkwitz-Riley low-pass and
// high-pass sum to an allpass; a lower band is passed through the allpasses
// of the splits above it, so the bands, added back, are one allpass chain:
// flat in magnitude for any number of bands. The designs are bilinear
// (RBJ), so the identity low + high = allpass holds digitally as it does
// in the analog prototype. A moved split glides (FilterSmoother); samples
// keep their place on the 64-sample segment grid from reset, so block size
// cannot change the result. Audio thread: noexcept, no allocation after
// prepare().
#pragma once

#include "AudioView.h"
#include "Biquad.h"
#include "FilterSmoother.h"

#include <array>
#include <vector>

namespace crest
{
class Crossover
{
public:
    static constexpr int maxBands = 5, maxSplits = maxBands - 1;

    void prepare (double sampleRate, int maxBlockFrames);
    void reset() noexcept;

    // 2 to 5 bands split at `splitHz` (ascending; kept 1/6 octave apart and
    // inside 20 Hz .. 0.45 fs). Read at the next segment; a new count
    // starts the filters afresh.
    void setSplits (int bands, const std::array<double, maxSplits>& splitHz) noexcept;

    // Splits `input` (left to right, up to 2 channels); band b is then in
    // band (b), numFrames long.
    void process (AudioView input) noexcept;
    AudioView band (int b) noexcept;
    int bands() const noexcept { return bandCount; }

private:
    struct Split
    {
        FilterSmoother smoother;
        BiquadCoefficients lowPass, highPass, allPass;            // at the end of this segment
        BiquadCoefficients lowPassFrom, highPassFrom, allPassFrom;   // at its start
        bool moving = false;
        std::array<std::array<BiquadState, 2>, 2> lowState, highState;   // [section][channel]
    };

    void updateSegment() noexcept;
    static void design (Split& split, double frequency, double sampleRate) noexcept;

    std::array<Split, maxSplits> splits;
    // [band][split]: the allpass of each split above the band.
    std::array<std::array<std::array<BiquadState, 2>, maxSplits>, maxBands> allPassState;
    std::array<std::array<std::vector<float>, 2>, maxBands> buffers;
    std::array<std::array<float*, 2>, maxBands> pointers {};
    int bandCount = 2, pendingBands = 2, channels = 2, frames = 0;
    std::array<double, maxSplits> pendingHz { 200, 2000, 6000, 12000 };
    double sampleRate = 48000.0;
    int segmentPosition = 0;
};
} // namespace crest
