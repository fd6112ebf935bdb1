// The one engine: renders the current RenderPlan into stereo output. Live
// playback calls process() from the device callback; the offline renderer
// and the tests call the very same function in a loop.
//
// process() is the audio thread's only entry point: it takes a new plan if
// one was published, honours seek requests, pulls clip audio from the disk
// streams, runs strips, the mix bus and the master, feeds the meters and an
// optional capture tap, and advances the streamer's epoch. It never
// allocates, locks, waits or touches a file. Output depends only on the
// plan and the playhead, never on how the caller slices blocks.
#pragma once

#include "DiskStreamer.h"
#include "Realtime/PlanExchange.h"
#include "Realtime/SampleFifo.h"
#include "Realtime/LinearSmoother.h"
#include "RenderPlan.h"
#include "Transport.h"

#include <atomic>
#include <vector>

namespace crest
{
class Engine
{
public:
    explicit Engine (DiskStreamer& streamer, int maxBlockFrames = 2048);

    PlanExchange<RenderPlan>& plans() noexcept { return exchange; }
    Transport& transport() noexcept { return transportState; }
    const Transport& transport() const noexcept { return transportState; }

    void process (float* const* output, int numOutputChannels, int numFrames) noexcept;

    // Audio written to the output is also pushed here, interleaved stereo
    // (the mix itself: before the monitor controls below).
    void setCaptureTap (SampleFifo* fifo) noexcept { captureTap.store (fifo); }

    // The monitor path: what the engineer hears, never what is rendered.
    // Dim drops the output 20 dB; mono folds it to (L + R) / 2. Both glide
    // over 20 ms. Any thread.
    static constexpr float dimDb = -20.0f;
    void setMonitorDim (bool on) noexcept { monitorDim.store (on, std::memory_order_relaxed); }
    void setMonitorMono (bool on) noexcept { monitorMono.store (on, std::memory_order_relaxed); }
    bool monitorDimmed() const noexcept { return monitorDim.load (std::memory_order_relaxed); }
    bool monitorMonoed() const noexcept { return monitorMono.load (std::memory_order_relaxed); }

    uint64_t underrunFrames() const noexcept { return underruns.load (std::memory_order_relaxed); }

private:
    void renderBlock (RenderPlan& plan, int64_t position, int numFrames, float* left, float* right) noexcept;
    void renderTrack (const PlanTrack& track, int64_t position, int numFrames) noexcept;

    DiskStreamer& streamer;
    int maxBlock;
    PlanExchange<RenderPlan> exchange;
    Transport transportState;
    std::atomic<SampleFifo*> captureTap { nullptr };
    std::atomic<bool> monitorDim { false }, monitorMono { false };
    LinearSmoother monitorGain, monoAmount;   // audio thread
    std::atomic<uint64_t> underruns { 0 };

    // Scratch, allocated once: a track's input, one clip's audio, the
    // track's stereo output, the mix, the interleaved tap block, and the
    // monitor path's copy of the mix.
    std::vector<float> trackInput, clipAudio, trackOutput, mix, interleaved, monitored;
};
} // namespace crest
