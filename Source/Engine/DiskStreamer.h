// Keeps every clip's audio resident just ahead of the playhead. Live, it
// runs its own thread that follows the transport; offline, the renderer
// calls prefetch() itself before each block and so waits for the disk
// instead of dropping out. The audio thread never calls into this class; it
// only advances the epoch counter the streamer uses to free chunks safely.
//
// Threads: setPlacements(), startWhenReady(), cancelStart() and
// takeProblems() are for the message thread and never wait for the disk
// (the placement lock is held only to copy a vector; disk reads run under
// a separate lock the message thread never takes). prefetch() reads the
// disk on the calling thread: the offline renderer's, never the message
// thread's.
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

    // Offline: load what [position, position + frames + lookahead) needs,
    // on the calling thread, and evict the rest. A negative lookahead means
    // the streamer's own.
    void prefetch (int64_t position, int64_t frames, int64_t lookaheadFrames = -1);

    // Live: follow the transport (its pending seek first) on a background thread.
    void startFollowing (Transport& transport);
    void stopFollowing();
    void wake();

    // Live: start the transport once the audio under the playhead is
    // loaded, so playback opens cleanly without the message thread reading
    // the disk. cancelStart() also stops a transport that is running.
    void startWhenReady();
    void cancelStart();
    bool startPending() const noexcept { return startRequested.load(); }

    // The audio thread adds one when a block begins and one when it ends:
    // an odd value means a block is running. See ClipStream::service.
    std::atomic<uint64_t>& audioEpoch() noexcept { return epoch; }

    // Problems met while streaming (a file deleted under us), for the UI;
    // a render with any fails.
    std::vector<std::string> takeProblems();
    // What played, but not as the file holds it (NaN or Inf read as silence).
    std::vector<std::string> takeWarnings();

private:
    // loopStart: also keep the loop's start resident (-1: not looping).
    void serviceAll (int64_t position, int64_t frames, int64_t lookaheadFrames, int64_t loopStart);

    int64_t lookahead;
    std::mutex placementLock;   // guards placements and problems: held for copies only
    std::vector<StreamPlacement> placements;
    std::vector<std::string> problems, warnings;
    std::mutex serviceLock;     // one service pass at a time; held during disk reads
    std::atomic<uint64_t> epoch { 0 };

    Transport* followed = nullptr;
    std::mutex startLock;       // pairs the start request with the transport's play flag
    std::atomic<bool> startRequested { false };

    std::thread worker;
    std::atomic<bool> running { false };
    std::mutex wakeLock;        // held only to wait or to post a wake-up, never during reads
    bool woken = false;         // guarded by wakeLock: a wake-up is never lost
    std::condition_variable wakeUp;
};
} // namespace crest
