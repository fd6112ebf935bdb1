#include "Chorus.h"

#include "Core/ModuleSpecs.h"

#include "CubicRead.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace crest
{
Chorus::Chorus() : ParameterizedProcessor (moduleSpecs::chorus) {}

void Chorus::prepare (const ProcessSpec& spec)
{
    sampleRate = spec.sampleRate;
    const auto capacity = (size_t) std::ceil ((moduleSpecs::chorus[delayMs].maximum + moduleSpecs::chorus[depthMs].maximum) * 0.001 * sampleRate) + 4;
    for (auto& line : lines)
        line.assign (capacity, 0.0f);
    reset();
}

void Chorus::reset() noexcept
{
    for (auto& line : lines)
        std::fill (line.begin(), line.end(), 0.0f);
    writeIndex = 0;
    phase = 0.0;
    counter = 0;
}

void Chorus::process (AudioView io) noexcept
{
    const double step = parameter (rateHz) / sampleRate;
    const double depth = parameter (depthMs) * 0.001 * sampleRate;
    const double base = parameter (delayMs) * 0.001 * sampleRate;
    const int count = std::clamp ((int) std::lround (parameter (voices)), 1, 4);
    const float fb = (float) (parameter (feedback) / 100.0);
    const float w = (float) (parameter (width) / 100.0);
    const float wet = (float) (parameter (mix) / 100.0);
    const int channels = std::min (io.numChannels, 2);
    const size_t size = lines[0].size();

    for (int i = 0; i < io.numFrames; ++i)
    {
        const int intoStride = (int) (counter % lfoStride);
        if (intoStride == 0)
            for (int ch = 0; ch < 2; ++ch)
                for (int v = 0; v < count; ++v)
                {
                    // Voices spread evenly round the cycle; the right side a
                    // quarter turn on, scaled by width.
                    const double offset = (double) v / count + (ch == 1 ? 0.25 * w : 0.0);
                    const double now = std::sin (2 * std::numbers::pi * (phase + offset));
                    const double next = std::sin (2 * std::numbers::pi * (phase + lfoStride * step + offset));
                    lfoStart[(size_t) ch][(size_t) v] = now;
                    lfoSlope[(size_t) ch][(size_t) v] = (next - now) / lfoStride;
                }
        float voiced[2] = { 0.0f, 0.0f };
        for (int ch = 0; ch < 2; ++ch)
        {
            for (int v = 0; v < count; ++v)
            {
                const double lfo = lfoStart[(size_t) ch][(size_t) v] + intoStride * lfoSlope[(size_t) ch][(size_t) v];
                // A depth beyond the base delay would read the future: stop at 2 samples.
                voiced[ch] += readCubic (lines[(size_t) ch], writeIndex, std::max (2.0, base + depth * lfo));
            }
            voiced[ch] /= (float) count;
        }
        for (int ch = 0; ch < 2; ++ch)
        {
            const float dry = io.channels[std::min (ch, channels - 1)][i];
            lines[(size_t) ch][writeIndex] = dry + fb * voiced[ch];
        }
        for (int ch = 0; ch < channels; ++ch)
        {
            const float dry = io.channels[ch][i];
            io.channels[ch][i] = dry * (1.0f - wet) + voiced[ch] * wet;
        }
        writeIndex = writeIndex + 1 == size ? 0 : writeIndex + 1;
        ++counter;
        phase += step;
        phase -= std::floor (phase);
    }
}
} // namespace crest
