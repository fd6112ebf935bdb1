// A fixed delay in whole samples on planar audio, used by the engine to
// compensate latency between paths. Allocates in the constructor only.
#pragma once

#include "AudioView.h"

#include <cstddef>
#include <vector>

namespace crest
{
class DelayLine
{
public:
    DelayLine (int numChannels, int delaySamples)
        : delay (delaySamples), buffers ((size_t) numChannels, std::vector<float> ((size_t) delaySamples + 1, 0.0f))
    {
    }

    int delaySamples() const noexcept { return delay; }

    void process (AudioView io) noexcept
    {
        if (delay == 0)
            return;
        const int size = delay + 1;
        for (int ch = 0; ch < io.numChannels && ch < (int) buffers.size(); ++ch)
        {
            auto& ring = buffers[(size_t) ch];
            int w = writeIndex;
            float* data = io.channels[ch];
            for (int i = 0; i < io.numFrames; ++i)
            {
                ring[(size_t) w] = data[i];
                int r = w - delay;
                if (r < 0)
                    r += size;
                data[i] = ring[(size_t) r];
                if (++w == size)
                    w = 0;
            }
        }
        writeIndex = (writeIndex + io.numFrames) % size;
    }

private:
    int delay;
    std::vector<std::vector<float>> buffers;
    int writeIndex = 0;
};
} // namespace crest
