#include "PlanBuilder.h"

#include "Core/Units.h"

#include <algorithm>
#include <set>

namespace crest
{
PlanBuilder::PlanBuilder (MediaPool& pool, Options builderOptions) : media (pool), options (std::move (builderOptions)) {}

std::shared_ptr<TrackRuntime> PlanBuilder::runtimeForTrack (const TrackDocument& track, double sampleRate)
{
    auto& runtime = runtimes[track.id];
    if (runtime == nullptr || runtime->channels() != track.channels)
    {
        ProcessorChain inserts;
        if (options.makeInserts)
            options.makeInserts (track, inserts);
        runtime = std::make_shared<TrackRuntime> (track.channels, sampleRate, options.maxBlockFrames, std::move (inserts));
    }
    runtime->controls.trimDb = (float) track.trimDb;
    runtime->controls.faderDb = (float) track.faderDb;
    runtime->controls.pan = (float) track.pan;
    runtime->controls.mute = track.mute;
    runtime->controls.solo = track.solo;
    runtime->strip.applyAll (track.strip);
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

std::unique_ptr<RenderPlan> PlanBuilder::build (const SessionDocument& session)
{
    if (session.sampleRate != preparedRate)
    {
        // Every runtime was prepared for the old rate.
        runtimes.clear();
        streams.clear();
        delays.clear();
        mixBusRuntime.reset();
        masterRuntime.reset();
        preparedRate = session.sampleRate;
    }
    if (mixBusRuntime == nullptr)
        mixBusRuntime = std::make_shared<BusRuntime> (session.sampleRate, options.maxBlockFrames, ProcessorChain {});
    if (masterRuntime == nullptr)
    {
        ProcessorChain chain;
        if (options.makeMasterChain)
            options.makeMasterChain (chain);
        masterRuntime = std::make_shared<BusRuntime> (session.sampleRate, options.maxBlockFrames, std::move (chain));
    }
    mixBusRuntime->faderDb = (float) session.mixBusFaderDb;
    mixBusRuntime->strip.applyAll (session.mixBusStrip);

    auto plan = std::make_unique<RenderPlan>();
    plan->sampleRate = session.sampleRate;
    plan->panLaw = session.panLaw;
    plan->mixBus = mixBusRuntime;
    plan->master = masterRuntime;
    lastPlacements.clear();
    lastProblems.clear();
    lastWarnings.clear();
    lastOffline.clear();

    std::set<std::string> liveTracks, liveStreams;
    for (const auto& track : session.tracks)
    {
        PlanTrack planTrack;
        planTrack.runtime = runtimeForTrack (track, session.sampleRate);
        liveTracks.insert (track.id);
        trackNames[track.id] = track.name;
        for (const auto& clip : track.clips)
        {
            plan->lengthSamples = std::max (plan->lengthSamples, clip.startSample + clip.lengthSamples);
            const auto& source = media.resolve (clip.file, session.sampleRate, options.progress);
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
            if (! source.warning.empty()
                && std::find (lastWarnings.begin(), lastWarnings.end(), source.warning) == lastWarnings.end())
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
            planTrack.clips.push_back (planClip);
            lastPlacements.push_back ({ planClip.stream, planClip.start });
        }
        std::sort (planTrack.clips.begin(), planTrack.clips.end(), [] (auto& a, auto& b) { return a.start < b.start; });
        plan->tracks.push_back (std::move (planTrack));
    }

    // Latency compensation: delay every path to match the slowest one.
    int slowest = 0;
    for (const auto& t : plan->tracks)
        slowest = std::max (slowest, t.runtime->latencySamples());
    std::map<std::string, std::shared_ptr<DelayLine>> keptDelays;
    for (size_t i = 0; i < plan->tracks.size(); ++i)
    {
        auto& t = plan->tracks[i];
        const int needed = slowest - t.runtime->latencySamples();
        if (needed == 0)
            continue;
        const auto& id = session.tracks[i].id;
        auto existing = delays.find (id);
        t.compensation = existing != delays.end() && existing->second->delaySamples() == needed
                             ? existing->second
                             : std::make_shared<DelayLine> (2, needed);
        keptDelays[id] = t.compensation;
    }
    delays = std::move (keptDelays);
    plan->latencySamples = slowest + mixBusRuntime->latencySamples() + masterRuntime->latencySamples();

    std::erase_if (runtimes, [&] (const auto& entry) { return ! liveTracks.contains (entry.first); });
    std::erase_if (trackNames, [&] (const auto& entry) { return ! liveTracks.contains (entry.first); });
    for (const auto& p : lastPlacements)
        for (const auto& [key, stream] : streams)
            if (stream == p.stream)
                liveStreams.insert (key);
    std::erase_if (streams, [&] (const auto& entry) { return ! liveStreams.contains (entry.first); });
    return plan;
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
        const auto name = trackNames.find (id);
        report ("track '" + (name != trackNames.end() ? name->second : id) + "'", runtime->nonFiniteBlocks.load());
    }
    if (mixBusRuntime != nullptr)
        report ("the mix bus", mixBusRuntime->nonFiniteBlocks.load());
    if (masterRuntime != nullptr)
        report ("the master", masterRuntime->nonFiniteBlocks.load());
    return reports;
}

std::shared_ptr<TrackRuntime> PlanBuilder::runtimeFor (const std::string& trackId) const
{
    auto found = runtimes.find (trackId);
    return found == runtimes.end() ? nullptr : found->second;
}
} // namespace crest
