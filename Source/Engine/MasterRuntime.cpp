#include "MasterRuntime.h"

#include "Dsp/NonFinite.h"

#include <algorithm>
#include <cmath>

namespace crest
{
namespace
{
    int totalLatency (const std::vector<MasterSlotRef>& slots)
    {
        int total = 0;
        for (const auto& s : slots)
            total += s.slot->latencySamples();
        return total;
    }
} // namespace

MasterRuntime::MasterRuntime (std::vector<MasterSlotRef> slots, int maxBlockFrames)
    : chain (std::move (slots)), latency (totalLatency (chain)), mixDelay (2, latency)
{
    for (auto& a : aligned)
        a.assign ((size_t) maxBlockFrames, 0.0f);
}

std::shared_ptr<MasterModuleSlot> MasterRuntime::slot (const std::string& id) const
{
    for (const auto& s : chain)
        if (s.id == id)
            return s.slot;
    return nullptr;
}

void MasterRuntime::process (float* left, float* right, int numFrames) noexcept
{
    std::copy (left, left + numFrames, aligned[0].data());
    std::copy (right, right + numFrames, aligned[1].data());
    float* mix[2] = { aligned[0].data(), aligned[1].data() };
    mixDelay.process ({ mix, 2, numFrames });

    float* stereo[2] = { left, right };
    for (const auto& s : chain)
        s.slot->process ({ stereo, 2, numFrames });
    if (! chain.empty() && (! allFinite (left, numFrames) || ! allFinite (right, numFrames)))
    {
        std::fill (left, left + numFrames, 0.0f);
        std::fill (right, right + numFrames, 0.0f);
        for (const auto& s : chain)
            s.slot->reset();
        truePeakDetector.reset();
        nonFiniteBlocks.fetch_add (1, std::memory_order_relaxed);
    }
    meterLeft.raise (blockPeak (left, numFrames));
    meterRight.raise (blockPeak (right, numFrames));
    truePeak.raise (truePeakDetector.process (stereo, 2, numFrames));
}
} // namespace crest
