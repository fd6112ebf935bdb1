#include "Compressor.h"

#include "Core/ModuleSpecs.h"

#include "Core/Units.h"
#include "FastDecibels.h"
#include "OnePole.h"

#include <algorithm>
#include <cmath>

namespace crest
{
namespace
{
    // The RMS detector's window: long enough to read a low note's power,
    // short enough to follow a phrase.
    constexpr double rmsWindowMs = 10.0;
} // namespace

Compressor::Compressor() : ParameterizedProcessor (moduleSpecs::compressor) {}

void Compressor::prepare (const ProcessSpec& spec)
{
    sampleRate = spec.sampleRate;
    reset();
}

void Compressor::reset() noexcept
{
    smoothedGainDb = {};
    meanSquare = {};
    for (auto& f : keyFilter)
        f.reset();
    keyFilterHz = -1.0;
}

void Compressor::processWithKey (AudioView io, AudioView key) noexcept
{
    const double threshold = parameter (thresholdDb), r = parameter (ratio), knee = parameter (kneeDb);
    const double attack = onePoleCoefficient (parameter (attackMs), sampleRate);
    const double release = onePoleCoefficient (parameter (releaseMs), sampleRate);
    const double rms = parameter (rmsDetection) >= 0.5 ? onePoleCoefficient (rmsWindowMs, sampleRate) : -1.0;
    const double link = parameter (stereoLink) / 100.0;
    const double wet = parameter (mix) / 100.0;
    // Auto makeup restores half of what the curve takes from a 0 dBFS input.
    const double makeup = parameter (makeupDb) + (parameter (autoMakeup) >= 0.5 ? -0.5 * staticCurveDb (0, threshold, r, knee) : 0.0);
    const double makeupGain = dbToGain (makeup);
    const double highPassHz = parameter (sidechainHighPassHz);
    if (highPassHz != keyFilterHz)
    {
        keyFilterHz = highPassHz;
        if (highPassHz > 0)
            keyFilterCoefficients = designMatched ({ FilterShape::highPass, highPassHz, 0.7071067811865476, 0 }, sampleRate);
    }

    const int channels = std::min (io.numChannels, 2);
    const int keyChannels = std::min (key.numChannels, 2);
    const bool linked = link >= 1.0 || channels == 1;
    const double slope = 1.0 / r - 1.0, halfKnee = knee / 2, kneeScale = knee > 0 ? slope / (2 * knee) : 0.0;
    const int computers = linked ? 1 : channels;
    double deepest = 0;
    for (int i = 0; i < io.numFrames; ++i)
    {
        // Detector level per channel (linear power or magnitude), then in
        // dB: for a linked pair only the louder side needs the logarithm.
        double detected[2] = {};
        for (int ch = 0; ch < channels; ++ch)
        {
            double k = key.channels[std::min (ch, keyChannels - 1)][i];
            if (highPassHz > 0)
                k = keyFilter[(size_t) ch].process ((float) k, keyFilterCoefficients);
            if (rms >= 0)
                detected[ch] = meanSquare[(size_t) ch] = rms * meanSquare[(size_t) ch] + (1 - rms) * k * k;
            else
                detected[ch] = std::abs (k);
        }
        const double toDb = rms >= 0 ? 0.5 : 1.0;   // power or magnitude
        auto inDb = [toDb] (double v) { return toDb * fastGainToDb ((float) v); };
        const double loudest = inDb (channels > 1 ? std::max (detected[0], detected[1]) : detected[0]);
        double levelDb[2] = { loudest, loudest };
        if (! linked)
            for (int ch = 0; ch < channels; ++ch)
                levelDb[ch] = inDb (detected[ch]);
        // Fully linked (the usual case) is one gain computer for both sides.
        double gains[2] = { 1.0, 1.0 };
        for (int c = 0; c < computers; ++c)
        {
            const double level = linked ? loudest : loudest * link + levelDb[c] * (1 - link);
            // The static curve's reduction, with its divisions done once per block.
            const double over = level - threshold;
            const double target = 2 * over < -knee ? 0.0
                                  : (knee > 0 && 2 * std::abs (over) <= knee) ? kneeScale * (over + halfKnee) * (over + halfKnee)
                                                                              : slope * over;   // <= 0
            auto& g = smoothedGainDb[(size_t) c];
            const double coefficient = target < g ? attack : release;
            g = coefficient * g + (1 - coefficient) * target;
            if (g > -1.0e-6)
                g = 0.0;   // recovered: stop paying for the exponential's endless tail
            deepest = std::min (deepest, g);
            gains[c] = (g == 0.0 ? 1.0 : (double) fastDbToGain ((float) g)) * makeupGain * wet + (1 - wet);
        }
        for (int ch = 0; ch < channels; ++ch)
            io.channels[ch][i] = (float) (io.channels[ch][i] * gains[linked ? 0 : ch]);
    }
    if (linked)
        smoothedGainDb[1] = smoothedGainDb[0];   // ready should the link be lowered
    deepestReduction.raise ((float) -deepest);
}
} // namespace crest
