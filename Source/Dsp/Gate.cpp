#include "Gate.h"

#include "Core/ModuleSpecs.h"

#include "FastDecibels.h"
#include "OnePole.h"

#include <algorithm>
#include <cmath>

namespace crest
{
namespace
{
    constexpr double detectorDecayMs = 2.0;
} // namespace

Gate::Gate() : ParameterizedProcessor (moduleSpecs::gate) {}

void Gate::prepare (const ProcessSpec& spec)
{
    sampleRate = spec.sampleRate;
    reset();
}

void Gate::reset() noexcept
{
    envelope = 0.0;
    gainDb = 0.0;
    open = false;
    holdRemaining = 0;
}

void Gate::process (AudioView io) noexcept
{
    const double threshold = parameter (thresholdDb), range = parameter (rangeDb), r = parameter (ratio);
    const double hysteresis = parameter (hysteresisDb);
    const double attack = onePoleCoefficient (parameter (attackMs), sampleRate);
    const double release = onePoleCoefficient (parameter (releaseMs), sampleRate);
    const double decay = onePoleCoefficient (detectorDecayMs, sampleRate);
    const int hold = (int) std::lround (parameter (holdMs) * 0.001 * sampleRate);
    const bool gating = r >= gateRatio;
    const int channels = std::min (io.numChannels, 2);

    double deepest = 0;
    for (int i = 0; i < io.numFrames; ++i)
    {
        double peak = 0;
        for (int ch = 0; ch < channels; ++ch)
            peak = std::max (peak, (double) std::abs (io.channels[ch][i]));
        envelope = std::max (peak, envelope * decay);
        const double levelDb = fastGainToDb ((float) envelope);

        double target;
        if (gating)
        {
            if (levelDb >= threshold)
            {
                open = true;
                holdRemaining = hold;
            }
            else if (levelDb < threshold - hysteresis)
            {
                if (holdRemaining > 0)
                    --holdRemaining;
                else
                    open = false;
            }
            target = open ? 0.0 : -range;
        }
        else
        {
            if (levelDb >= threshold)
                holdRemaining = hold;
            else if (holdRemaining > 0)
                --holdRemaining;
            target = holdRemaining > 0 ? 0.0 : settledGainDb (levelDb, threshold, range, r);
        }
        const double coefficient = target > gainDb ? attack : release;
        gainDb = coefficient * gainDb + (1 - coefficient) * target;
        deepest = std::min (deepest, gainDb);
        if (gainDb != 0.0)
        {
            const float gain = fastDbToGain ((float) gainDb);
            for (int ch = 0; ch < channels; ++ch)
                io.channels[ch][i] *= gain;
        }
    }
    deepestReduction.raise ((float) -deepest);
}
} // namespace crest
