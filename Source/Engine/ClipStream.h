// One clip's audio, streamed from disk in fixed-size chunks. The disk
// streamer (its own thread, or the offline renderer's) loads chunks ahead
// of the playhead and publishes them through atomic pointers; the audio
// thread only reads what is published and plays silence for anything that
// is not there yet (and counts it as an underrun).
//
// Chunks are freed by the streamer once no audio block that could have
// seen them is still running (an epoch counter the audio thread bumps as a
// block begins and ends), so the audio thread never frees and never waits,
// and with no audio thread at all retired chunks are freed at once.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

namespace crest
{
class AudioFileReader;

class ClipStream
{
public:
    static constexpr int64_t chunkFrames = 16384;

    // The stream covers file frames [firstFrame, firstFrame + numFrames);
    // reads past its end are silence (a clip longer than its media).
    ClipStream (std::filesystem::path playableFile, int fileChannels, int64_t firstFrame, int64_t numFrames);
    ~ClipStream();

    int channels() const noexcept { return fileChannels; }
    const std::filesystem::path& path() const noexcept { return file; }
    int64_t length() const noexcept { return numFrames; }
    int64_t firstFileFrame() const noexcept { return firstFrame; }

    // Audio thread. Copies clip frames [start, start + count) into dest
    // (planar, destChannels wide), mapping channels: mono to both sides, a
    // wider file down to its first two (averaged for a mono destination).
    // Returns how many frames were missing (left as silence).
    int read (int64_t start, int count, float* const* dest, int destChannels) const noexcept;

    // Clip frames the streamer loads ([start, end)) and the wider range it
    // keeps ([keepStart, keepEnd)): one around the playhead, and while
    // looping one at the loop's start, so the jump back finds its audio.
    struct Window
    {
        int64_t start = 0, end = 0, keepStart = 0, keepEnd = 0;
    };
    static constexpr int maxWindows = 2;

    // Streamer side: make the windows' frames resident; drop chunks no
    // window keeps; free retired chunks the audio thread can no longer
    // see. Returns false if the file failed (stream goes silent;
    // problem() says why). `audioEpoch` is read after each retirement,
    // never before: a stale value could free a chunk that a block running
    // right now still reads.
    bool service (const Window* windows, int numWindows, const std::atomic<uint64_t>& audioEpoch);
    void freeRetired (uint64_t audioEpoch);
    const std::string& problem() const noexcept { return failure; }
    // Streamer thread: true once, the first time the file was found
    // holding NaN or Inf (read as silence).
    bool takeNonFiniteNews() noexcept;
    bool failed() const noexcept { return hasFailed.load (std::memory_order_acquire); }
    size_t residentChunks() const noexcept;
    // True if clip frame `frame` is loaded (any thread; for waiting in tests and tools).
    bool isResident (int64_t frame) const noexcept;
    size_t retiredChunks() const noexcept { return retired.size(); }   // streamer thread

private:
    struct Retired
    {
        float* chunk;
        uint64_t epoch;
    };

    void load (int64_t chunkIndex);
    bool serviceResident (const Window* windows, int numWindows, const std::atomic<uint64_t>& audioEpoch);

    std::filesystem::path file;
    int fileChannels;
    int64_t firstFrame, numFrames, numChunks;
    std::unique_ptr<std::atomic<float*>[]> chunks;
    std::unique_ptr<AudioFileReader> reader;   // streamer thread only
    std::vector<Retired> retired;              // streamer thread only
    std::vector<int64_t> resident;             // streamer thread only: indices of loaded chunks
    std::string failure;
    std::atomic<bool> hasFailed { false };
    bool nonFiniteReported = false;   // streamer thread only
};
} // namespace crest
