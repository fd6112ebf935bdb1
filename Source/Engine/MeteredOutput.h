// What the mix bus and the master share at their output: the guard that
// keeps NaN or Inf from going any further (the block is silenced and
// counted; the owner resets what made it) and the meters the GUI reads
// (sample peak per channel, 4x true peak over both, BS.1770 Annex 2).
// guardAndMeter(): audio thread; the meters' take(): any thread.
#pragma once

#include "Dsp/TruePeakDetector.h"
#include "Realtime/PeakMeter.h"

#include <atomic>
#include <cstdint>

namespace crest
{
class MeteredOutput
{
public:
    PeakMeter meterLeft, meterRight;
    PeakMeter truePeak;
    std::atomic<uint64_t> nonFiniteBlocks { 0 };   // blocks silenced because they held NaN or Inf

protected:
    // Silences the block if it holds NaN or Inf (returning true, so the
    // owner resets its processors), then meters what goes out.
    bool guardAndMeter (float* left, float* right, int numFrames) noexcept;

private:
    TruePeakDetector truePeakDetector;
};
} // namespace crest
