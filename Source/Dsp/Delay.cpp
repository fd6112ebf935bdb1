#include "Delay.h"

#include "Core/ModuleSpecs.h"

#include "CubicRead.h"

#include <algorithm>
#include <cmath>

namespace crest
{
namespace
{
    // A time change crossfades between taps over this long: long enough
    // to be smooth, short enough to feel immediate.
    constexpr double fadeMs = 30.0;
} // namespace

double Delay::noteBeats (int index) noexcept
{
    // 1: whole, 2: half, 3: quarter, 4: eighth, 5: sixteenth, then the
    // same dotted (x 1.5) and as triplets (x 2/3).
    constexpr double straight[] = { 4.0, 2.0, 1.0, 0.5, 0.25 };
    if (index < 1 || index > 15)
        return 1.0;
    const int base = (index - 1) % 5, kind = (index - 1) / 5;
    return straight[base] * (kind == 1 ? 1.5 : kind == 2 ? 2.0 / 3.0 : 1.0);
}

Delay::Delay() : ParameterizedProcessor (moduleSpecs::delay) {}

double Delay::targetDelaySamples() const noexcept
{
    const int note = (int) std::lround (parameter (noteValue));
    const double ms = note > 0 ? 60000.0 / parameter (tempoBpm) * noteBeats (note) : parameter (timeMs);
    return std::clamp (ms, 1.0, moduleSpecs::delayMaxTimeMs) * 0.001 * sampleRate;
}

void Delay::prepare (const ProcessSpec& spec)
{
    sampleRate = spec.sampleRate;
    const auto length = (size_t) std::ceil (moduleSpecs::delayMaxTimeMs * 0.001 * sampleRate) + 4;
    for (auto& line : lines)
        line.assign (length, 0.0f);
    fadeLength = std::max (1, (int) std::lround (fadeMs * 0.001 * sampleRate));
    reset();
}

void Delay::reset() noexcept
{
    for (auto& line : lines)
        std::fill (line.begin(), line.end(), 0.0f);
    writeIndex = 0;
    currentDelay = nextDelay = targetDelaySamples();
    fadePosition = -1;
    for (auto& channel : feedbackFilters)
        for (auto& f : channel)
            f.reset();
}

void Delay::process (AudioView io) noexcept
{
    const double target = targetDelaySamples();
    const double fb = parameter (feedback) / 100.0;
    const double wet = parameter (mix) / 100.0;
    const bool pong = parameter (pingPong) >= 0.5;
    const double hp = parameter (highPassHz), lp = parameter (lowPassHz);
    if (hp != designedHighPass && hp > 0)
        highPass = designMatched ({ FilterShape::highPass, hp, 0.7071067811865476, 0 }, sampleRate);
    if (lp != designedLowPass && lp > 0)
        lowPass = designMatched ({ FilterShape::lowPass, lp, 0.7071067811865476, 0 }, sampleRate);
    designedHighPass = hp;
    designedLowPass = lp;

    const int channels = std::min (io.numChannels, 2);
    const size_t size = lines[0].size();
    for (int i = 0; i < io.numFrames; ++i)
    {
        if (fadePosition < 0 && target != currentDelay)
        {
            nextDelay = target;   // a change during a fade waits for it to end
            fadePosition = 0;
        }
        float echo[2];
        if (fadePosition < 0)
            for (int ch = 0; ch < 2; ++ch)
                echo[ch] = readCubic (lines[(size_t) ch], writeIndex, currentDelay);
        else
        {
            const float t = (float) (fadePosition + 1) / (float) fadeLength;
            for (int ch = 0; ch < 2; ++ch)
                echo[ch] = (1 - t) * readCubic (lines[(size_t) ch], writeIndex, currentDelay) + t * readCubic (lines[(size_t) ch], writeIndex, nextDelay);
            if (++fadePosition == fadeLength)
            {
                currentDelay = nextDelay;
                fadePosition = -1;
            }
        }

        float dry[2];
        for (int ch = 0; ch < 2; ++ch)
            dry[ch] = io.channels[std::min (ch, channels - 1)][i];
        for (int ch = 0; ch < 2; ++ch)
        {
            // Ping-pong: the input enters the left line only, and each
            // line's repeats feed the other side.
            const int from = pong ? 1 - ch : ch;
            float returned = echo[from];
            if (hp > 0)
                returned = feedbackFilters[(size_t) ch][0].process (returned, highPass);
            if (lp > 0)
                returned = feedbackFilters[(size_t) ch][1].process (returned, lowPass);
            const float input = pong ? (ch == 0 ? 0.5f * (dry[0] + dry[1]) : 0.0f) : dry[ch];
            lines[(size_t) ch][writeIndex] = input + (float) fb * returned;
        }
        for (int ch = 0; ch < channels; ++ch)
            io.channels[ch][i] = (float) (dry[ch] * (1 - wet) + echo[ch] * wet);
        writeIndex = (writeIndex + 1) % size;
    }
}
} // namespace crest
