// The immutable result of compiling a session: what the audio thread
// renders. Built on the message thread by PlanBuilder, handed over through
// PlanExchange, freed on the message thread. Nothing in it is modified
// while the audio thread holds it except the runtimes' own audio state,
// the edges' delay lines and the schedule's per-block counters.
#pragma once

#include "AudioWorkerPool.h"
#include "ChannelRuntime.h"
#include "ClipStream.h"
#include "Core/Automation.h"
#include "Core/StripParameters.h"
#include "Core/PanLaw.h"
#include "MasterRuntime.h"
#include "SendRuntime.h"

#include <memory>
#include <vector>

namespace crest
{
struct PlanClip
{
    std::shared_ptr<ClipStream> stream;
    int64_t start = 0;          // timeline, session samples
    int64_t length = 0;
    float gain = 1.0f;
    int64_t fadeIn = 0, fadeOut = 0;
};

// One signal a bus sums: a node's output, or one of its sends. Each edge
// carries the delay that aligns it with the bus's other inputs.
struct PlanInput
{
    int source = -1;                              // node index
    std::shared_ptr<SendRuntime> send;            // null: the source's output
    std::shared_ptr<DelayLine> compensation;      // null when none is needed
    std::shared_ptr<const AutomationCurve> levelLane, panLane;   // a send's automation (gain, pan)
};

// A strip parameter that follows a lane, set on the automation grid.
struct PlanStripLane
{
    const StripParameter* parameter = nullptr;
    std::shared_ptr<const AutomationCurve> curve;
};

struct PlanNode
{
    std::string id;
    std::shared_ptr<ChannelRuntime> runtime;
    std::vector<PlanClip> clips;                  // tracks: sorted by start
    std::vector<PlanInput> inputs;                // buses: summed in this fixed order
    std::shared_ptr<DelayLine> inputCompensation; // a track waiting for a latent key
    int key = -1;                                 // the node whose pre-fader signal keys the compressor
    std::shared_ptr<DelayLine> keyCompensation;
    std::vector<float> keyScratch;                // the key after its delay: channels x max block
    // Solo: the node stays audible while any of these is soloed (itself,
    // what feeds it, what it feeds on its way to the mix bus).
    std::vector<int> soloRelatives;
    bool isBus = false;
    int outputLatency = 0;                        // samples from the timeline to this node's output
    // Lanes evaluated sample by sample (levels as gains) and on the grid.
    std::shared_ptr<const AutomationCurve> trimLane, faderLane, panLane;
    std::vector<PlanStripLane> stripLanes;
};

// A reference track, streamed like a clip and heard only through the
// monitor path. timelineStart includes the plan's latency: what is read
// at the playhead sounds with the master the output plays at that moment.
struct PlanReference
{
    std::string id;
    std::shared_ptr<ClipStream> stream;   // null: offline
    int64_t timelineStart = 0;
    float trim = 1.0f;
};

struct RenderPlan
{
    double sampleRate = 48000.0;
    PanLaw panLaw = defaultPanLaw;
    int maxBlockFrames = 0;                       // what every runtime was prepared for
    std::vector<PlanNode> nodes;                  // in processing order
    std::vector<PlanInput> mixInputs;             // what the mix bus sums, in a fixed order
    std::unique_ptr<GraphSchedule> schedule;
    std::shared_ptr<BusRuntime> mixBus;
    std::shared_ptr<const AutomationCurve> mixBusFaderLane;   // gain per sample
    std::vector<PlanStripLane> mixBusStripLanes;
    std::shared_ptr<MasterRuntime> master;
    int64_t lengthSamples = 0;     // end of the last clip
    int latencySamples = 0;        // from input to output, after compensation
    std::vector<PlanReference> references;   // live playback only; at most MonitorPath::maxReferences
    // Strip lanes change their parameters every this many samples of the
    // timeline (0: none in the plan); blocks are split on this grid so a
    // render does not depend on the caller's block size.
    int automationGrid = 0;
};

// Levels, trim and pan follow their lanes sample by sample; strip
// parameters step on a fixed grid and each module smooths its own steps.
inline constexpr int automationGridSamples = 64;
} // namespace crest
