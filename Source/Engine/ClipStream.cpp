#include "ClipStream.h"

#include "Core/CrestError.h"
#include "IO/AudioFileReader.h"

#include <algorithm>
#include <cstring>

namespace crest
{
ClipStream::ClipStream (std::filesystem::path playableFile, int channelsInFile, int64_t first, int64_t frames)
    : file (std::move (playableFile)),
      fileChannels (channelsInFile),
      firstFrame (first),
      numFrames (frames),
      numChunks ((frames + chunkFrames - 1) / chunkFrames),
      chunks (new std::atomic<float*>[(size_t) std::max<int64_t> (1, numChunks)])
{
    for (int64_t i = 0; i < numChunks; ++i)
        chunks[(size_t) i].store (nullptr);
}

ClipStream::~ClipStream()
{
    for (int64_t i = 0; i < numChunks; ++i)
        delete[] chunks[(size_t) i].load();
    for (auto& r : retired)
        delete[] r.chunk;
}

int ClipStream::read (int64_t start, int count, float* const* dest, int destChannels) const noexcept
{
    int missing = 0;
    int done = 0;
    while (done < count)
    {
        const int64_t frame = start + done;
        const int64_t chunkIndex = frame / chunkFrames;
        const int offset = (int) (frame - chunkIndex * chunkFrames);
        const int n = (int) std::min<int64_t> (count - done, chunkFrames - offset);
        // seq_cst pairs with the streamer's retirement (see service()).
        const float* chunk = chunkIndex < numChunks ? chunks[(size_t) chunkIndex].load (std::memory_order_seq_cst) : nullptr;
        if (chunk == nullptr)
        {
            for (int ch = 0; ch < destChannels; ++ch)
                std::fill (dest[ch] + done, dest[ch] + done + n, 0.0f);
            if (frame < numFrames)
                missing += (int) std::min<int64_t> (n, numFrames - frame);
        }
        else
        {
            const float* src = chunk + (size_t) offset * (size_t) fileChannels;
            if (destChannels == 1)
            {
                if (fileChannels == 1)
                    std::memcpy (dest[0] + done, src, sizeof (float) * (size_t) n);
                else
                    for (int i = 0; i < n; ++i)
                        dest[0][done + i] = 0.5f * (src[i * fileChannels] + src[i * fileChannels + 1]);
            }
            else
            {
                const int right = fileChannels > 1 ? 1 : 0;
                for (int i = 0; i < n; ++i)
                {
                    dest[0][done + i] = src[i * fileChannels];
                    dest[1][done + i] = src[i * fileChannels + right];
                }
            }
        }
        done += n;
    }
    return missing;
}

void ClipStream::load (int64_t chunkIndex)
{
    if (! reader)
    {
        reader = std::make_unique<AudioFileReader> (file);
        if (reader->info().channels != fileChannels)
            throw CrestError (file, "changed on disk (now " + std::to_string (reader->info().channels) + " channels, was "
                                        + std::to_string (fileChannels) + "); reopen the session");
    }
    const int64_t start = chunkIndex * chunkFrames;
    const int64_t frames = std::min (chunkFrames, numFrames - start);
    auto* data = new float[(size_t) (chunkFrames * fileChannels)];
    std::fill (data, data + chunkFrames * fileChannels, 0.0f);
    try
    {
        // Frames past the end of the file (a clip longer than its media)
        // stay silent rather than failing.
        const int64_t available = std::clamp<int64_t> (reader->info().frames - (firstFrame + start), 0, frames);
        if (available > 0)
        {
            reader->seek (firstFrame + start);
            reader->readInterleaved (data, available);
        }
    }
    catch (...)
    {
        delete[] data;
        throw;
    }
    chunks[(size_t) chunkIndex].store (data, std::memory_order_release);
    resident.push_back (chunkIndex);
}

bool ClipStream::service (const Window* windows, int numWindows, const std::atomic<uint64_t>& audioEpoch)
{
    freeRetired (audioEpoch.load (std::memory_order_seq_cst));
    if (failed() || numChunks == 0)
        return ! failed();
    const bool ok = serviceResident (windows, numWindows, audioEpoch);
    // With no block running (no device, a stopped one, or offline between
    // blocks) what was just retired can go at once: memory stays bounded
    // whether or not an audio thread exists.
    freeRetired (audioEpoch.load (std::memory_order_seq_cst));
    return ok;
}

bool ClipStream::serviceResident (const Window* windows, int numWindows, const std::atomic<uint64_t>& audioEpoch)
{
    auto kept = [&] (int64_t i) {
        for (int w = 0; w < numWindows; ++w)
        {
            const int64_t firstKeep = std::max<int64_t> (0, windows[w].keepStart / chunkFrames);
            const int64_t lastKeep = std::min<int64_t> (numChunks - 1, (std::max<int64_t> (windows[w].keepEnd, 1) - 1) / chunkFrames);
            if (windows[w].keepEnd > windows[w].keepStart && i >= firstKeep && i <= lastKeep)
                return true;
        }
        return false;
    };
    std::erase_if (resident, [&] (int64_t i) {
        if (kept (i))
            return false;
        // The exchange and the epoch load are seq_cst, as are the audio
        // thread's chunk loads and its two epoch increments per block. If
        // the epoch read here is even, every block that began before the
        // exchange has ended (its loads happen-before our load), and every
        // later block sees null: free now. If it is odd, the block running
        // now may hold the chunk: free once the epoch moves past it.
        float* chunk = chunks[(size_t) i].exchange (nullptr, std::memory_order_seq_cst);
        retired.push_back ({ chunk, audioEpoch.load (std::memory_order_seq_cst) });
        return true;
    });

    try
    {
        for (int w = 0; w < numWindows; ++w)
        {
            const auto& window = windows[w];
            if (window.end <= 0 || window.start >= numFrames || window.end <= window.start)
                continue;
            const int64_t firstNeeded = std::max<int64_t> (0, window.start / chunkFrames);
            const int64_t lastNeeded = std::min<int64_t> (numChunks - 1, (window.end - 1) / chunkFrames);
            for (int64_t i = firstNeeded; i <= lastNeeded; ++i)
                if (chunks[(size_t) i].load (std::memory_order_relaxed) == nullptr)
                    load (i);
        }
    }
    catch (const CrestError& e)
    {
        failure = e.what();
        hasFailed.store (true, std::memory_order_release);
        return false;
    }
    return true;
}

void ClipStream::freeRetired (uint64_t audioEpoch)
{
    std::erase_if (retired, [audioEpoch] (const Retired& r) {
        const bool blockWasRunning = (r.epoch & 1) != 0;
        if (blockWasRunning && audioEpoch <= r.epoch)
            return false;
        delete[] r.chunk;
        return true;
    });
}

bool ClipStream::isResident (int64_t frame) const noexcept
{
    const int64_t chunkIndex = frame / chunkFrames;
    return frame >= 0 && chunkIndex < numChunks && chunks[(size_t) chunkIndex].load (std::memory_order_acquire) != nullptr;
}

bool ClipStream::takeNonFiniteNews() noexcept
{
    if (nonFiniteReported || reader == nullptr || reader->nonFiniteSamples() == 0)
        return false;
    nonFiniteReported = true;
    return true;
}

size_t ClipStream::residentChunks() const noexcept
{
    size_t n = 0;
    for (int64_t i = 0; i < numChunks; ++i)
        n += chunks[(size_t) i].load (std::memory_order_relaxed) != nullptr ? 1 : 0;
    return n;
}
} // namespace crest
