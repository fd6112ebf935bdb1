// The master as the engine runs it: the session's master chain (one
// MasterModuleSlot per module, in order) on the mix bus's output, the mix
// bus's signal delayed by the chain's latency (so the Mix / Master /
// Difference monitor compares the same sample), the master's meters, and
// the guard that keeps NaN or Inf from the output. A plan holds one; the
// builder makes a new one when modules are added, removed or reordered,
// handing it the slots it keeps, so their state survives. process():
// audio thread.
#pragma once

#include "Dsp/DelayLine.h"
#include "MasterModuleSlot.h"
#include "MeteredOutput.h"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace crest
{
struct MasterSlotRef
{
    std::string id;
    std::shared_ptr<MasterModuleSlot> slot;
};

class MasterRuntime : public MeteredOutput
{
public:
    MasterRuntime (std::vector<MasterSlotRef> slots, int maxBlockFrames);

    int latencySamples() const noexcept { return latency; }
    const std::vector<MasterSlotRef>& slots() const noexcept { return chain; }
    std::shared_ptr<MasterModuleSlot> slot (const std::string& id) const;

    // In place: the mix bus's output in, the master's out. Afterwards
    // mixAligned() is the input delayed by latencySamples().
    void process (float* left, float* right, int numFrames) noexcept;
    const float* mixAligned (int channel) const noexcept { return aligned[(size_t) channel].data(); }

private:
    std::vector<MasterSlotRef> chain;
    int latency = 0;
    DelayLine mixDelay;
    std::vector<float> aligned[2];
};
} // namespace crest
