#include "TruePeakLimiter.h"

#include "Core/ModuleSpecs.h"
#include "Core/Units.h"
#include "FastDecibels.h"
#include "OnePole.h"
#include "WindowedSinc.h"

#include <algorithm>
#include <cmath>

namespace crest
{
namespace
{
    // The detector reports a position half its length back (it needs the
    // samples after it).
    constexpr int detectorDelay = TruePeakLimiter::tapsPerPhase / 2;
    // The gain that tames a peak holds this far either side of it: the
    // samples that weigh in the interpolated points around it (further out
    // the interpolator's taps are too small for a gain change to matter).
    constexpr int influence = 16;
    // The slow average of the asked-for gain that program-dependent release
    // returns to: long enough to ignore a lone transient.
    constexpr double sustainMs = 400.0;
    // An exact sum now and then keeps the running average from drifting.
    constexpr int64_t resumEvery = 4096;

    // The second stage aims this much lower (0.02 dB): the first stage's
    // leftovers and the difference between detectors stay under the ceiling.
    constexpr double safetyMargin = 0.99770006;

    // 4 dB: how far below the long interpolator the meter's filter may read.
    constexpr float coarseMargin = 1.585f;

    using Lanes = float __attribute__ ((vector_size (16)));
} // namespace

TruePeakLimiter::TruePeakLimiter() : ParameterizedProcessor (moduleSpecs::truePeakLimiter)
{
    // 128 taps, Kaiser beta 8: about 80 dB of stop band, flat to about
    // 0.48 fs, where a full-band signal's peaks still take shape.
    for (int p = 1; p < oversampling; ++p)
        phases[(size_t) p - 1] = windowedSincPhase<tapsPerPhase> ((double) p / oversampling, 8.0);
}

void TruePeakLimiter::prepare (const ProcessSpec& spec)
{
    sampleRate = spec.sampleRate;
    const int lookahead = std::max (1, (int) std::lround (lookaheadMs * 0.001 * sampleRate));
    main.prepare (lookahead);
    safety.prepare (std::max (1, lookahead / 2));
    latency = main.latency() + safety.latency();
    reset();
}

void TruePeakLimiter::reset() noexcept
{
    main.reset();
    safety.reset();
    inputGain = dbToGain (parameter (inputGainDb));
}

void TruePeakLimiter::process (AudioView io) noexcept
{
    const int channels = std::min (io.numChannels, 2);
    const double ceiling = dbToGain (parameter (ceilingDb));
    const double targetInputGain = dbToGain (parameter (inputGainDb));
    const double inputGlide = onePoleCoefficient (20.0, sampleRate);
    const double release = onePoleCoefficient (parameter (releaseMs), sampleRate);
    const double sustain = onePoleCoefficient (sustainMs, sampleRate);
    const bool programDependent = parameter (autoRelease) >= 0.5;
    const double safetyCeiling = ceiling * safetyMargin;
    double deepest = 1.0;
    for (int i = 0; i < io.numFrames; ++i)
    {
        inputGain = targetInputGain + (inputGain - targetInputGain) * inputGlide;
        // A mono signal is limited as itself: its one channel fills both.
        float left = (float) (io.channels[0][i] * inputGain);
        float right = (float) (io.channels[std::min (1, channels - 1)][i] * inputGain);
        main.process (left, right, ceiling, release, sustain, programDependent, phases);
        safety.process (left, right, safetyCeiling, release, sustain, false, phases);
        deepest = std::min (deepest, main.gain() * safety.gain());
        io.channels[0][i] = left;
        if (channels > 1)
            io.channels[1][i] = right;
    }
    deepestReduction.raise ((float) -gainToDb (deepest));
}

void TruePeakLimiter::Stage::prepare (int lookaheadSamples)
{
    lookahead = lookaheadSamples;
    holdLength = lookahead + 2 * influence;
    // The detector reports a peak detectorDelay samples after it entered;
    // the gain for it is ready lookahead - 1 samples after that, and the
    // audio waits a further `influence` so the samples around it pass under
    // it too.
    delay = detectorDelay + lookahead - 1 + influence;
    holdValue.assign ((size_t) holdLength + 1, 1.0);
    holdIndex.assign ((size_t) holdLength + 1, 0);
    averageRing.assign ((size_t) lookahead, 1.0);
    for (auto& d : delayed)
        d.assign ((size_t) delay + 1, 0.0f);
    reset();
}

void TruePeakLimiter::Stage::reset() noexcept
{
    for (auto& h : history)
        h.fill (0.0f);
    historyIndex = 0;
    meter.reset();
    holdFront = holdCount = 0;
    position = 0;
    std::fill (averageRing.begin(), averageRing.end(), 1.0);
    averageSum = (double) lookahead;
    averageIndex = 0;
    for (auto& d : delayed)
        std::fill (d.begin(), d.end(), 0.0f);
    delayIndex = 0;
    released = slowGain = lastGain = 1.0;
}

float TruePeakLimiter::Stage::oversampledPeak (int channel, const std::array<std::array<float, tapsPerPhase>, oversampling - 1>& phases) const noexcept
{
    // The window: the last 64 samples, oldest first. Points 0..8 run from
    // its middle sample to the next: the two samples and the seven
    // interpolated between them.
    const float* window = history[(size_t) channel].data() + historyIndex;
    float points[oversampling + 1];
    points[0] = window[tapsPerPhase / 2 - 1];
    points[oversampling] = window[tapsPerPhase / 2];
    for (int p = 1; p < oversampling; ++p)
    {
        const auto& taps = phases[(size_t) p - 1];
        Lanes sum {};
        for (int j = 0; j < tapsPerPhase; j += 4)
        {
            Lanes x, c;
            __builtin_memcpy (&x, window + j, sizeof (x));
            __builtin_memcpy (&c, taps.data() + j, sizeof (c));
            sum += x * c;
        }
        points[p] = (sum[0] + sum[1]) + (sum[2] + sum[3]);
    }
    float peak = std::abs (points[0]);
    for (int k = 1; k < oversampling; ++k)
    {
        const float a = points[k - 1], b = points[k], c = points[k + 1];
        peak = std::max (peak, std::abs (b));
        // At a crest (or trough) the peak lies between the grid's points:
        // the parabola through the three nearest finds it (an 8x grid alone
        // can read a crest near Nyquist up to 0.17 dB low).
        const float curvature = a - 2 * b + c;
        if (b * curvature < 0 && std::abs (b) >= std::abs (a) && std::abs (b) >= std::abs (c))
            peak = std::max (peak, std::abs (b - 0.125f * (c - a) * (c - a) / curvature));
    }
    return peak;
}

double TruePeakLimiter::Stage::heldGain (double required) noexcept
{
    // Push `required` for `position`; drop what it undercuts and what has
    // left the window; the front is then the window's minimum.
    const int capacity = holdLength + 1;
    while (holdCount > 0 && holdValue[(size_t) ((holdFront + holdCount - 1) % capacity)] >= required)
        --holdCount;
    const int back = (holdFront + holdCount) % capacity;
    holdValue[(size_t) back] = required;
    holdIndex[(size_t) back] = position;
    ++holdCount;
    while (holdIndex[(size_t) holdFront] <= position - holdLength)
    {
        holdFront = (holdFront + 1) % capacity;
        --holdCount;
    }
    return holdValue[(size_t) holdFront];
}

void TruePeakLimiter::Stage::process (float& left, float& right, double ceiling, double release, double sustain, bool programDependent,
                                      const std::array<std::array<float, tapsPerPhase>, oversampling - 1>& phases) noexcept
{
    float* sides[] = { &left, &right };
    for (int ch = 0; ch < 2; ++ch)
    {
        auto& h = history[(size_t) ch];
        h[(size_t) historyIndex] = *sides[ch];
        h[(size_t) (historyIndex + tapsPerPhase)] = *sides[ch];
        delayed[(size_t) ch][(size_t) delayIndex] = *sides[ch];
    }
    historyIndex = (historyIndex + 1) % tapsPerPhase;
    // The meter reports the sample 8 back; fed the sample detectorDelay - 8
    // back, it reports the one the 8x detector is about to.
    const int late = historyIndex + tapsPerPhase - 1 - (detectorDelay - TruePeakDetector::tapsPerPhase / 2);
    const float* lateFrame[] = { history[0].data() + late, history[1].data() + late };
    float peak = meter.process (lateFrame, 2, 1);
    // The long interpolator only where the meter's reading comes within
    // coarseMargin of the ceiling: below that nothing can reach it (the
    // meter's short filter reads at most about 3 dB low, for a tone at
    // Nyquist sampled between its crests).
    if (peak * coarseMargin > ceiling)
        peak = std::max ({ peak, oversampledPeak (0, phases), oversampledPeak (1, phases) });

    const double required = peak > ceiling ? ceiling / peak : 1.0;
    const double held = heldGain (required);
    slowGain = held + (slowGain - held) * sustain;
    const double recovered = 1.0 - (1.0 - released) * release;
    released = std::min (held, programDependent ? std::max (recovered, std::min (slowGain, 1.0)) : recovered);
    // The moving average over the lookahead ramps into each held step.
    averageSum += released - averageRing[(size_t) averageIndex];
    averageRing[(size_t) averageIndex] = released;
    averageIndex = (averageIndex + 1) % lookahead;
    if (++position % resumEvery == 0)
    {
        averageSum = 0;
        for (const double g : averageRing)
            averageSum += g;
    }
    lastGain = std::min (1.0, averageSum / lookahead);

    const int oldest = (delayIndex + 1) % (delay + 1);
    for (int ch = 0; ch < 2; ++ch)
        *sides[ch] = (float) (delayed[(size_t) ch][(size_t) oldest] * lastGain);
    delayIndex = oldest;
}
} // namespace crest
