// Play state and position, shared between the message thread (which asks)
// and the audio thread (which moves the playhead). Lock-free.
#pragma once

#include <atomic>
#include <cstdint>

namespace crest
{
struct Transport
{
    std::atomic<bool> playing { false };
    std::atomic<int64_t> position { 0 };     // written by the audio thread
    std::atomic<int64_t> seekRequest { -1 }; // written by the message thread, taken by the audio thread

    // The loop range: while looping, the playhead jumps from its end back
    // to its start within the block (no gap, no repeat). Set by the
    // message thread; an empty or inverted range does not loop.
    std::atomic<bool> looping { false };
    std::atomic<int64_t> loopStart { 0 }, loopEnd { 0 };

    void requestSeek (int64_t sample) noexcept { seekRequest.store (sample, std::memory_order_release); }
    // Three separate atomics: a block that reads them while they change
    // may wrap once at the old end or to the old start, never outside the
    // timeline, which is all a range being dragged can ask for.
    void setLoop (int64_t start, int64_t end, bool enabled) noexcept
    {
        loopEnd.store (end, std::memory_order_release);
        loopStart.store (start, std::memory_order_release);
        looping.store (enabled, std::memory_order_release);
    }
    int64_t loopStartIfLooping() const noexcept
    {
        const auto start = loopStart.load (std::memory_order_acquire);
        return looping.load (std::memory_order_acquire) && loopEnd.load (std::memory_order_acquire) > start ? start : -1;
    }
};
} // namespace crest
