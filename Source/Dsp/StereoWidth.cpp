#include "StereoWidth.h"

#include "Core/ModuleSpecs.h"
#include "OnePole.h"

#include <algorithm>
#include <cmath>

namespace crest
{
StereoWidth::StereoWidth() : ParameterizedProcessor (moduleSpecs::stereoWidth) {}

void StereoWidth::prepare (const ProcessSpec& spec)
{
    sampleRate = spec.sampleRate;
    glide = onePoleCoefficient (20.0, sampleRate);
    reset();
}

void StereoWidth::reset() noexcept
{
    width = parameter (widthPercent) / 100.0;
    filterHz = -1.0;   // designed on the next block
    for (auto& s : sideState)
        s.reset();
}

void StereoWidth::process (AudioView io) noexcept
{
    if (io.numChannels < 2)
        return;
    const double targetWidth = parameter (widthPercent) / 100.0;
    const double hz = std::min (parameter (monoBelowHz), 0.45 * sampleRate);
    if (hz != filterHz)
    {
        // A moved corner is a mastering decision, not a performance: it is
        // redesigned at the block and the filter keeps its state.
        if (hz > 0)
            highPass = designBilinear ({ FilterShape::highPass, hz, 0.7071067811865476, 0.0 }, sampleRate);
        else
            for (auto& s : sideState)
                s.reset();
        filterHz = hz;
    }
    float* left = io.channels[0];
    float* right = io.channels[1];
    if (filterHz <= 0 && width == targetWidth && targetWidth == 1.0)
        return;   // unchanged: the output is the input
    for (int i = 0; i < io.numFrames; ++i)
    {
        width = targetWidth + (width - targetWidth) * glide;
        if (std::abs (width - targetWidth) < 1.0e-6)
            width = targetWidth;
        const double l = left[i], r = right[i];
        if (filterHz > 0)
        {
            const double mid = 0.5 * (l + r);
            float side = (float) (0.5 * (l - r));
            side = sideState[1].process (sideState[0].process (side, highPass), highPass);
            left[i] = (float) (mid + width * side);
            right[i] = (float) (mid - width * side);
        }
        else
        {
            // L' = M + wS, R' = M - wS, written so that w = 1 gives L and R exactly.
            const double a = 0.5 * (1 + width), b = 0.5 * (1 - width);
            left[i] = (float) (a * l + b * r);
            right[i] = (float) (b * l + a * r);
        }
    }
}
} // namespace crest
