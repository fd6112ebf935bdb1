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

    // toDb x the level in dB of each of n detector values (magnitude:
    // toDb 1; power: 0.5).
    void toDecibels (const float* detected, double* levelDb, int n, double toDb) noexcept
    {
        int i = 0;
        for (; i + 4 <= n; i += 4)
        {
            FloatLanes lanes;
            __builtin_memcpy (&lanes, detected + i, sizeof (lanes));
            const FloatLanes db = fastGainToDb (lanes);
            for (int k = 0; k < 4; ++k)
                levelDb[i + k] = toDb * db[k];
        }
        for (; i < n; ++i)
            levelDb[i] = toDb * fastGainToDb (detected[i]);
    }

    // The gain to apply for each of n reductions in dB: makeup, and the
    // dry part of a parallel mix. A reduction of exactly 0 is unity.
    void toGains (const float* gainDb, double* gains, int n, bool reducing, double makeupGain, double wet) noexcept
    {
        const double unity = makeupGain * wet + (1 - wet);
        if (! reducing)
        {
            for (int i = 0; i < n; ++i)
                gains[i] = unity;
            return;
        }
        int i = 0;
        for (; i + 4 <= n; i += 4)
        {
            FloatLanes lanes;
            __builtin_memcpy (&lanes, gainDb + i, sizeof (lanes));
            const FloatLanes linear = fastDbToGain (lanes);
            for (int k = 0; k < 4; ++k)
                gains[i + k] = (gainDb[i + k] == 0.0f ? 1.0 : (double) linear[k]) * makeupGain * wet + (1 - wet);
        }
        for (; i < n; ++i)
            gains[i] = (gainDb[i] == 0.0f ? 1.0 : (double) fastDbToGain (gainDb[i])) * makeupGain * wet + (1 - wet);
    }
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
    const double makeup = Compressor::appliedMakeupDb (parameter (makeupDb), parameter (autoMakeup) >= 0.5, threshold, r, knee);
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
    const double toDb = rms >= 0 ? 0.5 : 1.0;   // power or magnitude
    double deepest = 0;
    // In chunks, pass by pass: detection, its logarithm, the gain
    // computer's smoothing (the only recursion), then the gains. The
    // logarithms and exponentials go four samples at a time (FastDecibels'
    // lanes convert to the same bits as one at a time), the rest are short
    // loops the CPU overlaps across samples.
    constexpr int chunk = 64;
    const bool plainPeak = rms < 0 && highPassHz <= 0;
    for (int start = 0; start < io.numFrames; start += chunk)
    {
        const int n = std::min (chunk, io.numFrames - start);
        // Detector level per channel (magnitude or power); for a linked
        // pair only the louder side needs the logarithm.
        alignas (16) float loudest[chunk], each[2][chunk];
        const float* keyLeft = key.channels[0] + start;
        const float* keyRight = key.channels[std::min (1, keyChannels - 1)] + start;
        if (plainPeak && linked && channels > 1)
            for (int i = 0; i < n; ++i)
            {
                const float left = std::abs (keyLeft[i]), right = std::abs (keyRight[i]);
                loudest[i] = left < right ? right : left;
            }
        else
            for (int i = 0; i < n; ++i)
            {
                double detected[2] = {};
                for (int ch = 0; ch < channels; ++ch)
                {
                    double k = (ch == 0 ? keyLeft : keyRight)[i];
                    if (highPassHz > 0)
                        k = keyFilter[(size_t) ch].process ((float) k, keyFilterCoefficients);
                    if (rms >= 0)
                        detected[ch] = meanSquare[(size_t) ch] = rms * meanSquare[(size_t) ch] + (1 - rms) * k * k;
                    else
                        detected[ch] = std::abs (k);
                    each[ch][i] = (float) detected[ch];
                }
                loudest[i] = (float) (channels > 1 ? std::max (detected[0], detected[1]) : detected[0]);
            }
        double levelDb[2][chunk];
        toDecibels (loudest, levelDb[0], n, toDb);
        if (! linked)
        {
            double own[chunk];
            for (int ch = channels - 1; ch >= 0; --ch)
            {
                toDecibels (each[ch], own, n, toDb);
                for (int i = 0; i < n; ++i)
                    levelDb[ch][i] = levelDb[0][i] * link + own[i] * (1 - link);
            }
        }
        // Fully linked (the usual case) is one gain computer for both sides.
        double gains[2][chunk];
        for (int c = 0; c < computers; ++c)
        {
            auto& g = smoothedGainDb[(size_t) c];
            alignas (16) float gainDb[chunk];
            bool reducing = false;
            for (int i = 0; i < n; ++i)
            {
                // The static curve's reduction, with its divisions done once per block.
                const double over = levelDb[c][i] - threshold;
                const double target = 2 * over < -knee ? 0.0
                                      : (knee > 0 && 2 * std::abs (over) <= knee) ? kneeScale * (over + halfKnee) * (over + halfKnee)
                                                                                  : slope * over;   // <= 0
                const double coefficient = target < g ? attack : release;
                g = coefficient * g + (1 - coefficient) * target;
                if (g > -1.0e-6)
                    g = 0.0;   // recovered: stop paying for the exponential's endless tail
                deepest = std::min (deepest, g);
                gainDb[i] = (float) g;
                reducing |= g != 0.0;
            }
            toGains (gainDb, gains[c], n, reducing, makeupGain, wet);
        }
        for (int ch = 0; ch < channels; ++ch)
        {
            const double* gain = gains[linked ? 0 : ch];
            float* audio = io.channels[ch] + start;
            for (int i = 0; i < n; ++i)
                audio[i] = (float) (audio[i] * gain[i]);
        }
    }
    if (linked)
        smoothedGainDb[1] = smoothedGainDb[0];   // ready should the link be lowered
    deepestReduction.raise ((float) -deepest);
}
} // namespace crest
