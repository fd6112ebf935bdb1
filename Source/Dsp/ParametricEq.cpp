#include "ParametricEq.h"

#include "Core/ModuleSpecs.h"
#include "SectionCascade.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace crest
{
namespace
{
    bool isFlatAtZeroGain (FilterShape shape) noexcept
    {
        return shape == FilterShape::bell || shape == FilterShape::lowShelf || shape == FilterShape::highShelf;
    }
} // namespace

ParametricEq::ParametricEq() : ParameterizedProcessor (moduleSpecs::parametricEq()) {}

FilterSettings ParametricEq::targetOf (int band) const noexcept
{
    FilterSettings f;
    f.shape = (FilterShape) std::clamp ((int) std::lround (parameter (parameterIndex (band, shape))), 0, 6);
    // Above Nyquist a band would alias; it stops just short of it.
    f.frequencyHz = std::min (parameter (parameterIndex (band, frequencyHz)), 0.49 * sampleRate);
    f.gainDb = parameter (parameterIndex (band, gainDb));
    f.q = parameter (parameterIndex (band, q));
    return f;
}

void ParametricEq::prepare (const ProcessSpec& spec)
{
    sampleRate = spec.sampleRate;
    for (auto& band : bands)
        band.smoother.prepare (sampleRate);
    reset();
}

void ParametricEq::reset() noexcept
{
    segmentPosition = 0;
    for (int b = 0; b < numBands; ++b)
    {
        auto& band = bands[(size_t) b];
        band.smoother.snapTo (targetOf (b));
        band.design = band.previous = designBand (band.smoother.settings(), sampleRate);
        band.sectionsRunning = band.design.count;
        band.moving = false;
        band.wasOn = parameter (parameterIndex (b, on)) >= 0.5;
        band.active = band.wasOn && ! (isFlatAtZeroGain (band.smoother.settings().shape) && band.smoother.settings().gainDb == 0.0);
        resetState (band);
    }
}

void ParametricEq::resetState (Band& band) noexcept
{
    for (auto& section : band.state)
        for (auto& channel : section)
            channel.reset();
}

void ParametricEq::updateSegment() noexcept
{
    for (int b = 0; b < numBands; ++b)
    {
        auto& band = bands[(size_t) b];
        const bool isOn = parameter (parameterIndex (b, on)) >= 0.5;
        if (! isOn)
        {
            band.active = band.wasOn = false;
            continue;
        }
        if (! band.wasOn)
        {
            // Switched on: start from silence at the settings it has now.
            band.smoother.snapTo (targetOf (b));
            band.design = designBand (band.smoother.settings(), sampleRate);
            band.sectionsRunning = band.design.count;
            resetState (band);
            band.wasOn = true;
        }
        band.smoother.setTarget (targetOf (b));
        band.previous = band.design;
        band.moving = band.smoother.step();
        if (band.moving)
            band.design = designBand (band.smoother.settings(), sampleRate);
        // While ramping to or from two sections both run, the missing one
        // flat; a section that joins starts from rest.
        const int sections = std::max (band.previous.count, band.design.count);
        for (int s = band.sectionsRunning; s < sections; ++s)
            for (auto& channel : band.state[(size_t) s])
                channel.reset();
        band.sectionsRunning = sections;
        const auto& now = band.smoother.settings();
        band.active = ! (isFlatAtZeroGain (now.shape) && now.gainDb == 0.0);
    }
}

void ParametricEq::process (AudioView io) noexcept
{
    const int channels = std::min (io.numChannels, 2);
    int done = 0;
    while (done < io.numFrames)
    {
        if (segmentPosition == 0)
            updateSegment();
        const int n = std::min (io.numFrames - done, FilterSmoother::segmentFrames - segmentPosition);
        // Every running section of every active band in one cascade; it
        // ramps if any band moves (a still band ramps from itself to itself).
        CascadeSection sections[maxCascadeSections];
        int count = 0;
        bool moving = false;
        for (auto& band : bands)
            if (band.active)
            {
                const auto& from = band.moving ? band.previous : band.design;
                for (int k = 0; k < band.sectionsRunning; ++k)
                    sections[count++] = { &from.sections[(size_t) k], &band.design.sections[(size_t) k], &band.state[(size_t) k] };
                moving |= band.moving;
            }
        processCascade (io.channels[0] + done, channels > 1 ? io.channels[1] + done : nullptr, n, sections, count, moving,
                        segmentPosition, FilterSmoother::segmentFrames);
        done += n;
        segmentPosition = (segmentPosition + n) % FilterSmoother::segmentFrames;
    }
}

void ParametricEq::magnitudesAt (std::span<const double> hz, std::span<double> magnitudes) const
{
    std::fill (magnitudes.begin(), magnitudes.end(), 1.0);
    for (int b = 0; b < numBands; ++b)
        if (parameter (parameterIndex (b, on)) >= 0.5)
        {
            const auto design = designBand (targetOf (b), sampleRate);
            for (size_t i = 0; i < hz.size() && i < magnitudes.size(); ++i)
                magnitudes[i] *= design.magnitudeAt (hz[i], sampleRate);
        }
}

double ParametricEq::magnitudeAt (double hz) const noexcept
{
    double magnitude = 1.0;
    for (int b = 0; b < numBands; ++b)
        if (parameter (parameterIndex (b, on)) >= 0.5)
            magnitude *= designBand (targetOf (b), sampleRate).magnitudeAt (hz, sampleRate);
    return magnitude;
}
} // namespace crest
