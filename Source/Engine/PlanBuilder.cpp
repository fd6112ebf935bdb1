#include "PlanBuilder.h"

#include "Core/CrestError.h"
#include "Core/Units.h"
#include "MasterModuleFactory.h"
#include "MonitorPath.h"
#include "Session/RoutingGraph.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace crest
{
PlanBuilder::PlanBuilder (MediaPool& pool, Options builderOptions) : media (pool), options (std::move (builderOptions)) {}

std::shared_ptr<ChannelRuntime> PlanBuilder::runtimeForChannel (const ChannelDocument& channel, int channels, double sampleRate,
                                                                double tempoBpm)
{
    auto& runtime = runtimes[channel.id];
    if (runtime == nullptr || runtime->channels() != channels)
    {
        ProcessorChain inserts;
        if (options.makeInserts)
            options.makeInserts (channel, inserts);
        runtime = std::make_shared<ChannelRuntime> (channels, sampleRate, options.maxBlockFrames, std::move (inserts));
    }
    auto& c = runtime->controls;
    c.trimDb = (float) channel.trimDb;
    c.faderDb = (float) channel.faderDb;
    c.pan = (float) channel.pan;
    c.mute = channel.mute;
    c.solo = channel.solo;
    runtime->strip.applyAll (channel.strip);
    runtime->strip.setTempo (tempoBpm);
    return runtime;
}

std::shared_ptr<ClipStream> PlanBuilder::streamForClip (const ClipDocument& clip, const MediaSource& source)
{
    // The stream covers only the part of the clip its media really has, so
    // an absurd length in a hand-edited session costs nothing.
    const int64_t available = std::clamp<int64_t> (source.info.frames - clip.sourceOffsetSamples, 0, clip.lengthSamples);
    if (available == 0)
        return nullptr;
    const auto key = source.identity + "|" + std::to_string (clip.sourceOffsetSamples) + "|" + std::to_string (available) + "|"
                     + std::to_string (clip.startSample);
    auto& stream = streams[key];
    if (stream == nullptr)
        stream = std::make_shared<ClipStream> (source.playable, source.info.channels, clip.sourceOffsetSamples, available);
    return stream;
}

void PlanBuilder::addClips (const TrackDocument& track, double sampleRate, PlanNode& node, RenderPlan& plan)
{
    for (const auto& clip : track.clips)
    {
        plan.lengthSamples = std::max (plan.lengthSamples, clip.startSample + clip.lengthSamples);
        const auto& source = media.resolve (clip.file, sampleRate, options.progress);
        if (! source.online)
        {
            // The clip keeps its place and length and plays silence.
            const auto line = source.problem + " (clip is offline)";
            if (std::find (lastProblems.begin(), lastProblems.end(), line) == lastProblems.end())
            {
                lastProblems.push_back (line);
                lastOffline.push_back (clip.file);
            }
            continue;
        }
        if (! source.warning.empty() && std::find (lastWarnings.begin(), lastWarnings.end(), source.warning) == lastWarnings.end())
            lastWarnings.push_back (source.warning);
        if (source.info.channels > 2)
        {
            const auto line = source.original.string() + ": has " + std::to_string (source.info.channels)
                              + " channels; the track plays only the first two";
            if (std::find (lastWarnings.begin(), lastWarnings.end(), line) == lastWarnings.end())
                lastWarnings.push_back (line);
        }
        PlanClip planClip;
        planClip.stream = streamForClip (clip, source);
        if (planClip.stream == nullptr)
            continue;   // the clip lies entirely past the end of its media
        planClip.start = clip.startSample;
        planClip.length = clip.lengthSamples;
        planClip.gain = (float) dbToGain (clip.gainDb);
        planClip.fadeIn = clip.fadeInSamples;
        planClip.fadeOut = clip.fadeOutSamples;
        node.clips.push_back (planClip);
        lastPlacements.push_back ({ planClip.stream, planClip.start });
    }
    std::sort (node.clips.begin(), node.clips.end(), [] (auto& a, auto& b) { return a.start < b.start; });
}

void PlanBuilder::addReferences (const SessionDocument& session, RenderPlan& plan)
{
    std::vector<const ReferenceDocument*> order;
    for (const auto& ref : session.references)
        if (ref.id == heardFirst)
            order.insert (order.begin(), &ref);
        else
            order.push_back (&ref);
    if ((int) order.size() > MonitorPath::maxReferences)
        order.resize ((size_t) MonitorPath::maxReferences);
    for (const auto* each : order)
    {
        const auto& ref = *each;
        PlanReference r;
        r.id = ref.id;
        r.trim = (float) dbToGain (ref.trimDb);
        r.timelineStart = ref.timelineOf (0) + plan.latencySamples;
        const auto& source = media.resolve (ref.file, session.sampleRate, options.progress);
        if (source.online)
        {
            // Keyed by the reference's own place, so a change in the chain's
            // latency moves it without a new (empty) stream.
            ClipDocument whole;
            whole.startSample = ref.timelineOf (0);
            whole.lengthSamples = source.info.frames;
            r.stream = streamForClip (whole, source);
            if (r.stream != nullptr)
                lastPlacements.push_back ({ r.stream, r.timelineStart });
        }
        else
        {
            const auto line = source.problem + " (reference is offline)";
            if (std::find (lastProblems.begin(), lastProblems.end(), line) == lastProblems.end())
            {
                lastProblems.push_back (line);
                lastOffline.push_back (ref.file);
            }
        }
        plan.references.push_back (r);
    }
}

std::shared_ptr<DelayLine> PlanBuilder::delayFor (const std::string& edge, int channels, int samples)
{
    if (samples == 0)
        return nullptr;
    // The same edge with the same delay keeps its line, and what is in it.
    const auto key = edge + "/" + std::to_string (channels);
    auto existing = delays.find (key);
    auto line = existing != delays.end() && existing->second->delaySamples() == samples ? existing->second
                                                                                        : std::make_shared<DelayLine> (channels, samples);
    keptDelays[key] = line;
    return line;
}

std::shared_ptr<const AutomationCurve> PlanBuilder::curveFor (const AutomationLane& lane)
{
    const auto target = automationTarget (lane.parameter);
    if (! target || lane.mode == AutomationMode::off || lane.points.empty())
        return nullptr;
    std::vector<AutomationPointValue> points;
    for (const auto& p : lane.points)
        points.push_back ({ p.time, p.value, p.curve });
    return std::make_shared<const AutomationCurve> (points, *target);
}

void PlanBuilder::addLanes (const ChannelDocument& channel, const std::string& who, PlanNode& node, RenderPlan& plan)
{
    for (const auto& lane : channel.automation)
    {
        const auto target = automationTarget (lane.parameter);
        if (! target)
            throw CrestError (who + " has automation for \"" + lane.parameter + "\", which is not a parameter Crest can automate");
        auto curve = curveFor (lane);
        if (curve == nullptr)
            continue;
        switch (target->kind)
        {
            case AutomationTarget::Kind::trim: node.trimLane = curve; break;
            case AutomationTarget::Kind::fader: node.faderLane = curve; break;
            case AutomationTarget::Kind::pan: node.panLane = curve; break;
            case AutomationTarget::Kind::sendLevel:
            case AutomationTarget::Kind::sendPan: break;   // with the send's edge
            case AutomationTarget::Kind::strip:
            {
                const auto* parameter = findStripParameter (target->stripKey);
                if (parameter->module == StripModule::chorus || parameter->module == StripModule::delay || parameter->module == StripModule::reverb)
                    node.runtime->strip.ensureSpaceModule (parameter->module);
                node.stripLanes.push_back ({ parameter, std::move (curve) });
                plan.automationGrid = automationGridSamples;
                break;
            }
        }
    }
}

std::unique_ptr<RenderPlan> PlanBuilder::build (const SessionDocument& session)
{
    if (const auto problem = routingProblem (session); ! problem.empty())
        throw CrestError (problem);
    if (session.sampleRate != preparedRate)
    {
        // Every runtime was prepared for the old rate.
        runtimes.clear();
        sends.clear();
        streams.clear();
        delays.clear();
        mixBusRuntime.reset();
        masterSlots.clear();
        masterRuntime.reset();
        preparedRate = session.sampleRate;
    }
    if (mixBusRuntime == nullptr)
        mixBusRuntime = std::make_shared<BusRuntime> (session.sampleRate, options.maxBlockFrames, ProcessorChain {});
    mixBusRuntime->faderDb = (float) session.mixBusFaderDb;
    mixBusRuntime->strip.applyAll (session.mixBusStrip);
    mixBusRuntime->strip.setTempo (session.tempoBpm);

    auto plan = std::make_unique<RenderPlan>();
    plan->sampleRate = session.sampleRate;
    plan->panLaw = session.panLaw;
    plan->maxBlockFrames = options.maxBlockFrames;
    plan->mixBus = mixBusRuntime;
    plan->master = masterFor (session.masterChain, session.sampleRate);
    for (const auto& lane : session.mixBusAutomation)
    {
        const auto target = automationTarget (lane.parameter);
        auto curve = curveFor (lane);
        if (! target || curve == nullptr)
            continue;
        if (target->kind == AutomationTarget::Kind::fader)
            plan->mixBusFaderLane = curve;
        else if (target->kind == AutomationTarget::Kind::strip)
        {
            const auto* parameter = findStripParameter (target->stripKey);
            if (parameter->module == StripModule::chorus || parameter->module == StripModule::delay || parameter->module == StripModule::reverb)
                mixBusRuntime->strip.ensureSpaceModule (parameter->module);
            plan->mixBusStripLanes.push_back ({ parameter, std::move (curve) });
            plan->automationGrid = automationGridSamples;
        }
    }
    lastPlacements.clear();
    lastProblems.clear();
    lastWarnings.clear();
    lastOffline.clear();
    keptDelays.clear();

    // Nodes, in an order where each comes after everything it hears.
    const auto order = processingOrder (session);
    std::map<std::string, int> indexOf;
    std::set<std::string> liveChannels, liveSends;
    channelNames.clear();
    for (const auto& ref : order)
    {
        const auto& channel = channelOf (session, ref);
        PlanNode node;
        node.id = channel.id;
        node.isBus = ref.isBus;
        const int channels = ref.isBus ? 2 : session.tracks[ref.index].channels;
        node.runtime = runtimeForChannel (channel, channels, session.sampleRate, session.tempoBpm);
        node.runtime->controls.soloSafe = ref.isBus && session.buses[ref.index].soloSafe;
        if (! ref.isBus)
            addClips (session.tracks[ref.index], session.sampleRate, node, *plan);
        addLanes (channel, describeChannel (session, ref), node, *plan);
        indexOf[channel.id] = (int) plan->nodes.size();
        liveChannels.insert (channel.id);
        channelNames[channel.id] = describeChannel (session, ref);
        plan->nodes.push_back (std::move (node));
    }

    // Edges. A bus sums its inputs in processing order of their senders,
    // each sender's output before its sends: a fixed order, whatever
    // thread runs what.
    std::vector<std::vector<int>> dependents (plan->nodes.size());
    for (size_t n = 0; n < order.size(); ++n)
    {
        const auto& channel = channelOf (session, order[n]);
        const PlanInput direct { (int) n, nullptr, nullptr };
        if (channel.output.empty())
            plan->mixInputs.push_back (direct);
        else
        {
            const int target = indexOf.at (channel.output);
            plan->nodes[(size_t) target].inputs.push_back (direct);
            dependents[n].push_back (target);
        }
        for (const auto& send : channel.sends)
        {
            const auto id = channel.id + ">" + send.bus;
            auto& runtime = sends[id];
            if (runtime == nullptr)
            {
                runtime = std::make_shared<SendRuntime>();
                // 20 ms, as for faders.
                const int ramp = std::max (1, (int) std::lround (session.sampleRate * 0.02));
                runtime->gainLeft.setRampLength (ramp);
                runtime->gainRight.setRampLength (ramp);
            }
            runtime->levelDb = (float) send.levelDb;
            runtime->pan = (float) send.pan;
            runtime->preFader = send.preFader;
            liveSends.insert (id);
            const int target = indexOf.at (send.bus);
            PlanInput input { (int) n, runtime, nullptr, nullptr, nullptr };
            for (const auto& lane : channel.automation)
                if (const auto curve = curveFor (lane); curve && lane.parameter == "send." + send.bus + ".levelDb")
                    input.levelLane = curve;
                else if (curve && lane.parameter == "send." + send.bus + ".pan")
                    input.panLane = curve;
            plan->nodes[(size_t) target].inputs.push_back (std::move (input));
            if (std::find (dependents[n].begin(), dependents[n].end(), target) == dependents[n].end())
                dependents[n].push_back (target);
        }
        if (! channel.sidechain.empty())
        {
            const int key = indexOf.at (channel.sidechain);
            plan->nodes[n].key = key;
            if (std::find (dependents[(size_t) key].begin(), dependents[(size_t) key].end(), (int) n) == dependents[(size_t) key].end())
                dependents[(size_t) key].push_back ((int) n);
        }
    }

    // Latency: a node's input waits for the latest thing it hears (its
    // inputs and its key), every earlier one is delayed to meet it, and
    // its output is later by its own inserts. The mix bus does the same.
    std::vector<int> inputLatency (plan->nodes.size(), 0), outputLatency (plan->nodes.size(), 0);
    for (size_t n = 0; n < plan->nodes.size(); ++n)
    {
        auto& node = plan->nodes[n];
        int latest = 0;
        for (const auto& input : node.inputs)
            latest = std::max (latest, outputLatency[(size_t) input.source]);
        if (node.key >= 0)
            latest = std::max (latest, outputLatency[(size_t) node.key]);
        inputLatency[n] = latest;
        outputLatency[n] = latest + node.runtime->latencySamples();
        node.outputLatency = outputLatency[n];
        for (auto& input : node.inputs)
            input.compensation = delayFor ((input.send ? "send:" : "out:") + plan->nodes[(size_t) input.source].id + ">" + node.id, 2,
                                           latest - outputLatency[(size_t) input.source]);
        if (node.key >= 0)
        {
            const auto& keyNode = plan->nodes[(size_t) node.key];
            const int keyChannels = keyNode.runtime->channels();
            node.keyCompensation = delayFor ("key:" + keyNode.id + ">" + node.id, keyChannels, latest - outputLatency[(size_t) node.key]);
            node.keyScratch.assign ((size_t) (keyChannels * options.maxBlockFrames), 0.0f);
        }
        if (! node.isBus)
            node.inputCompensation = delayFor ("in:" + node.id, node.runtime->channels(), latest);
    }
    int mixLatency = 0;
    for (const auto& input : plan->mixInputs)
        mixLatency = std::max (mixLatency, outputLatency[(size_t) input.source]);
    for (auto& input : plan->mixInputs)
        input.compensation = delayFor ("out:" + plan->nodes[(size_t) input.source].id + ">mix", 2,
                                       mixLatency - outputLatency[(size_t) input.source]);
    plan->latencySamples = mixLatency + mixBusRuntime->latencySamples() + masterRuntime->latencySamples();
    lastLatency = plan->latencySamples;
    delays = keptDelays;
    if (options.withReferences)
        addReferences (session, *plan);

    // Solo: a node is heard while it, anything upstream of it, or any bus
    // its output reaches is soloed.
    for (size_t n = 0; n < plan->nodes.size(); ++n)
    {
        std::set<int> relatives { (int) n };
        std::vector<int> upstream { (int) n };
        while (! upstream.empty())
        {
            const int at = upstream.back();
            upstream.pop_back();
            for (const auto& input : plan->nodes[(size_t) at].inputs)
                if (relatives.insert (input.source).second)
                    upstream.push_back (input.source);
        }
        for (auto ref = order[n]; ! channelOf (session, ref).output.empty();)
        {
            const int target = indexOf.at (channelOf (session, ref).output);
            relatives.insert (target);
            ref = order[(size_t) target];
        }
        plan->nodes[n].soloRelatives.assign (relatives.begin(), relatives.end());
    }
    plan->schedule = std::make_unique<GraphSchedule> (std::move (dependents));

    std::erase_if (runtimes, [&] (const auto& entry) { return ! liveChannels.contains (entry.first); });
    std::erase_if (sends, [&] (const auto& entry) { return ! liveSends.contains (entry.first); });
    std::set<std::string> liveStreams;
    for (const auto& p : lastPlacements)
        for (const auto& [key, stream] : streams)
            if (stream == p.stream)
                liveStreams.insert (key);
    std::erase_if (streams, [&] (const auto& entry) { return ! liveStreams.contains (entry.first); });
    return plan;
}

std::shared_ptr<MasterModuleSlot> PlanBuilder::masterModule (const std::string& moduleId) const
{
    const auto found = masterSlots.find (moduleId);
    return found == masterSlots.end() ? nullptr : found->second;
}

std::shared_ptr<MasterRuntime> PlanBuilder::masterFor (const MasterChainDocument& chain, double sampleRate)
{
    std::vector<MasterSlotRef> refs;
    std::set<std::string> live;
    for (const auto& module : chain.modules)
    {
        auto& slot = masterSlots[module.id];
        if (slot == nullptr || slot->kind() != module.kind)
            slot = makeMasterSlot (module, sampleRate, options.maxBlockFrames, options.makeMasterModule ? options.makeMasterModule (module) : nullptr);
        else
            applyMasterValues (*slot, module);
        refs.push_back ({ module.id, slot });
        live.insert (module.id);
    }
    std::erase_if (masterSlots, [&] (const auto& entry) { return ! live.contains (entry.first); });

    // The same modules in the same order: the running master stays, and
    // with it the mix it holds back for the monitor.
    const bool unchanged = masterRuntime != nullptr && masterRuntime->slots().size() == refs.size()
                           && std::equal (refs.begin(), refs.end(), masterRuntime->slots().begin(),
                                          [] (const auto& a, const auto& b) { return a.id == b.id && a.slot == b.slot; });
    if (! unchanged)
        masterRuntime = std::make_shared<MasterRuntime> (std::move (refs), options.maxBlockFrames);
    return masterRuntime;
}

std::vector<StreamPlacement> PlanBuilder::placements() const
{
    return lastPlacements;
}

std::vector<std::string> PlanBuilder::nonFiniteReports() const
{
    std::vector<std::string> reports;
    auto report = [&] (const std::string& node, uint64_t blocks) {
        if (blocks > 0)
            reports.push_back (node + " produced non-finite audio (NaN or Inf) in " + std::to_string (blocks) + " block"
                               + (blocks == 1 ? "" : "s") + "; muted there, so it never reached the output");
    };
    for (const auto& [id, runtime] : runtimes)
    {
        const auto name = channelNames.find (id);
        report (name != channelNames.end() ? name->second : id, runtime->nonFiniteBlocks.load());
    }
    if (mixBusRuntime != nullptr)
        report ("the mix bus", mixBusRuntime->nonFiniteBlocks.load());
    if (masterRuntime != nullptr)
        report ("the master", masterRuntime->nonFiniteBlocks.load());
    return reports;
}

std::shared_ptr<ChannelRuntime> PlanBuilder::runtimeFor (const std::string& channelId) const
{
    auto found = runtimes.find (channelId);
    return found == runtimes.end() ? nullptr : found->second;
}

std::shared_ptr<SendRuntime> PlanBuilder::sendFor (const std::string& channelId, const std::string& busId) const
{
    auto found = sends.find (channelId + ">" + busId);
    return found == sends.end() ? nullptr : found->second;
}
} // namespace crest
