// Everything about one track that outlives a render plan: the parameters
// the GUI moves (atomics, read once per block), the meters it reads, and
// the audio thread's own state (smoothers, inserts). The plan builder keeps
// one per track id and hands the same object to every new plan, so a
// recompile never resets a fader ramp or an insert's state.
#pragma once

#include "Core/PanLaw.h"
#include "Dsp/DelayLine.h"
#include "Dsp/ProcessorChain.h"
#include "Realtime/LinearSmoother.h"
#include "Realtime/PeakMeter.h"
#include "StripProcessors.h"

#include <atomic>

namespace crest
{
struct TrackControls
{
    std::atomic<float> trimDb { 0.0f };
    std::atomic<float> faderDb { 0.0f };
    std::atomic<float> pan { 0.0f };
    std::atomic<bool> mute { false };
    std::atomic<bool> solo { false };
    PeakMeter meterLeft, meterRight;
};

class TrackRuntime
{
public:
    TrackRuntime (int channels, double sampleRate, int maxBlockFrames, ProcessorChain inserts);

    TrackControls controls;
    StripProcessors strip;
    // Blocks in which the strip produced NaN or Inf: each was muted and the
    // inserts reset, so nothing non-finite reaches a bus.
    std::atomic<uint64_t> nonFiniteBlocks { 0 };
    int channels() const noexcept { return numChannels; }
    int latencySamples() const noexcept { return inserts.latencySamples(); }

    // Audio thread: trim, the strip's modules (width last), inserts,
    // fader, mute/solo and pan on `input` (channels() wide), then latency
    // compensation, written to `outL/outR`.
    void process (float* const* input, int numFrames, PanLaw law, bool anySolo, DelayLine* compensation,
                  float* outLeft, float* outRight) noexcept;

private:
    int numChannels;
    ProcessorChain inserts;
    LinearSmoother trim, gainLeft, gainRight;
    bool primed = false;
};

// The mix bus and the master: a channel strip, a stereo chain and a fader.
class BusRuntime
{
public:
    BusRuntime (double sampleRate, int maxBlockFrames, ProcessorChain chain);

    StripProcessors strip;
    std::atomic<float> faderDb { 0.0f };
    PeakMeter meterLeft, meterRight;
    std::atomic<uint64_t> nonFiniteBlocks { 0 };   // as for tracks
    int latencySamples() const noexcept { return chain.latencySamples(); }

    void process (float* left, float* right, int numFrames) noexcept;

private:
    ProcessorChain chain;
    LinearSmoother gain;
    bool primed = false;
};
} // namespace crest
