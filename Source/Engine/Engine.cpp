#include "Engine.h"

#include "Core/ParameterSpec.h"
#include "Core/Units.h"

#include <juce_audio_basics/juce_audio_basics.h>

#include <algorithm>
#include <cstring>
#include <thread>

namespace crest
{
int EngineOptions::defaultThreads() noexcept
{
    return std::max (1, (int) std::thread::hardware_concurrency());
}

Engine::Engine (DiskStreamer& diskStreamer, EngineOptions options)
    : streamer (diskStreamer),
      maxBlock (options.maxBlockFrames),
      pool (std::max (1, options.threads), std::move (options.workerStarted)),
      threadScratch ((size_t) std::max (1, options.threads), std::vector<float> ((size_t) options.maxBlockFrames * scratchRegions)),
      mix ((size_t) options.maxBlockFrames * 2),
      interleaved ((size_t) options.maxBlockFrames * 2),
      meterFrames ((size_t) options.maxBlockFrames * meterTapChannels),
      alignedMix ((size_t) options.maxBlockFrames * 2),
      monitored ((size_t) options.maxBlockFrames * 2),
      referenceAudio ((size_t) options.maxBlockFrames * 2 * MonitorPath::maxReferences)
{
}

Engine::~Engine() = default;

void Engine::process (float* const* output, int numOutputChannels, int numFrames) noexcept
{
    // Denormals cost nothing: flush-to-zero for this block, on whichever
    // thread runs it (device callback, renderer, test).
    const juce::ScopedNoDenormals noDenormals;
    // Odd while the block runs: the streamer frees no chunk this block may read.
    streamer.audioEpoch().fetch_add (1, std::memory_order_seq_cst);
    RenderPlan* plan = exchange.acquire();
    const auto underrunsBefore = underruns.load (std::memory_order_relaxed);

    const auto seek = transportState.seekRequest.exchange (-1, std::memory_order_acq_rel);
    if (seek >= 0)
        transportState.position.store (seek, std::memory_order_relaxed);

    const bool playing = transportState.playing.load (std::memory_order_acquire) && plan != nullptr;
    int64_t position = transportState.position.load (std::memory_order_relaxed);
    // A playhead before the loop's end wraps at it; one started after it plays on.
    const int64_t loopStart = transportState.loopStartIfLooping();
    const int64_t loopEnd = transportState.loopEnd.load (std::memory_order_acquire);

    // Runtimes were prepared for the plan's largest block.
    const int chunk = plan != nullptr ? std::min (maxBlock, plan->maxBlockFrames) : maxBlock;
    int done = 0;
    while (done < numFrames)
    {
        int n = std::min (chunk, numFrames - done);
        if (playing && plan->automationGrid > 0)
        {
            // Strip lanes step on the timeline's grid, whatever the caller's blocks.
            const int64_t intoCell = position % plan->automationGrid;
            n = std::min<int> (n, (int) (plan->automationGrid - intoCell));
        }
        const bool wraps = playing && loopStart >= 0 && position < loopEnd;
        if (wraps)
            n = std::min<int> (n, (int) (loopEnd - position));
        float* left = mix.data();
        float* right = mix.data() + maxBlock;
        const int64_t blockStart = position;
        if (playing)
        {
            renderBlock (*plan, position, n, left, right);
            position += n;
            if (wraps && position == loopEnd)
                position = loopStart;
        }
        else
        {
            std::fill (left, left + n, 0.0f);
            std::fill (right, right + n, 0.0f);
        }

        // The mix as it entered the master, aligned with the master's output.
        float* mixLeft = alignedMix.data();
        float* mixRight = alignedMix.data() + maxBlock;
        if (playing)
        {
            std::copy (plan->master->mixAligned (0), plan->master->mixAligned (0) + n, mixLeft);
            std::copy (plan->master->mixAligned (1), plan->master->mixAligned (1) + n, mixRight);
        }
        else
        {
            std::fill (mixLeft, mixLeft + n, 0.0f);
            std::fill (mixRight, mixRight + n, 0.0f);
        }

        // The monitor path, into its own buffer: the taps below keep the master.
        if (plan != nullptr)
            monitorPath.setSampleRate (plan->sampleRate);
        const float* heardLeft = left;
        const float* heardRight = right;
        const float* referenceChannels[MonitorPath::maxReferences][2] = {};
        const float* const* references[MonitorPath::maxReferences] = {};
        if (playing)
            for (int r = 0; r < (int) plan->references.size(); ++r)
                if (monitorPath.referenceNeeded (r))
                {
                    float* audio[2] = { referenceAudio.data() + (size_t) (2 * r) * (size_t) maxBlock,
                                        referenceAudio.data() + (size_t) (2 * r + 1) * (size_t) maxBlock };
                    readReference (plan->references[(size_t) r], blockStart, n, audio);
                    referenceChannels[r][0] = audio[0];
                    referenceChannels[r][1] = audio[1];
                    references[r] = referenceChannels[r];
                }
        if (! monitorPath.isTransparent())
        {
            const float* master[2] = { left, right };
            const float* mixed[2] = { mixLeft, mixRight };
            float* heard[2] = { monitored.data(), monitored.data() + maxBlock };
            monitorPath.process (master, mixed, references, heard, n);
            heardLeft = heard[0];
            heardRight = heard[1];
        }

        for (int ch = 0; ch < numOutputChannels; ++ch)
        {
            if (output[ch] == nullptr)
                continue;
            if (ch < 2 && numOutputChannels > 1)
                std::memcpy (output[ch] + done, ch == 0 ? heardLeft : heardRight, sizeof (float) * (size_t) n);
            else if (numOutputChannels == 1)
                for (int i = 0; i < n; ++i)
                    output[0][done + i] = 0.5f * (heardLeft[i] + heardRight[i]);
            else
                std::fill (output[ch] + done, output[ch] + done + n, 0.0f);
        }

        if (auto* tap = captureTap.load (std::memory_order_acquire); tap != nullptr && playing)
        {
            for (int i = 0; i < n; ++i)
            {
                interleaved[(size_t) (2 * i)] = left[i];
                interleaved[(size_t) (2 * i + 1)] = right[i];
            }
            tap->push (interleaved.data(), (size_t) n * 2);
        }
        if (auto* tap = meterTap.load (std::memory_order_acquire); tap != nullptr && playing)
        {
            for (int i = 0; i < n; ++i)
            {
                float* frame = meterFrames.data() + (size_t) (meterTapChannels * i);
                frame[0] = mixLeft[i];
                frame[1] = mixRight[i];
                frame[2] = left[i];
                frame[3] = right[i];
            }
            tap->push (meterFrames.data(), (size_t) n * meterTapChannels);
        }
        done += n;
    }

    if (playing)
        transportState.position.store (position, std::memory_order_release);
    if (underruns.load (std::memory_order_relaxed) != underrunsBefore)
        underrunBlockCount.fetch_add (1, std::memory_order_relaxed);
    streamer.audioEpoch().fetch_add (1, std::memory_order_seq_cst);   // even again: pairs with ClipStream::service
}

void Engine::readReference (const PlanReference& reference, int64_t position, int numFrames, float* const* dest) noexcept
{
    std::fill (dest[0], dest[0] + numFrames, 0.0f);
    std::fill (dest[1], dest[1] + numFrames, 0.0f);
    if (reference.stream == nullptr)
        return;
    // The part of the block the reference covers; before and after it, silence.
    const int64_t local = position - reference.timelineStart;
    const int64_t from = std::max<int64_t> (0, local), to = std::min<int64_t> (reference.stream->length(), local + numFrames);
    if (from >= to)
        return;
    float* part[2] = { dest[0] + (from - local), dest[1] + (from - local) };
    const int missing = reference.stream->read (from, (int) (to - from), part, 2);
    if (missing > 0)
        underruns.fetch_add ((uint64_t) missing, std::memory_order_relaxed);
    for (auto* channel : part)
        for (int i = 0; i < (int) (to - from); ++i)
            channel[i] *= reference.trim;
}

void Engine::readClips (PlanNode& node, float* const* input, int thread) noexcept
{
    const int channels = node.runtime->channels();
    const int numFrames = blockFrames;
    const int64_t position = blockPosition;
    auto& scratch = threadScratch[(size_t) thread];
    float* clip[2] = { scratch.data(), scratch.data() + maxBlock };
    for (int ch = 0; ch < channels; ++ch)
        std::fill (input[ch], input[ch] + numFrames, 0.0f);

    const int64_t blockEnd = position + numFrames;
    for (const auto& c : node.clips)
    {
        if (c.start >= blockEnd)
            break;
        const int64_t from = std::max (position, c.start);
        const int64_t to = std::min (blockEnd, c.start + c.length);
        if (from >= to)
            continue;
        const int64_t local = from - c.start;
        const int count = (int) (to - from);
        const int offset = (int) (from - position);
        const int missing = c.stream->read (local, count, clip, channels);
        if (missing > 0)
            underruns.fetch_add ((uint64_t) missing, std::memory_order_relaxed);

        const bool fading = local < c.fadeIn || local + count > c.length - c.fadeOut;
        for (int ch = 0; ch < channels; ++ch)
        {
            float* dest = input[ch] + offset;
            const float* src = clip[ch];
            if (! fading)
            {
                for (int i = 0; i < count; ++i)
                    dest[i] += src[i] * c.gain;
                continue;
            }
            for (int i = 0; i < count; ++i)
            {
                const int64_t k = local + i;
                float g = c.gain;
                if (k < c.fadeIn)
                    g *= (float) k / (float) c.fadeIn;
                if (k >= c.length - c.fadeOut)
                    g *= (float) (c.length - k) / (float) c.fadeOut;
                dest[i] += src[i] * g;
            }
        }
    }
    if (node.inputCompensation != nullptr)
        node.inputCompensation->process ({ input, channels, numFrames });
}

void Engine::sumInputs (const std::vector<PlanInput>& inputs, float* const* sum, int thread) noexcept
{
    const int numFrames = blockFrames;
    const auto& plan = *currentPlan;
    std::fill (sum[0], sum[0] + numFrames, 0.0f);
    std::fill (sum[1], sum[1] + numFrames, 0.0f);
    auto& scratch = threadScratch[(size_t) thread];
    float* edge[2] = { scratch.data() + edgeRegion * maxBlock, scratch.data() + (edgeRegion + 1) * maxBlock };

    for (const auto& input : inputs)
    {
        const auto& source = *plan.nodes[(size_t) input.source].runtime;
        const float* signal[2] = { source.output()[0], source.output()[1] };
        if (input.send != nullptr)
        {
            // A send: the source before its fader (pre) or with the
            // fader's gain sample by sample (post), at the send's own
            // level and pan; muted with its source.
            auto& send = *input.send;
            const bool automated = input.levelLane != nullptr || input.panLane != nullptr;
            // Automated, the smoothers carry only the source's mute; the
            // lanes give level and pan sample by sample.
            const double level = automated ? 1.0 : params::faderGain (send.levelDb.load (std::memory_order_relaxed));
            const double pan = send.pan.load (std::memory_order_relaxed);
            const auto panned = automated ? StereoGains {}
                                : source.channels() == 1 ? panGainsForMono (plan.panLaw, pan)
                                                          : balanceGainsForStereo (plan.panLaw, pan);
            const float mute = source.audibleThisBlock() ? 1.0f : 0.0f;
            const float targetLeft = (float) level * panned.left * mute, targetRight = (float) level * panned.right * mute;
            if (! send.primed)
            {
                send.gainLeft.snapTo (targetLeft);
                send.gainRight.snapTo (targetRight);
                send.primed = true;
            }
            send.gainLeft.setTarget (targetLeft);
            send.gainRight.setTarget (targetRight);
            if (! send.gainLeft.isSmoothing() && ! send.gainRight.isSmoothing() && targetLeft == 0.0f && targetRight == 0.0f)
                continue;   // a send at -inf costs nothing
            const float* tapLeft = source.preFader()[0];
            const float* tapRight = source.preFader()[source.channels() > 1 ? 1 : 0];
            const float* fader = send.preFader.load (std::memory_order_relaxed) ? nullptr : source.faderGains();
            if (! automated)
                for (int i = 0; i < numFrames; ++i)
                {
                    const float f = fader != nullptr ? fader[i] : 1.0f;
                    edge[0][i] = tapLeft[i] * (f * send.gainLeft.next());
                    edge[1][i] = tapRight[i] * (f * send.gainRight.next());
                }
            else
            {
                float* levels = scratch.data() + (size_t) (sendLevelRegion * maxBlock);
                float* pans = scratch.data() + (size_t) (sendPanRegion * maxBlock);
                if (input.levelLane != nullptr)
                    input.levelLane->render (blockPosition, numFrames, levels);
                else
                    std::fill (levels, levels + numFrames, (float) params::faderGain (send.levelDb.load (std::memory_order_relaxed)));
                if (input.panLane != nullptr)
                    input.panLane->render (blockPosition, numFrames, pans);
                else
                    std::fill (pans, pans + numFrames, (float) pan);
                for (int i = 0; i < numFrames; ++i)
                {
                    const float f = (fader != nullptr ? fader[i] : 1.0f) * levels[i];
                    const auto g = source.channels() == 1 ? panGainsForMono (plan.panLaw, pans[i]) : balanceGainsForStereo (plan.panLaw, pans[i]);
                    edge[0][i] = tapLeft[i] * (f * g.left * send.gainLeft.next());
                    edge[1][i] = tapRight[i] * (f * g.right * send.gainRight.next());
                }
            }
            signal[0] = edge[0];
            signal[1] = edge[1];
        }
        if (input.compensation != nullptr)
        {
            if (signal[0] != edge[0])
            {
                std::copy (signal[0], signal[0] + numFrames, edge[0]);
                std::copy (signal[1], signal[1] + numFrames, edge[1]);
            }
            input.compensation->process ({ edge, 2, numFrames });
            signal[0] = edge[0];
            signal[1] = edge[1];
        }
        for (int i = 0; i < numFrames; ++i)
        {
            sum[0][i] += signal[0][i];
            sum[1][i] += signal[1][i];
        }
    }
}

void Engine::processNode (int index, int thread) noexcept
{
    auto& plan = *currentPlan;
    auto& node = plan.nodes[(size_t) index];
    auto& runtime = *node.runtime;
    float* const* input = runtime.input();
    if (node.isBus)
        sumInputs (node.inputs, input, thread);
    else
        readClips (node, input, thread);

    AudioView key;
    float* keyChannels[2] = {};
    if (node.key >= 0)
    {
        const auto& source = *plan.nodes[(size_t) node.key].runtime;
        const int channels = source.channels();
        keyChannels[0] = node.keyScratch.data();
        keyChannels[1] = node.keyScratch.data() + (channels > 1 ? plan.maxBlockFrames : 0);
        for (int ch = 0; ch < channels; ++ch)
            std::copy (source.preFader()[ch], source.preFader()[ch] + blockFrames, keyChannels[ch]);
        key = { keyChannels, channels, blockFrames };
        if (node.keyCompensation != nullptr)
            node.keyCompensation->process (key);
    }

    // Lanes: strip parameters at this grid point, levels and pan for
    // every sample of the block.
    // A block may start inside a grid cell (the caller's block ended
    // there): the value is always the one at the cell's start.
    if (! node.stripLanes.empty())
    {
        const int64_t cellStart = blockPosition - blockPosition % plan.automationGrid;
        for (const auto& lane : node.stripLanes)
            runtime.strip.automate (*lane.parameter, lane.curve->valueAt (cellStart));
    }
    ChannelAutomation lanes;
    auto& scratch = threadScratch[(size_t) thread];
    auto laneValues = [&] (const std::shared_ptr<const AutomationCurve>& curve, int region) -> const float* {
        if (curve == nullptr)
            return nullptr;
        float* values = scratch.data() + (size_t) (region * maxBlock);
        curve->render (blockPosition, blockFrames, values);
        return values;
    };
    lanes.trimGain = laneValues (node.trimLane, trimRegion);
    lanes.faderGain = laneValues (node.faderLane, faderRegion);
    lanes.pan = laneValues (node.panLane, panRegion);

    const auto& c = runtime.controls;
    bool audible = ! c.mute.load (std::memory_order_relaxed);
    if (audible && anySolo && ! c.soloSafe.load (std::memory_order_relaxed))
    {
        audible = false;
        for (int relative : node.soloRelatives)
            audible = audible || plan.nodes[(size_t) relative].runtime->controls.solo.load (std::memory_order_relaxed);
    }
    runtime.process (blockFrames, plan.panLaw, audible, node.key >= 0 ? &key : nullptr, lanes);
}

void Engine::renderBlock (RenderPlan& plan, int64_t position, int numFrames, float* left, float* right) noexcept
{
    anySolo = false;
    for (const auto& node : plan.nodes)
        anySolo = anySolo || node.runtime->controls.solo.load (std::memory_order_relaxed);
    currentPlan = &plan;
    blockPosition = position;
    blockFrames = numFrames;
    pool.run (*plan.schedule, *this);

    float* mixed[2] = { left, right };
    sumInputs (plan.mixInputs, mixed, 0);
    // The mix bus's lanes, as for any channel (the graph's threads are done with the scratch).
    if (! plan.mixBusStripLanes.empty())
        for (const auto& lane : plan.mixBusStripLanes)
            plan.mixBus->strip.automate (*lane.parameter, lane.curve->valueAt (position - position % plan.automationGrid));
    float* faderLane = nullptr;
    if (plan.mixBusFaderLane != nullptr)
    {
        faderLane = threadScratch[0].data() + (size_t) (faderRegion * maxBlock);
        plan.mixBusFaderLane->render (position, numFrames, faderLane);
    }
    plan.mixBus->process (left, right, numFrames, faderLane);
    plan.master->process (left, right, numFrames);
}
} // namespace crest
