#include "MasterModuleSlot.h"

#include <algorithm>
#include <cmath>

namespace crest
{
namespace
{
    int preparedLatency (Processor& processor, double sampleRate, int maxBlockFrames)
    {
        processor.prepare ({ sampleRate, maxBlockFrames, 2 });
        return processor.latencySamples();
    }
} // namespace

MasterModuleSlot::MasterModuleSlot (std::string kind, std::unique_ptr<Processor> processor, double sampleRate, int maxBlockFrames)
    : kindKey (std::move (kind)),
      module (std::move (processor)),
      latency (preparedLatency (*module, sampleRate, maxBlockFrames)),
      dryDelay (2, latency),
      dry ((size_t) (2 * maxBlockFrames)),
      maxBlock (maxBlockFrames)
{
    wet.setRampLength (std::max (1, (int) std::lround (sampleRate * 0.02)));
}

void MasterModuleSlot::process (AudioView io) noexcept
{
    const float target = enabled.load (std::memory_order_relaxed) ? 1.0f : 0.0f;
    if (! primed)
    {
        wet.snapTo (target);
        primed = true;
    }
    wet.setTarget (target);
    const int n = io.numFrames;
    float* dryChannels[2] = { dry.data(), dry.data() + maxBlock };
    for (int ch = 0; ch < 2; ++ch)
        std::copy (io.channels[ch], io.channels[ch] + n, dryChannels[ch]);
    dryDelay.process ({ dryChannels, 2, n });
    module->process (io);

    if (! wet.isSmoothing() && wet.currentValue() == 1.0f)
        return;
    if (! wet.isSmoothing())   // bypassed: the delayed input, exactly
    {
        for (int ch = 0; ch < 2; ++ch)
            std::copy (dryChannels[ch], dryChannels[ch] + n, io.channels[ch]);
        return;
    }
    for (int i = 0; i < n; ++i)
    {
        const float w = wet.next();
        for (int ch = 0; ch < 2; ++ch)
            io.channels[ch][i] = dryChannels[ch][i] + w * (io.channels[ch][i] - dryChannels[ch][i]);
    }
}
} // namespace crest
