// Everything about one track or bus that outlives a render plan: the
// parameters the GUI moves (atomics, read once per block), the meters it
// reads, the audio thread's own state (smoothers, strip, inserts) and the
// node's buffers, which the graph's later nodes read within a block. The
// plan builder keeps one per channel id and hands the same object to every
// new plan, so a recompile never resets a fader ramp or a reverb tail.
#pragma once

#include "Core/PanLaw.h"
#include "Dsp/DelayLine.h"
#include "Dsp/ProcessorChain.h"
#include "MeteredOutput.h"
#include "Realtime/LinearSmoother.h"
#include "Realtime/PeakMeter.h"
#include "Realtime/SampleFifo.h"
#include "StripProcessors.h"

#include <atomic>
#include <vector>

namespace crest
{
struct ChannelControls
{
    std::atomic<float> trimDb { 0.0f };
    std::atomic<float> faderDb { 0.0f };
    std::atomic<float> pan { 0.0f };
    std::atomic<bool> mute { false };
    std::atomic<bool> solo { false };
    std::atomic<bool> soloSafe { false };
    PeakMeter meterLeft, meterRight;
};

// This block's lane values for one channel, one per sample, or null
// where the parameter is not automated: trim and fader as gains, pan in %.
struct ChannelAutomation
{
    const float* trimGain = nullptr;
    const float* faderGain = nullptr;
    const float* pan = nullptr;
};

class ChannelRuntime
{
public:
    // channels: a track's (1 or 2); buses are 2.
    ChannelRuntime (int channels, double sampleRate, int maxBlockFrames, ProcessorChain inserts);

    ChannelControls controls;
    StripProcessors strip;
    // The signal after the strip and inserts, summed to mono, for an open
    // EQ editor's analyser: pushed only while `analysing` is set, so a
    // closed editor costs the audio thread nothing. Drained by one reader.
    static constexpr size_t analysisCapacity = 1 << 14;
    SampleFifo analysis { analysisCapacity };
    std::atomic<bool> analysing { false };
    // Blocks in which the strip produced NaN or Inf: each was muted and the
    // inserts reset, so nothing non-finite reaches a bus.
    std::atomic<uint64_t> nonFiniteBlocks { 0 };
    int channels() const noexcept { return numChannels; }
    int latencySamples() const noexcept { return inserts.latencySamples(); }

    // The node's input, channels() wide, which the engine fills (a track's
    // clips, a bus's summed inputs) before process().
    float* const* input() noexcept { return inputChannels; }
    // After process(): the signal before the fader (post strip and
    // inserts, channels() wide; pre-fader sends and keys tap it), the
    // fader's gain for each sample (mute and solo included; post-fader
    // sends use it) and the stereo output after fader and pan.
    const float* const* preFader() const noexcept { return inputChannels; }
    const float* faderGains() const noexcept { return fader.data(); }
    const float* const* output() const noexcept { return outputChannels; }
    bool audibleThisBlock() const noexcept { return audible; }

    // Audio thread: trim, the strip (keyed by `key` if given), inserts,
    // fader with mute and solo, and pan (mono by the pan law, stereo as
    // balance), from input() to output(). Automated values replace the
    // controls' for that block.
    void process (int numFrames, PanLaw law, bool audibleNow, const AudioView* key, const ChannelAutomation& automation = {}) noexcept;

private:
    int numChannels;
    ProcessorChain inserts;
    LinearSmoother trim, faderGain, panLeft, panRight;
    bool primed = false, audible = true;
    std::vector<float> storage, fader;
    float* inputChannels[2] {};
    float* outputChannels[2] {};
};

// The mix bus and the master: a channel strip, a stereo chain and a fader.
class BusRuntime : public MeteredOutput
{
public:
    BusRuntime (double sampleRate, int maxBlockFrames, ProcessorChain chain);

    StripProcessors strip;
    std::atomic<float> faderDb { 0.0f };
    int latencySamples() const noexcept { return chain.latencySamples(); }

    // With a fader lane (gains per sample), the lane sets the level.
    void process (float* left, float* right, int numFrames, const float* faderLane = nullptr) noexcept;

private:
    ProcessorChain chain;
    LinearSmoother gain;
    bool primed = false;
};
} // namespace crest
