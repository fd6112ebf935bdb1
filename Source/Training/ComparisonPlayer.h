// Plays one of two programmes for a listening test (A or B of an ABX
// trial, the flat or the EQ'd programme of an ear-training round),
// switching between them at the same place with a 10 ms crossfade, each at
// its own gain (B loudness-matched to A), looping the excerpt with a short
// fade at its ends so the loop point does not click; stop and play fade too. The programmes are
// excerpts held in memory, at most maxSeconds each, so memory is bounded
// (30 s of stereo at 48 kHz is 11.5 MB a programme), at the rate of the
// device they play on.
//
// load(), collectGarbage(): message thread (a new pair reaches the audio
// thread through a PlanExchange; the old one is freed here). choose(),
// play(), stop(), restart(): any thread (atomics). render() and the
// device callback: the audio thread, allocation- and lock-free.
#pragma once

#include "Realtime/LinearSmoother.h"
#include "Realtime/PlanExchange.h"

#include <juce_audio_devices/juce_audio_devices.h>

#include <atomic>
#include <vector>

namespace crest
{
class ComparisonPlayer : public juce::AudioIODeviceCallback
{
public:
    static constexpr double maxSeconds = 30.0;

    struct Programme
    {
        std::vector<float> left, right;   // the same length
        float gain = 1.0f;                // linear: B's loudness match
    };

    ComparisonPlayer();
    ~ComparisonPlayer() override;

    // Both cut to the shorter, and to maxSeconds at `sampleRate`; the
    // playhead goes back to the start.
    void load (Programme a, Programme b, double sampleRate);
    void collectGarbage() { exchange.collectGarbage(); }

    void choose (int which) noexcept { selected.store (which == 1 ? 1 : 0, std::memory_order_relaxed); }
    int chosen() const noexcept { return selected.load (std::memory_order_relaxed); }
    void play() noexcept { playing.store (true, std::memory_order_release); }
    void stop() noexcept { playing.store (false, std::memory_order_release); }
    bool isPlaying() const noexcept { return playing.load (std::memory_order_acquire); }
    void restart() noexcept { seekRequest.store (0, std::memory_order_release); }
    int64_t position() const noexcept { return playhead.load (std::memory_order_relaxed); }

    // The audio thread, or a test: the next frames into `channels` outputs
    // (the first two get left and right; a single one their average).
    void render (float* const* out, int channels, int frames) noexcept;

    void audioDeviceIOCallbackWithContext (const float* const* inputs, int numInputs, float* const* outputs, int numOutputs, int numSamples,
                                           const juce::AudioIODeviceCallbackContext& context) override;
    void audioDeviceAboutToStart (juce::AudioIODevice*) override {}
    void audioDeviceStopped() override {}

private:
    struct Pair
    {
        Programme a, b;
        int64_t length = 0;
        int fadeFrames = 1;
        int rampFrames = 1;
    };

    PlanExchange<Pair> exchange;
    std::atomic<int> selected { 0 };
    std::atomic<bool> playing { false };
    std::atomic<int64_t> seekRequest { -1 };
    std::atomic<int64_t> playhead { 0 };
    // Audio thread only.
    const Pair* heard = nullptr;
    LinearSmoother gainA, gainB;
};
} // namespace crest
