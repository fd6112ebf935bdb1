#include "ChannelRuntime.h"

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
} // namespace

ChannelRuntime::ChannelRuntime (int channels, double sampleRate, int maxBlockFrames, ProcessorChain chain)
    : strip (channels, sampleRate, maxBlockFrames),
      numChannels (channels),
      inserts (std::move (chain)),
      storage ((size_t) maxBlockFrames * 4, 0.0f),
      fader ((size_t) maxBlockFrames, 0.0f)
{
    inserts.prepare ({ sampleRate, maxBlockFrames, channels });
    for (auto* s : { &trim, &faderGain, &panLeft, &panRight })
        s->setRampLength (rampLength (sampleRate));
    for (int ch = 0; ch < 2; ++ch)
    {
        inputChannels[ch] = storage.data() + (size_t) (ch * maxBlockFrames);
        outputChannels[ch] = storage.data() + (size_t) ((2 + ch) * maxBlockFrames);
    }
}

void ChannelRuntime::process (int numFrames, PanLaw law, bool audibleNow, const AudioView* key, const ChannelAutomation& lanes) noexcept
{
    audible = audibleNow;
    const float trimTarget = (float) dbToGain (controls.trimDb.load (std::memory_order_relaxed));
    // With a fader lane, the smoother carries only mute and solo.
    const float faderTarget = ! audible                     ? 0.0f
                              : lanes.faderGain != nullptr ? 1.0f
                                                           : (float) params::faderGain (controls.faderDb.load (std::memory_order_relaxed));
    const double pan = controls.pan.load (std::memory_order_relaxed);
    const auto panGains = numChannels == 1 ? panGainsForMono (law, pan) : balanceGainsForStereo (law, pan);

    if (! primed)
    {
        trim.snapTo (trimTarget);
        faderGain.snapTo (faderTarget);
        panLeft.snapTo (panGains.left);
        panRight.snapTo (panGains.right);
        primed = true;
    }
    trim.setTarget (trimTarget);
    faderGain.setTarget (faderTarget);
    panLeft.setTarget (panGains.left);
    panRight.setTarget (panGains.right);

    float* const* in = inputChannels;
    if (lanes.trimGain != nullptr)
    {
        for (int ch = 0; ch < numChannels; ++ch)
            for (int i = 0; i < numFrames; ++i)
                in[ch][i] *= lanes.trimGain[i];
        trim.snapTo (lanes.trimGain[numFrames - 1]);   // the control picks up where the lane left off
    }
    else if (trim.isSmoothing() || trim.currentValue() != 1.0f)
    {
        for (int i = 0; i < numFrames; ++i)
        {
            const float g = trim.next();
            for (int ch = 0; ch < numChannels; ++ch)
                in[ch][i] *= g;
        }
    }

    strip.process ({ in, numChannels, numFrames }, key);
    inserts.process ({ in, numChannels, numFrames });
    if (analysing.load (std::memory_order_relaxed))
    {
        // The output buffer is free until the pan below fills it.
        float* mono = outputChannels[0];
        if (numChannels > 1)
            for (int i = 0; i < numFrames; ++i)
                mono[i] = 0.5f * (in[0][i] + in[1][i]);
        else
            std::copy (in[0], in[0] + numFrames, mono);
        analysis.push (mono, (size_t) numFrames);
    }

    const float* left = in[0];
    const float* right = in[numChannels > 1 ? 1 : 0];
    float* outLeft = outputChannels[0];
    float* outRight = outputChannels[1];
    // The NaN/Inf check rides along: x * 0 is 0 unless x is not finite.
    float probe = 0.0f;
    const bool steady = lanes.faderGain == nullptr && lanes.pan == nullptr && ! faderGain.isSmoothing() && ! panLeft.isSmoothing()
                        && ! panRight.isSmoothing();
    if (steady)
    {
        // Nothing moves this block: constant gains, in loops the compiler
        // vectorises (the same products as below, so the same samples).
        const float f = faderGain.currentValue();
        const float gl = f * panLeft.currentValue(), gr = f * panRight.currentValue();
        for (int i = 0; i < numFrames; ++i)
            outLeft[i] = left[i] * gl;
        for (int i = 0; i < numFrames; ++i)
            outRight[i] = right[i] * gr;
        std::fill (fader.begin(), fader.begin() + numFrames, f);
        if (hasNonFinite (left, numFrames) || (right != left && hasNonFinite (right, numFrames)))
            probe = 1.0f;
    }
    for (int i = 0; i < numFrames && ! steady; ++i)
    {
        float f = faderGain.next();
        if (lanes.faderGain != nullptr)
            f *= lanes.faderGain[i];
        fader[(size_t) i] = f;
        float pl = panLeft.next(), pr = panRight.next();
        if (lanes.pan != nullptr)
        {
            const auto g = numChannels == 1 ? panGainsForMono (law, lanes.pan[i]) : balanceGainsForStereo (law, lanes.pan[i]);
            pl = g.left;
            pr = g.right;
        }
        // Fader times pan first, then the signal: the foundation's
        // arithmetic, so its sessions render bit for bit as they did.
        const float l = left[i] * (f * pl);
        const float r = right[i] * (f * pr);
        outLeft[i] = l;
        outRight[i] = r;
        probe += (left[i] + right[i]) * 0.0f;
    }
    if (lanes.pan != nullptr)
    {
        // The controls pick up where the lane left off.
        const double last = lanes.pan[numFrames - 1];
        const auto g = numChannels == 1 ? panGainsForMono (law, last) : balanceGainsForStereo (law, last);
        panLeft.snapTo (g.left);
        panRight.snapTo (g.right);
    }
    if (probe != 0.0f)
    {
        // Muted for this block, sends and keys included; filters holding
        // NaN would stay broken, so the strip and the inserts start again
        // from silence.
        for (int ch = 0; ch < numChannels; ++ch)
            std::fill (in[ch], in[ch] + numFrames, 0.0f);
        std::fill (outLeft, outLeft + numFrames, 0.0f);
        std::fill (outRight, outRight + numFrames, 0.0f);
        strip.reset();
        inserts.reset();
        nonFiniteBlocks.fetch_add (1, std::memory_order_relaxed);
    }
    controls.meterLeft.raise (blockPeak (outLeft, numFrames));
    controls.meterRight.raise (blockPeak (outRight, numFrames));
}



BusRuntime::BusRuntime (double sampleRate, int maxBlockFrames, ProcessorChain processors)
    : strip (2, sampleRate, maxBlockFrames), chain (std::move (processors))
{
    chain.prepare ({ sampleRate, maxBlockFrames, 2 });
    gain.setRampLength (rampLength (sampleRate));
}

void BusRuntime::process (float* left, float* right, int numFrames, const float* faderLane) noexcept
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
    if (faderLane != nullptr)
    {
        for (int i = 0; i < numFrames; ++i)
        {
            left[i] *= faderLane[i];
            right[i] *= faderLane[i];
        }
        gain.snapTo (faderLane[numFrames - 1]);   // the control picks up where the lane left off
        gain.setTarget (target);
    }
    else if (gain.isSmoothing() || gain.currentValue() != 1.0f)
    {
        for (int i = 0; i < numFrames; ++i)
        {
            const float g = gain.next();
            left[i] *= g;
            right[i] *= g;
        }
    }
    if (guardAndMeter (left, right, numFrames))
    {
        strip.reset();
        chain.reset();
    }
}
} // namespace crest
