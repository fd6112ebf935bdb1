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

    void requestSeek (int64_t sample) noexcept { seekRequest.store (sample, std::memory_order_release); }
};
} // namespace crest
