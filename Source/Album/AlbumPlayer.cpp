#include "AlbumPlayer.h"

#include <juce_audio_basics/juce_audio_basics.h>

#include <algorithm>

namespace crest
{
namespace
{
    constexpr int swapFadeFrames = 480;   // 10 ms at 48 kHz

    // The masters as the streamer holds them: each stream covers its
    // track's span of its master file, so frame `from` of the master is
    // frame `from - first` of the stream.
    class StreamedTracks : public TrackAudio
    {
    public:
        std::vector<std::shared_ptr<ClipStream>> streams;
        std::vector<int64_t> first;
        int missing = 0;

        void read (size_t track, int64_t from, float* left, float* right, int n) override
        {
            float* dest[] = { left, right };
            missing += streams[track]->read (from - first[track], n, dest, 2);
        }
    };
} // namespace

struct AlbumPlayer::Program
{
    Program (const AlbumLayout& layout, const std::vector<double>& gainsDb) : assembler (layout, gainsDb, maxBlockFrames) {}
    AlbumAssembler assembler;
    StreamedTracks tracks;
};

AlbumPlayer::AlbumPlayer() : monoRight ((size_t) maxBlockFrames), fadeLeft ((size_t) maxBlockFrames), fadeRight ((size_t) maxBlockFrames)
{
    diskStreamer.startFollowing (transportState);
}

AlbumPlayer::~AlbumPlayer()
{
    diskStreamer.stopFollowing();
    collectGarbage();
    delete pending.exchange (nullptr);
    delete waiting;
    delete fadingOut;
    delete current;
}

void AlbumPlayer::setProgram (const AlbumLayout& layout, const std::vector<Track>& tracks)
{
    jassert (layout.spans.size() == tracks.size());
    std::vector<double> gainsDb;
    for (const auto& t : tracks)
        gainsDb.push_back (t.gainDb);
    auto program = std::make_unique<Program> (layout, gainsDb);
    std::vector<StreamPlacement> kept;
    std::vector<StreamPlacement> placements;
    for (size_t i = 0; i < layout.spans.size() && i < tracks.size(); ++i)
    {
        const auto& span = layout.spans[i];
        const auto& master = tracks[i].master;
        // The stream of this very span of this master at this very place, if one is open: its loaded
        // audio carries over. One that moves is made anew, so the streamer does not take from the
        // program still playing the chunks it plays (the new one waits for its own to load).
        auto found = std::find_if (streams.begin(), streams.end(), [&] (const auto& s) {
            return s.stream->path() == master && s.stream->length() == span.length() && s.stream->firstFileFrame() == span.sourceStart
                   && s.timelineStart == span.start
                   && std::none_of (kept.begin(), kept.end(), [&] (const auto& k) { return k.stream == s.stream; });
        });
        auto stream = found != streams.end() ? found->stream : std::make_shared<ClipStream> (master, tracks[i].channels, span.sourceStart, span.length());
        kept.push_back ({ stream, span.start });
        program->tracks.streams.push_back (stream);
        program->tracks.first.push_back (span.sourceStart);
        placements.push_back ({ stream, span.start });
    }
    streams = std::move (kept);
    programLength = layout.totalSamples;
    diskStreamer.setPlacements (std::move (placements));
    delete pending.exchange (program.release(), std::memory_order_acq_rel);
    collectGarbage();
}

void AlbumPlayer::clearProgram()
{
    stop();
    setProgram ({}, {});
}

void AlbumPlayer::play()
{
    if (programLength > 0 && position() >= programLength)
        seek (0);   // from the end: again from the top
    diskStreamer.startWhenReady();
}

void AlbumPlayer::stop()
{
    diskStreamer.cancelStart();
}

bool AlbumPlayer::isPlaying() const noexcept
{
    return transportState.playing.load() || diskStreamer.startPending();
}

void AlbumPlayer::seek (int64_t sample)
{
    // Before the album is prepared its length is not known: the seek waits for it as asked.
    const auto length = programLength.load();
    transportState.requestSeek (length > 0 ? std::clamp<int64_t> (sample, 0, length) : std::max<int64_t> (0, sample));
    diskStreamer.wake();
}

void AlbumPlayer::collectGarbage()
{
    while (auto old = retired.pop())
        delete *old;
}

bool AlbumPlayer::isLoadedAt (const Program& program, int64_t position) const noexcept
{
    const auto& spans = program.assembler.layout().spans;
    const int64_t until = position + maxBlockFrames;
    for (size_t i = 0; i < spans.size(); ++i)
    {
        const auto& span = spans[i];
        const auto& stream = *program.tracks.streams[i];
        if (span.end <= position || span.start >= until || stream.failed())
            continue;
        const int64_t first = std::max (position, span.start) - span.start, last = std::min (until, span.end) - 1 - span.start;
        if (! stream.isResident (first) || ! stream.isResident (last))
            return false;
    }
    return true;
}

void AlbumPlayer::render (Program& program, int64_t from, int n, float* left, float* right, bool counts) noexcept
{
    program.tracks.missing = 0;
    program.assembler.render (from, n, left, right, program.tracks);
    if (counts && program.tracks.missing > 0)
        missedBlocks.fetch_add (1, std::memory_order_relaxed);
}

void AlbumPlayer::process (float* const* outputs, int numOutputs, int numFrames) noexcept
{
    const juce::ScopedNoDenormals noDenormals;
    diskStreamer.audioEpoch().fetch_add (1, std::memory_order_seq_cst);   // odd: a block runs
    if (const auto seek = transportState.seekRequest.exchange (-1, std::memory_order_acq_rel); seek >= 0)
        transportState.position.store (seek, std::memory_order_relaxed);
    const bool playing = transportState.playing.load (std::memory_order_acquire);
    int64_t position = transportState.position.load (std::memory_order_relaxed);

    // A program published since the last block is the audio thread's from
    // here on (the message thread deletes only one it never took, so none
    // is freed while read); a newer one retires it. While playing, it takes
    // over once its audio under the playhead is loaded; until then the old
    // one plays on, so an edit never drops out. Stopped, it is taken at once.
    if (retired.size() + 2 < retiredCapacity)
        if (Program* incoming = pending.exchange (nullptr, std::memory_order_acq_rel))
        {
            if (waiting != nullptr)
                retired.push (waiting);
            waiting = incoming;
        }
    if (waiting != nullptr && fadingOut == nullptr && (! playing || isLoadedAt (*waiting, position)))
    {
        fadingOut = current;
        current = waiting;
        waiting = nullptr;
        fadeDone = 0;
    }
    float* left = numOutputs > 0 ? outputs[0] : nullptr;
    float* right = numOutputs > 1 ? outputs[1] : nullptr;
    for (int ch = 0; ch < numOutputs; ++ch)
        std::fill (outputs[ch], outputs[ch] + numFrames, 0.0f);

    const int64_t end = current != nullptr ? current->assembler.layout().totalSamples : 0;
    int done = 0;
    while (playing && current != nullptr && done < numFrames && left != nullptr)
    {
        const int n = (int) std::min<int64_t> ({ (int64_t) maxBlockFrames, (int64_t) (numFrames - done), end - position });
        if (n <= 0)
            break;
        float* l = left + done;
        float* r = right != nullptr ? right + done : monoRight.data();
        render (*current, position, n, l, r, true);
        if (fadingOut != nullptr)
        {
            // From the old program to the new, linearly: both are the album at this place, nearly alike.
            render (*fadingOut, position, n, fadeLeft.data(), fadeRight.data(), false);
            for (int i = 0; i < n; ++i)
            {
                const float in = std::min (1.0f, (float) (fadeDone + i) / (float) swapFadeFrames);
                l[i] = in * l[i] + (1 - in) * fadeLeft[(size_t) i];
                r[i] = in * r[i] + (1 - in) * fadeRight[(size_t) i];
            }
            fadeDone += n;
        }
        if (right == nullptr)
            for (int i = 0; i < n; ++i)
                l[i] = 0.5f * (l[i] + r[i]);
        position += n;
        done += n;
    }
    // A fade counts only played frames; stopped, the new program is simply taken.
    if (fadingOut != nullptr && (! playing || fadeDone >= swapFadeFrames) && retired.push (fadingOut))
        fadingOut = nullptr;
    // Asked to play before the album is prepared: it starts when its program comes.
    if (playing && end > 0)
    {
        transportState.position.store (position, std::memory_order_relaxed);
        if (position >= end)
            transportState.playing.store (false, std::memory_order_release);   // the album is over
    }
    diskStreamer.audioEpoch().fetch_add (1, std::memory_order_seq_cst);   // even again
}

void AlbumPlayer::audioDeviceIOCallbackWithContext (const float* const*, int, float* const* outputs, int numOutputs, int numSamples,
                                                    const juce::AudioIODeviceCallbackContext&)
{
    process (outputs, numOutputs, numSamples);
}

void AlbumPlayer::audioDeviceAboutToStart (juce::AudioIODevice* device)
{
    rate = device != nullptr ? device->getCurrentSampleRate() : 0.0;
}

void AlbumPlayer::audioDeviceStopped()
{
    rate = 0.0;
}
} // namespace crest
