#include "MasterRuntime.h"

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
    if (guardAndMeter (left, right, numFrames))
        for (const auto& s : chain)
            s.slot->reset();
}
} // namespace crest
