// Compiles a session into a RenderPlan: resolves media (offline files
// become silent clips), creates or reuses each track's and bus's runtime,
// each send's and each clip's stream, sorts the routing graph, and
// computes latency compensation on every edge: outputs, sends and keys.
// One builder serves live playback and offline render (Tracktion's
// EditNodeBuilder idea). Message thread.
#pragma once

#include "DiskStreamer.h"
#include "IO/MediaPool.h"
#include "MasterRuntime.h"
#include "RenderPlan.h"
#include "Session/SessionDocument.h"

#include <functional>
#include <map>
#include <string>

namespace crest
{
class PlanBuilder
{
public:
    struct Options
    {
        int maxBlockFrames = 4096;
        // Fills a track's or bus's insert chain when its runtime is created.
        std::function<void (const ChannelDocument&, ProcessorChain&)> makeInserts;
        // Makes a master module's processor in place of the usual one for
        // its kind (tests put a processor that misbehaves there); null
        // from it, or no function, means the usual one.
        std::function<std::unique_ptr<Processor> (const MasterModuleDocument&)> makeMasterModule;
        MediaPool::Progress progress;
        // Live playback streams the session's reference tracks for the
        // monitor path; a render never plays them, so never reads them.
        bool withReferences = false;
    };

    PlanBuilder (MediaPool& media, Options options);

    // Throws CrestError when the routing names a missing bus or loops
    // (RoutingGraph's message); the model and the reader never let one in.
    std::unique_ptr<RenderPlan> build (const SessionDocument& session);

    // What the last build found: offline media, one line per file.
    const std::vector<std::string>& problems() const noexcept { return lastProblems; }
    // The offline media files themselves, one per file.
    const std::vector<std::string>& offlineFiles() const noexcept { return lastOffline; }
    // What plays but not as the file holds it (channels dropped), one line each.
    const std::vector<std::string>& warnings() const noexcept { return lastWarnings; }
    std::vector<StreamPlacement> placements() const;
    // The last plan's latency from the timeline to the output, in samples
    // (what a live output lags the transport by; renders take it off).
    int latencySamples() const noexcept { return lastLatency; }

    // Nodes that produced NaN or Inf (muted for those blocks), one line
    // each, for a render's report and the app's status line.
    std::vector<std::string> nonFiniteReports() const;

    // A track's or bus's runtime by id, a send's by sender and bus.
    std::shared_ptr<ChannelRuntime> runtimeFor (const std::string& channelId) const;
    std::shared_ptr<SendRuntime> sendFor (const std::string& channelId, const std::string& busId) const;
    std::shared_ptr<BusRuntime> mixBus() const noexcept { return mixBusRuntime; }
    std::shared_ptr<MasterRuntime> master() const noexcept { return masterRuntime; }
    // A master module's running slot by its id, or null.
    std::shared_ptr<MasterModuleSlot> masterModule (const std::string& moduleId) const;

    // Live playback streams at most MonitorPath::maxReferences references
    // at once: the one the monitor plays goes in first, then the others in
    // the session's order, so any number can be heard, each when chosen.
    void hearReferenceFirst (const std::string& referenceId) { heardFirst = referenceId; }

private:
    std::shared_ptr<ChannelRuntime> runtimeForChannel (const ChannelDocument& channel, int channels, double sampleRate, double tempoBpm);
    std::shared_ptr<ClipStream> streamForClip (const ClipDocument& clip, const MediaSource& media);
    void addClips (const TrackDocument& track, double sampleRate, PlanNode& node, RenderPlan& plan);
    std::shared_ptr<DelayLine> delayFor (const std::string& edge, int channels, int samples);
    static std::shared_ptr<const AutomationCurve> curveFor (const AutomationLane& lane);   // null: nothing to play
    void addLanes (const ChannelDocument& channel, const std::string& who, PlanNode& node, RenderPlan& plan);
    std::shared_ptr<MasterRuntime> masterFor (const MasterChainDocument& chain, double sampleRate);
    void addReferences (const SessionDocument& session, RenderPlan& plan);

    MediaPool& media;
    Options options;
    double preparedRate = 0.0;
    std::map<std::string, std::shared_ptr<ChannelRuntime>> runtimes;
    std::map<std::string, std::shared_ptr<SendRuntime>> sends;   // "sender>bus"
    std::map<std::string, std::string> channelNames;   // id -> how messages name it
    std::map<std::string, std::shared_ptr<ClipStream>> streams;
    std::map<std::string, std::shared_ptr<DelayLine>> delays, keptDelays;
    std::shared_ptr<BusRuntime> mixBusRuntime;
    std::map<std::string, std::shared_ptr<MasterModuleSlot>> masterSlots;   // by module id
    std::shared_ptr<MasterRuntime> masterRuntime;
    std::vector<StreamPlacement> lastPlacements;
    std::vector<std::string> lastProblems, lastOffline, lastWarnings;
    std::string heardFirst;
    int lastLatency = 0;
};
} // namespace crest
