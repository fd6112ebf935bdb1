#include "Crossover.h"

#include "SectionCascade.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace crest
{
namespace
{
    constexpr double butterworthQ = 0.7071067811865476;
    constexpr double minimumSpacing = 1.122462048309373;   // 2^(1/6): a sixth of an octave

    FilterSettings settingsAt (double hz) noexcept { return { FilterShape::lowPass, hz, butterworthQ, 0.0 }; }
} // namespace

void Crossover::prepare (double rate, int maxBlockFrames)
{
    sampleRate = rate;
    for (auto& split : splits)
        split.smoother.prepare (rate);
    for (auto& band : buffers)
        for (auto& channel : band)
            channel.assign ((size_t) maxBlockFrames, 0.0f);
    for (int b = 0; b < maxBands; ++b)
        for (int ch = 0; ch < 2; ++ch)
            pointers[(size_t) b][(size_t) ch] = buffers[(size_t) b][(size_t) ch].data();
    reset();
}

void Crossover::reset() noexcept
{
    bandCount = pendingBands;
    segmentPosition = 0;
    for (int k = 0; k < maxSplits; ++k)
    {
        auto& split = splits[(size_t) k];
        split.smoother.snapTo (settingsAt (pendingHz[(size_t) k]));
        design (split, pendingHz[(size_t) k], sampleRate);
        split.moving = false;
        for (auto& section : split.lowState)
            for (auto& s : section)
                s.reset();
        for (auto& section : split.highState)
            for (auto& s : section)
                s.reset();
    }
    for (auto& band : allPassState)
        for (auto& split : band)
            for (auto& s : split)
                s.reset();
}

void Crossover::setSplits (int bands, const std::array<double, maxSplits>& splitHz) noexcept
{
    pendingBands = std::clamp (bands, 2, maxBands);
    double floor = 20.0;
    const double ceiling = 0.45 * sampleRate;
    for (int k = 0; k < maxSplits; ++k)
    {
        pendingHz[(size_t) k] = std::clamp (splitHz[(size_t) k], floor, ceiling);
        floor = pendingHz[(size_t) k] * minimumSpacing;
    }
}

void Crossover::design (Split& split, double frequency, double rate) noexcept
{
    // RBJ's bilinear forms at the Butterworth Q: low-pass and high-pass
    // squared are the Linkwitz-Riley pair; their sum is this allpass.
    split.lowPass = designBilinear ({ FilterShape::lowPass, frequency, butterworthQ, 0.0 }, rate);
    split.highPass = designBilinear ({ FilterShape::highPass, frequency, butterworthQ, 0.0 }, rate);
    const double w0 = 2 * std::numbers::pi * frequency / rate;
    const double cosw = std::cos (w0), alpha = std::sin (w0) / (2 * butterworthQ), a0 = 1 + alpha;
    split.allPass = { (1 - alpha) / a0, -2 * cosw / a0, (1 + alpha) / a0, -2 * cosw / a0, (1 - alpha) / a0 };
}

void Crossover::updateSegment() noexcept
{
    if (pendingBands != bandCount)
    {
        reset();   // a new band count: the filters start afresh
        return;
    }
    for (int k = 0; k < bandCount - 1; ++k)
    {
        auto& split = splits[(size_t) k];
        split.smoother.setTarget (settingsAt (pendingHz[(size_t) k]));
        split.lowPassFrom = split.lowPass;
        split.highPassFrom = split.highPass;
        split.allPassFrom = split.allPass;
        split.moving = split.smoother.step();
        if (split.moving)
            design (split, split.smoother.settings().frequencyHz, sampleRate);
    }
}

void Crossover::process (AudioView input) noexcept
{
    channels = std::min (input.numChannels, 2);
    frames = input.numFrames;
    for (int done = 0; done < frames;)
    {
        if (segmentPosition == 0)
            updateSegment();
        const int n = std::min (frames - done, FilterSmoother::segmentFrames - segmentPosition);
        float* rest[2] = { input.channels[0] + done, input.channels[std::min (1, channels - 1)] + done };
        auto run = [&] (float* const* audio, const CascadeSection* sections, int count, bool moving) {
            processCascade (audio[0], channels > 1 ? audio[1] : nullptr, n, sections, count, moving, segmentPosition,
                            FilterSmoother::segmentFrames);
        };
        for (int k = 0; k < bandCount - 1; ++k)
        {
            auto& split = splits[(size_t) k];
            float* band[2] = { pointers[(size_t) k][0] + done, pointers[(size_t) k][1] + done };
            for (int ch = 0; ch < channels; ++ch)
                std::copy (rest[ch], rest[ch] + n, band[ch]);
            const bool moving = split.moving;
            const CascadeSection low[] = { { moving ? &split.lowPassFrom : &split.lowPass, &split.lowPass, &split.lowState[0] },
                                           { moving ? &split.lowPassFrom : &split.lowPass, &split.lowPass, &split.lowState[1] } };
            const CascadeSection high[] = { { moving ? &split.highPassFrom : &split.highPass, &split.highPass, &split.highState[0] },
                                            { moving ? &split.highPassFrom : &split.highPass, &split.highPass, &split.highState[1] } };
            run (band, low, 2, moving);
            run (rest, high, 2, moving);
        }
        for (int ch = 0; ch < channels; ++ch)
            std::copy (rest[ch], rest[ch] + n, pointers[(size_t) bandCount - 1][(size_t) ch] + done);
        // Each lower band through the allpasses of the splits above it.
        for (int k = 0; k + 2 < bandCount; ++k)
        {
            CascadeSection chain[maxSplits];
            int count = 0;
            bool moving = false;
            for (int j = k + 1; j < bandCount - 1; ++j)
            {
                auto& split = splits[(size_t) j];
                chain[count++] = { split.moving ? &split.allPassFrom : &split.allPass, &split.allPass, &allPassState[(size_t) k][(size_t) j] };
                moving |= split.moving;
            }
            float* band[2] = { pointers[(size_t) k][0] + done, pointers[(size_t) k][1] + done };
            run (band, chain, count, moving);
        }
        done += n;
        segmentPosition = (segmentPosition + n) % FilterSmoother::segmentFrames;
    }
}

AudioView Crossover::band (int b) noexcept
{
    return { pointers[(size_t) b].data(), channels, frames };
}
} // namespace crest
