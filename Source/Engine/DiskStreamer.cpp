#include "DiskStreamer.h"

#include <algorithm>
#include <chrono>
#include <utility>

namespace crest
{
DiskStreamer::DiskStreamer (int64_t lookaheadFrames) : lookahead (lookaheadFrames) {}

DiskStreamer::~DiskStreamer()
{
    stopFollowing();
}

void DiskStreamer::setPlacements (std::vector<StreamPlacement> newPlacements)
{
    std::lock_guard<std::mutex> guard (lock);
    placements = std::move (newPlacements);
}

void DiskStreamer::prefetch (int64_t position, int64_t frames, int64_t lookaheadFrames)
{
    serviceAll (position, frames, lookaheadFrames >= 0 ? lookaheadFrames : lookahead);
}

void DiskStreamer::serviceAll (int64_t position, int64_t frames, int64_t lookaheadFrames)
{
    std::lock_guard<std::mutex> guard (lock);
    for (auto& placement : placements)
    {
        auto& stream = *placement.stream;
        const int64_t local = position - placement.timelineStart;
        const int64_t end = local + frames + lookaheadFrames;
        // Keep one chunk behind the playhead so a small jump back is free.
        const int64_t keepStart = local - ClipStream::chunkFrames;
        const int64_t keepEnd = end + ClipStream::chunkFrames;
        const bool wasFailed = stream.failed();
        if (end <= 0 || local >= stream.length())
            stream.service (0, 0, keepStart, keepEnd, epoch);
        else if (! stream.service (local, end, keepStart, keepEnd, epoch) && ! wasFailed)
            problems.push_back (stream.problem());
    }
}

void DiskStreamer::startFollowing (const Transport& transport)
{
    stopFollowing();
    running = true;
    worker = std::thread ([this, &transport] {
        std::mutex waitLock;
        while (running.load())
        {
            const auto seek = transport.seekRequest.load (std::memory_order_acquire);
            serviceAll (seek >= 0 ? seek : transport.position.load (std::memory_order_relaxed), 0, lookahead);
            std::unique_lock<std::mutex> waiting (waitLock);
            wakeUp.wait_for (waiting, std::chrono::milliseconds (10));
        }
    });
}

void DiskStreamer::stopFollowing()
{
    running = false;
    wakeUp.notify_all();
    if (worker.joinable())
        worker.join();
}

std::vector<std::string> DiskStreamer::takeProblems()
{
    std::lock_guard<std::mutex> guard (lock);
    return std::exchange (problems, {});
}
} // namespace crest
