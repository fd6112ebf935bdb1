#include "TrackRuntime.h"

#include "Core/ParameterSpec.h"
#include "Dsp/NonFinite.h"

#include <algorithm>
#include <cmath>

namespace crest
{
namespace
{
    // 20 ms ramps: fast enough to feel immediate, slow enough not to click.
    int rampLength (double sampleRate) { return std::max (1, (int) std::lround (sampleRate * 0.02)); }

    float peakOf (const float* data, int n) noexcept
    {
        float peak = 0.0f;
        for (int i = 0; i < n; ++i)
            peak = std::max (peak, std::abs (data[i]));
        return peak;
    }
} // namespace

TrackRuntime::TrackRuntime (int channels, double sampleRate, int maxBlockFrames, ProcessorChain chain)
    : strip (channels, sampleRate, maxBlockFrames), numChannels (channels), inserts (std::move (chain))
{
    inserts.prepare ({ sampleRate, maxBlockFrames, channels });
    for (auto* s : { &trim, &gainLeft, &gainRight })
        s->setRampLength (rampLength (sampleRate));
}

void TrackRuntime::process (float* const* input, int numFrames, PanLaw law, bool anySolo, DelayLine* compensation,
                            float* outLeft, float* outRight) noexcept
{
    const float trimGain = (float) dbToGain (controls.trimDb.load (std::memory_order_relaxed));
    const bool audible = ! controls.mute.load (std::memory_order_relaxed)
                         && (! anySolo || controls.solo.load (std::memory_order_relaxed));
    const float fader = audible ? (float) params::faderGain (controls.faderDb.load (std::memory_order_relaxed)) : 0.0f;
    const double pan = controls.pan.load (std::memory_order_relaxed);
    const auto panGains = numChannels == 1 ? panGainsForMono (law, pan) : balanceGainsForStereo (law, pan);

    if (! primed)
    {
        trim.snapTo (trimGain);
        gainLeft.snapTo (fader * panGains.left);
        gainRight.snapTo (fader * panGains.right);
        primed = true;
    }
    trim.setTarget (trimGain);
    gainLeft.setTarget (fader * panGains.left);
    gainRight.setTarget (fader * panGains.right);

    if (trim.isSmoothing() || trim.currentValue() != 1.0f)
    {
        for (int i = 0; i < numFrames; ++i)
        {
            const float g = trim.next();
            for (int ch = 0; ch < numChannels; ++ch)
                input[ch][i] *= g;
        }
    }

    strip.process ({ input, numChannels, numFrames });
    inserts.process ({ input, numChannels, numFrames });


    const float* left = input[0];
    const float* right = input[numChannels > 1 ? 1 : 0];
    // The NaN/Inf check rides along: x * 0 is 0 unless x is not finite.
    float probe = 0.0f;
    for (int i = 0; i < numFrames; ++i)
    {
        const float l = left[i] * gainLeft.next();
        const float r = right[i] * gainRight.next();
        outLeft[i] = l;
        outRight[i] = r;
        probe += (l + r) * 0.0f;
    }
    if (probe != 0.0f)
    {
        // Muted for this block; filters holding NaN would stay broken, so
        // the strip and the inserts start again from silence.
        std::fill (outLeft, outLeft + numFrames, 0.0f);
        std::fill (outRight, outRight + numFrames, 0.0f);
        strip.reset();
        inserts.reset();
        nonFiniteBlocks.fetch_add (1, std::memory_order_relaxed);
    }

    if (compensation != nullptr)
    {
        float* stereo[] = { outLeft, outRight };
        compensation->process ({ stereo, 2, numFrames });
    }
    controls.meterLeft.raise (peakOf (outLeft, numFrames));
    controls.meterRight.raise (peakOf (outRight, numFrames));
}

BusRuntime::BusRuntime (double sampleRate, int maxBlockFrames, ProcessorChain processors)
    : strip (2, sampleRate, maxBlockFrames), chain (std::move (processors))
{
    chain.prepare ({ sampleRate, maxBlockFrames, 2 });
    gain.setRampLength (rampLength (sampleRate));
}

void BusRuntime::process (float* left, float* right, int numFrames) noexcept
{
    float* stereo[] = { left, right };
    strip.process ({ stereo, 2, numFrames });
    chain.process ({ stereo, 2, numFrames });

    const float target = (float) params::faderGain (faderDb.load (std::memory_order_relaxed));
    if (! primed)
    {
        gain.snapTo (target);
        primed = true;
    }
    gain.setTarget (target);
    if (gain.isSmoothing() || gain.currentValue() != 1.0f)
    {
        for (int i = 0; i < numFrames; ++i)
        {
            const float g = gain.next();
            left[i] *= g;
            right[i] *= g;
        }
    }
    if (! allFinite (left, numFrames) || ! allFinite (right, numFrames))
    {
        std::fill (left, left + numFrames, 0.0f);
        std::fill (right, right + numFrames, 0.0f);
        strip.reset();
        chain.reset();
        nonFiniteBlocks.fetch_add (1, std::memory_order_relaxed);
    }
    meterLeft.raise (peakOf (left, numFrames));
    meterRight.raise (peakOf (right, numFrames));
}
} // namespace crest
