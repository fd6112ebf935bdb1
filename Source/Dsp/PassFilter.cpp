#include "PassFilter.h"

#include "Core/ModuleSpecs.h"
#include "SectionCascade.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace crest
{
namespace
{
    int sectionsFor (double slope) noexcept
    {
        return std::clamp ((int) std::lround (slope / 12.0), 1, 4);
    }
} // namespace

double PassFilter::butterworthQ (int order, int section) noexcept
{
    // Pole pairs at angles (2k + 1) pi / (2 order) from the negative real axis.
    return 1.0 / (2.0 * std::cos ((2 * section + 1) * std::numbers::pi / (2.0 * order)));
}

PassFilter::PassFilter() : ParameterizedProcessor (moduleSpecs::passFilter)
{
    highPass.shape = FilterShape::highPass;
    lowPass.shape = FilterShape::lowPass;
}

void PassFilter::prepare (const ProcessSpec& spec)
{
    sampleRate = spec.sampleRate;
    highPass.smoother.prepare (sampleRate);
    lowPass.smoother.prepare (sampleRate);
    reset();
}

void PassFilter::reset() noexcept
{
    segmentPosition = 0;
    updateSide (highPass, highPassOn, highPassHz, highPassSlope, true);
    updateSide (lowPass, lowPassOn, lowPassHz, lowPassSlope, true);
}

void PassFilter::design (Side& side) noexcept
{
    const int order = 2 * side.sections;
    for (int k = 0; k < side.sections; ++k)
    {
        FilterSettings f = side.smoother.settings();
        f.q = butterworthQ (order, k);
        side.coefficients[(size_t) k] = designMatched (f, sampleRate);
    }
}

void PassFilter::updateSide (Side& side, Parameter onIndex, Parameter hzIndex, Parameter slopeIndex, bool snap) noexcept
{
    const bool isOn = parameter (onIndex) >= 0.5;
    const int sections = isOn ? sectionsFor (parameter (slopeIndex)) : 0;
    FilterSettings target;
    target.shape = side.shape;
    target.frequencyHz = std::min (parameter (hzIndex), 0.49 * sampleRate);
    if (sections != side.sections || snap)
    {
        // Switched on, off or to another slope: start clean at the target.
        side.sections = sections;
        side.smoother.snapTo (target);
        for (auto& pair : side.state)
            for (auto& s : pair)
                s.reset();
        design (side);
        side.previous = side.coefficients;
        side.moving = false;
        return;
    }
    if (sections == 0)
        return;
    side.smoother.setTarget (target);
    side.previous = side.coefficients;
    side.moving = side.smoother.step();
    if (side.moving)
        design (side);
}

void PassFilter::process (AudioView io) noexcept
{
    const int channels = std::min (io.numChannels, 2);
    int done = 0;
    while (done < io.numFrames)
    {
        if (segmentPosition == 0)
        {
            updateSide (highPass, highPassOn, highPassHz, highPassSlope, false);
            updateSide (lowPass, lowPassOn, lowPassHz, lowPassSlope, false);
        }
        const int n = std::min (io.numFrames - done, FilterSmoother::segmentFrames - segmentPosition);
        CascadeSection sections[maxCascadeSections];
        int count = 0;
        for (Side* side : { &highPass, &lowPass })
            for (int k = 0; k < side->sections; ++k)
                sections[count++] = { side->moving ? &side->previous[(size_t) k] : &side->coefficients[(size_t) k],
                                      &side->coefficients[(size_t) k], &side->state[(size_t) k] };
        processCascade (io.channels[0] + done, channels > 1 ? io.channels[1] + done : nullptr, n, sections, count,
                        highPass.moving || lowPass.moving, segmentPosition, FilterSmoother::segmentFrames);
        done += n;
        segmentPosition = (segmentPosition + n) % FilterSmoother::segmentFrames;
    }
}
} // namespace crest
