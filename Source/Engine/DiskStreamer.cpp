#include "DiskStreamer.h"

#include "IO/AudioFileReader.h"

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
    std::vector<StreamPlacement> old;
    {
        std::lock_guard<std::mutex> guard (placementLock);
        old = std::exchange (placements, std::move (newPlacements));
    }
    // `old` may hold the last reference to a stream; it is freed here,
    // outside the lock.
}

void DiskStreamer::prefetch (int64_t position, int64_t frames, int64_t lookaheadFrames)
{
    serviceAll (position, frames, lookaheadFrames >= 0 ? lookaheadFrames : lookahead);
}

void DiskStreamer::serviceAll (int64_t position, int64_t frames, int64_t lookaheadFrames)
{
    std::lock_guard<std::mutex> servicing (serviceLock);
    std::vector<StreamPlacement> current;
    {
        std::lock_guard<std::mutex> guard (placementLock);
        current = placements;
    }
    std::vector<std::string> found, noticed;
    for (auto& placement : current)
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
            found.push_back (stream.problem());
        if (stream.takeNonFiniteNews())
            noticed.push_back (nonFiniteWarning (stream.path()));
    }
    if (! found.empty() || ! noticed.empty())
    {
        std::lock_guard<std::mutex> guard (placementLock);
        problems.insert (problems.end(), found.begin(), found.end());
        warnings.insert (warnings.end(), noticed.begin(), noticed.end());
    }
}

void DiskStreamer::startFollowing (Transport& transport)
{
    stopFollowing();
    followed = &transport;
    running = true;
    worker = std::thread ([this, &transport] {
        while (running.load())
        {
            // Read before the position: a start asked for after this point
            // is honoured on the next pass, after its audio is loaded.
            const bool starting = startRequested.load();
            const auto seek = transport.seekRequest.load (std::memory_order_acquire);
            serviceAll (seek >= 0 ? seek : transport.position.load (std::memory_order_relaxed), 0, lookahead);
            if (starting)
            {
                std::lock_guard<std::mutex> guard (startLock);
                if (startRequested.exchange (false))
                    transport.playing = true;
            }
            std::unique_lock<std::mutex> waiting (wakeLock);
            wakeUp.wait_for (waiting, std::chrono::milliseconds (10), [this] { return woken || ! running.load(); });
            woken = false;
        }
    });
}

void DiskStreamer::wake()
{
    {
        std::lock_guard<std::mutex> guard (wakeLock);
        woken = true;
    }
    wakeUp.notify_one();
}

void DiskStreamer::stopFollowing()
{
    running = false;
    wake();
    if (worker.joinable())
        worker.join();
    followed = nullptr;
}

void DiskStreamer::startWhenReady()
{
    std::lock_guard<std::mutex> guard (startLock);
    if (followed == nullptr)
        return;
    if (! followed->playing.load())
        startRequested = true;
    wake();
}

void DiskStreamer::cancelStart()
{
    std::lock_guard<std::mutex> guard (startLock);
    startRequested = false;
    if (followed != nullptr)
        followed->playing = false;
}

std::vector<std::string> DiskStreamer::takeWarnings()
{
    std::lock_guard<std::mutex> guard (placementLock);
    return std::exchange (warnings, {});
}

std::vector<std::string> DiskStreamer::takeProblems()
{
    std::lock_guard<std::mutex> guard (placementLock);
    return std::exchange (problems, {});
}
} // namespace crest
