// Keeps every clip's audio resident just ahead of the playhead. Live, it
// runs its own thread that follows the transport; offline, the renderer
// calls prefetch() itself before each block and so waits for the disk
// instead of dropping out. The audio thread never calls into this class; it
// only advances the epoch counter the streamer uses to free chunks safely.
#pragma once

#include "ClipStream.h"
#include "Transport.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace crest
{
struct StreamPlacement
{
    std::shared_ptr<ClipStream> stream;
    int64_t timelineStart = 0;
};

class DiskStreamer
{
public:
    explicit DiskStreamer (int64_t lookaheadFrames = 8 * ClipStream::chunkFrames);
    ~DiskStreamer();

    // Message thread: the clips of the current plan.
    void setPlacements (std::vector<StreamPlacement> placements);

    // Offline (or before starting playback): load what [position, position +
    // frames + lookahead) needs, on the calling thread, and evict the rest.
    // A negative lookahead means the streamer's own.
    void prefetch (int64_t position, int64_t frames, int64_t lookaheadFrames = -1);

    // Live: follow the transport (its pending seek first) on a background thread.
    void startFollowing (const Transport& transport);
    void stopFollowing();
    void wake() { wakeUp.notify_one(); }

    // Written by the audio thread at the end of every block.
    std::atomic<uint64_t>& audioEpoch() noexcept { return epoch; }

    // Problems met while streaming (a file deleted under us), for the UI.
    std::vector<std::string> takeProblems();

private:
    void serviceAll (int64_t position, int64_t frames, int64_t lookaheadFrames);

    int64_t lookahead;
    std::mutex lock;   // guards placements and problems; never taken by the audio thread
    std::vector<StreamPlacement> placements;
    std::vector<std::string> problems;
    std::atomic<uint64_t> epoch { 0 };

    std::thread worker;
    std::atomic<bool> running { false };
    std::condition_variable wakeUp;
};
} // namespace crest
