// The one engine: renders the current RenderPlan into stereo output. Live
// playback calls process() from the device callback; the offline renderer
// and the tests call the very same function in a loop.
//
// process() is the audio thread's only entry point: it takes a new plan if
// one was published, honours seek requests, runs the plan's graph of
// tracks and buses on the worker pool (tracks pull clip audio from the
// disk streams; buses sum their inputs and sends), then the mix bus and
// the master, feeds the meters and an optional capture tap, and advances
// the streamer's epoch. It never allocates, locks, waits or touches a
// file. Output depends only on the plan and the playhead, never on how
// the caller slices blocks or how many threads share the graph.
#pragma once

#include "AudioWorkerPool.h"
#include "DiskStreamer.h"
#include "MonitorPath.h"
#include "Realtime/PlanExchange.h"
#include "Realtime/SampleFifo.h"
#include "Realtime/LinearSmoother.h"
#include "RenderPlan.h"
#include "Transport.h"

#include <atomic>
#include <functional>
#include <vector>

namespace crest
{
struct EngineOptions
{
    int maxBlockFrames = 2048;
    // Threads that process a block's graph, the audio thread included:
    // by default one per core.
    int threads = defaultThreads();
    std::function<void()> workerStarted;   // runs first on each worker thread

    static int defaultThreads() noexcept;
};

class Engine : private GraphWork
{
public:
    explicit Engine (DiskStreamer& streamer, EngineOptions options = {});
    ~Engine() override;

    PlanExchange<RenderPlan>& plans() noexcept { return exchange; }
    Transport& transport() noexcept { return transportState; }
    const Transport& transport() const noexcept { return transportState; }

    void process (float* const* output, int numOutputChannels, int numFrames) noexcept;

    // The master's output is also pushed here while playing, interleaved
    // stereo (what is rendered: before the monitor path below).
    void setCaptureTap (SampleFifo* fifo) noexcept { captureTap.store (fifo); }
    // For the live meters, while playing: four interleaved channels per
    // frame, the mix bus (delayed by the master chain's latency) left and
    // right, then the master left and right.
    static constexpr int meterTapChannels = 4;
    void setMeterTap (SampleFifo* fifo) noexcept { meterTap.store (fifo); }

    // What the engineer hears: Mix / Master / Difference, the loudness
    // match, dim and mono. Its setters work from any thread.
    MonitorPath& monitor() noexcept { return monitorPath; }

    uint64_t underrunFrames() const noexcept { return underruns.load (std::memory_order_relaxed); }
    // Blocks in which some clip audio was not loaded in time (heard as a dropout).
    uint64_t underrunBlocks() const noexcept { return underrunBlockCount.load (std::memory_order_relaxed); }
    int threads() const noexcept { return pool.threads(); }

private:
    void renderBlock (RenderPlan& plan, int64_t position, int numFrames, float* left, float* right) noexcept;
    void processNode (int node, int thread) noexcept override;
    void readClips (PlanNode& node, float* const* input, int thread) noexcept;
    // A reference's audio for the block at `position` (stereo, trimmed).
    void readReference (const PlanReference& reference, int64_t position, int numFrames, float* const* dest) noexcept;
    void sumInputs (const std::vector<PlanInput>& inputs, float* const* sum, int thread) noexcept;

    DiskStreamer& streamer;
    int maxBlock;
    AudioWorkerPool pool;
    // The block the graph is working on, for processNode (set before the
    // pool runs, read by its threads).
    RenderPlan* currentPlan = nullptr;
    int64_t blockPosition = 0;
    int blockFrames = 0;
    bool anySolo = false;
    PlanExchange<RenderPlan> exchange;
    Transport transportState;
    std::atomic<SampleFifo*> captureTap { nullptr }, meterTap { nullptr };
    MonitorPath monitorPath;
    std::atomic<uint64_t> underruns { 0 }, underrunBlockCount { 0 };

    // Scratch, allocated once: per graph thread, one clip's audio and one
    // edge's delayed copy; then the master's output, the interleaved tap
    // blocks, the mix aligned with the master and what the monitor path
    // makes of them.
    enum ScratchRegion
    {
        clipRegion = 0,       // two channels
        edgeRegion = 2,       // two channels
        trimRegion = 4,
        faderRegion,
        panRegion,
        sendLevelRegion,
        sendPanRegion,
        scratchRegions
    };
    std::vector<std::vector<float>> threadScratch;
    std::vector<float> mix, interleaved, meterFrames, alignedMix, monitored;
    std::vector<float> referenceAudio;   // maxReferences stereo blocks
};
} // namespace crest
