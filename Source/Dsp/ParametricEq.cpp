#include "ParametricEq.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace crest
{
namespace
{
    // The console's starting layout: shelves at the ends, bells between.
    struct DefaultBand
    {
        FilterShape shape;
        double frequencyHz;
    };
    constexpr DefaultBand defaults[ParametricEq::numBands] = {
        { FilterShape::lowShelf, 80 },  { FilterShape::bell, 200 },  { FilterShape::bell, 500 },  { FilterShape::bell, 1200 },
        { FilterShape::bell, 3000 },    { FilterShape::bell, 6000 }, { FilterShape::bell, 10000 }, { FilterShape::highShelf, 12000 },
    };

    const std::vector<ParameterSpec>& specs()
    {
        // Names live as long as the program: ParameterSpec holds views.
        static const std::vector<std::string> names = [] {
            std::vector<std::string> n;
            for (int b = 1; b <= ParametricEq::numBands; ++b)
                for (const char* field : { "on", "shape", "frequencyHz", "gainDb", "q" })
                    n.push_back ("band" + std::to_string (b) + "." + field);
            return n;
        }();
        static const std::vector<ParameterSpec> list = [] {
            std::vector<ParameterSpec> s;
            for (int b = 0; b < ParametricEq::numBands; ++b)
            {
                const auto& id = [b] (int f) -> std::string_view { return names[(size_t) (b * ParametricEq::fieldsPerBand + f)]; };
                s.push_back ({ id (0), "Band on", "", 0, 1, 0 });
                s.push_back ({ id (1), "Shape", "", 0, 6, (double) defaults[b].shape });
                s.push_back ({ id (2), "Frequency", "Hz", 20, 20000, defaults[b].frequencyHz });
                s.push_back ({ id (3), "Gain", "dB", -24, 24, 0 });
                s.push_back ({ id (4), "Q", "", 0.1, 18, 0.7071 });
            }
            return s;
        }();
        return list;
    }

    bool isFlatAtZeroGain (FilterShape shape) noexcept
    {
        return shape == FilterShape::bell || shape == FilterShape::lowShelf || shape == FilterShape::highShelf;
    }
} // namespace

ParametricEq::ParametricEq() : ParameterizedProcessor (specs()) {}

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
        band.coefficients = band.previous = designMatched (band.smoother.settings(), sampleRate);
        band.moving = false;
        band.wasOn = parameter (parameterIndex (b, on)) >= 0.5;
        band.active = band.wasOn && ! (isFlatAtZeroGain (band.smoother.settings().shape) && band.smoother.settings().gainDb == 0.0);
        for (auto& s : band.state)
            s.reset();
    }
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
            band.coefficients = designMatched (band.smoother.settings(), sampleRate);
            for (auto& s : band.state)
                s.reset();
            band.wasOn = true;
        }
        band.smoother.setTarget (targetOf (b));
        band.previous = band.coefficients;
        band.moving = band.smoother.step();
        if (band.moving)
            band.coefficients = designMatched (band.smoother.settings(), sampleRate);
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
        for (auto& band : bands)
        {
            if (! band.active)
                continue;
            for (int ch = 0; ch < channels; ++ch)
            {
                float* data = io.channels[ch] + done;
                auto& state = band.state[(size_t) ch];
                if (band.moving)
                    state.processGliding (data, n, band.previous, band.coefficients, segmentPosition, FilterSmoother::segmentFrames);
                else
                    state.process (data, n, band.coefficients);
            }
        }
        done += n;
        segmentPosition = (segmentPosition + n) % FilterSmoother::segmentFrames;
    }
}

double ParametricEq::magnitudeAt (double hz) const noexcept
{
    double magnitude = 1.0;
    for (int b = 0; b < numBands; ++b)
        if (parameter (parameterIndex (b, on)) >= 0.5)
            magnitude *= designMatched (targetOf (b), sampleRate).magnitudeAt (hz, sampleRate);
    return magnitude;
}
} // namespace crest
