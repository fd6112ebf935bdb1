#include "Engine.h"

#include "Core/Units.h"

#include <juce_audio_basics/juce_audio_basics.h>

#include <algorithm>
#include <cstring>

namespace crest
{
Engine::Engine (DiskStreamer& diskStreamer, int maxBlockFrames)
    : streamer (diskStreamer),
      maxBlock (maxBlockFrames),
      trackInput ((size_t) maxBlockFrames * 2),
      clipAudio ((size_t) maxBlockFrames * 2),
      trackOutput ((size_t) maxBlockFrames * 2),
      mix ((size_t) maxBlockFrames * 2),
      interleaved ((size_t) maxBlockFrames * 2),
      monitored ((size_t) maxBlockFrames * 2)
{
    // 20 ms at 48 kHz: a dim or mono switch glides instead of clicking.
    monitorGain.setRampLength (960);
    monoAmount.setRampLength (960);
    monitorGain.snapTo (1.0f);
    monoAmount.snapTo (0.0f);
}

void Engine::process (float* const* output, int numOutputChannels, int numFrames) noexcept
{
    // Denormals cost nothing: flush-to-zero for this block, on whichever
    // thread runs it (device callback, renderer, test).
    const juce::ScopedNoDenormals noDenormals;
    // Odd while the block runs: the streamer frees no chunk this block may read.
    streamer.audioEpoch().fetch_add (1, std::memory_order_seq_cst);
    RenderPlan* plan = exchange.acquire();

    const auto seek = transportState.seekRequest.exchange (-1, std::memory_order_acq_rel);
    if (seek >= 0)
        transportState.position.store (seek, std::memory_order_relaxed);

    const bool playing = transportState.playing.load (std::memory_order_acquire) && plan != nullptr;
    int64_t position = transportState.position.load (std::memory_order_relaxed);

    int done = 0;
    while (done < numFrames)
    {
        const int n = std::min (maxBlock, numFrames - done);
        float* left = mix.data();
        float* right = mix.data() + maxBlock;
        if (playing)
        {
            renderBlock (*plan, position, n, left, right);
            position += n;
        }
        else
        {
            std::fill (left, left + n, 0.0f);
            std::fill (right, right + n, 0.0f);
        }

        // The monitor path, into its own buffer: the tap below keeps the mix.
        monitorGain.setTarget (monitorDim.load (std::memory_order_relaxed) ? (float) dbToGain (dimDb) : 1.0f);
        monoAmount.setTarget (monitorMono.load (std::memory_order_relaxed) ? 1.0f : 0.0f);
        const float* heardLeft = left;
        const float* heardRight = right;
        if (monitorGain.isSmoothing() || monitorGain.currentValue() != 1.0f || monoAmount.isSmoothing() || monoAmount.currentValue() != 0.0f)
        {
            float* ml = monitored.data();
            float* mr = monitored.data() + maxBlock;
            for (int i = 0; i < n; ++i)
            {
                const float g = monitorGain.next(), m = monoAmount.next();
                const float mid = 0.5f * (left[i] + right[i]);
                ml[i] = g * (left[i] + m * (mid - left[i]));
                mr[i] = g * (right[i] + m * (mid - right[i]));
            }
            heardLeft = ml;
            heardRight = mr;
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
        done += n;
    }

    if (playing)
        transportState.position.store (position, std::memory_order_release);
    streamer.audioEpoch().fetch_add (1, std::memory_order_seq_cst);   // even again: pairs with ClipStream::service
}

void Engine::renderTrack (const PlanTrack& track, int64_t position, int numFrames) noexcept
{
    const int channels = track.runtime->channels();
    float* input[2] = { trackInput.data(), trackInput.data() + maxBlock };
    float* clip[2] = { clipAudio.data(), clipAudio.data() + maxBlock };
    for (int ch = 0; ch < channels; ++ch)
        std::fill (input[ch], input[ch] + numFrames, 0.0f);

    const int64_t blockEnd = position + numFrames;
    for (const auto& c : track.clips)
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
}

void Engine::renderBlock (RenderPlan& plan, int64_t position, int numFrames, float* left, float* right) noexcept
{
    std::fill (left, left + numFrames, 0.0f);
    std::fill (right, right + numFrames, 0.0f);

    bool anySolo = false;
    for (const auto& t : plan.tracks)
        anySolo = anySolo || t.runtime->controls.solo.load (std::memory_order_relaxed);

    float* input[2] = { trackInput.data(), trackInput.data() + maxBlock };
    float* outLeft = trackOutput.data();
    float* outRight = trackOutput.data() + maxBlock;
    for (const auto& track : plan.tracks)
    {
        renderTrack (track, position, numFrames);
        track.runtime->process (input, numFrames, plan.panLaw, anySolo, track.compensation.get(), outLeft, outRight);
        for (int i = 0; i < numFrames; ++i)
        {
            left[i] += outLeft[i];
            right[i] += outRight[i];
        }
    }
    plan.mixBus->process (left, right, numFrames);
    plan.master->process (left, right, numFrames);
}
} // namespace crest
