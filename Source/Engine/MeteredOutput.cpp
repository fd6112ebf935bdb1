#include "MeteredOutput.h"

#include "Dsp/NonFinite.h"

#include <algorithm>

namespace crest
{
bool MeteredOutput::guardAndMeter (float* left, float* right, int numFrames) noexcept
{
    const bool silenced = ! allFinite (left, numFrames) || ! allFinite (right, numFrames);
    if (silenced)
    {
        std::fill (left, left + numFrames, 0.0f);
        std::fill (right, right + numFrames, 0.0f);
        truePeakDetector.reset();
        nonFiniteBlocks.fetch_add (1, std::memory_order_relaxed);
    }
    meterLeft.raise (blockPeak (left, numFrames));
    meterRight.raise (blockPeak (right, numFrames));
    const float* stereo[2] = { left, right };
    truePeak.raise (truePeakDetector.process (stereo, 2, numFrames));
    return silenced;
}
} // namespace crest
