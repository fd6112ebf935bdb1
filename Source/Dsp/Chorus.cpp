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

double Chorus::voiceLfo (double phase, int voice, int count, int side, double widthShare) noexcept
{
    const double offset = (double) voice / count + (side == 1 ? 0.25 * widthShare : 0.0);
    return std::sin (2 * std::numbers::pi * (phase + offset));
}

double Chorus::voiceDelayMs (double phase, int voice, int count, int side, double delayMs, double depthMs, double widthShare,
                             double sampleRate) noexcept
{
    return std::max (2000.0 / sampleRate, delayMs + depthMs * voiceLfo (phase, voice, count, side, widthShare));
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
                    const double now = voiceLfo (phase, v, count, ch, w);
                    const double next = voiceLfo (phase + lfoStride * step, v, count, ch, w);
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
