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
    serviceAll (position, frames, lookaheadFrames >= 0 ? lookaheadFrames : lookahead, -1);
}

void DiskStreamer::serviceAll (int64_t position, int64_t frames, int64_t lookaheadFrames, int64_t loopStart)
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
        // Around the playhead, keeping one chunk behind it so a small jump
        // back is free; and, while looping, the loop's start.
        ClipStream::Window windows[ClipStream::maxWindows];
        int count = 0;
        auto add = [&] (int64_t timelinePosition, int64_t span) {
            const int64_t local = timelinePosition - placement.timelineStart;
            const int64_t end = local + span;
            auto& w = windows[count++];
            w.keepStart = local - ClipStream::chunkFrames;
            w.keepEnd = end + ClipStream::chunkFrames;
            const bool inside = end > 0 && local < stream.length();
            w.start = inside ? local : 0;
            w.end = inside ? end : 0;
        };
        add (position, frames + lookaheadFrames);
        if (loopStart >= 0)
            add (loopStart, lookaheadFrames);
        const bool wasFailed = stream.failed();
        if (! stream.service (windows, count, epoch) && ! wasFailed)
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
            serviceAll (seek >= 0 ? seek : transport.position.load (std::memory_order_relaxed), 0, lookahead, transport.loopStartIfLooping());
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
