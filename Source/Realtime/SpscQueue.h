// A fixed-capacity single-producer single-consumer queue. push and pop are
// wait-free and never allocate, so either end may be the audio thread.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <optional>

namespace crest
{
template <typename T, size_t Capacity>
class SpscQueue
{
    static_assert ((Capacity & (Capacity - 1)) == 0, "capacity must be a power of two");

public:
    bool push (const T& item) noexcept
    {
        const auto head = writeIndex.load (std::memory_order_relaxed);
        if (head - readIndex.load (std::memory_order_acquire) == Capacity)
            return false;
        slots[head & (Capacity - 1)] = item;
        writeIndex.store (head + 1, std::memory_order_release);
        return true;
    }

    std::optional<T> pop() noexcept
    {
        const auto tail = readIndex.load (std::memory_order_relaxed);
        if (tail == writeIndex.load (std::memory_order_acquire))
            return std::nullopt;
        T item = slots[tail & (Capacity - 1)];
        readIndex.store (tail + 1, std::memory_order_release);
        return item;
    }

    // Items in the queue now (exact from either end for its own side's changes).
    size_t size() const noexcept
    {
        return writeIndex.load (std::memory_order_acquire) - readIndex.load (std::memory_order_acquire);
    }

    bool full() const noexcept
    {
        return writeIndex.load (std::memory_order_acquire) - readIndex.load (std::memory_order_acquire) == Capacity;
    }

private:
    std::array<T, Capacity> slots {};
    alignas (64) std::atomic<size_t> writeIndex { 0 };
    alignas (64) std::atomic<size_t> readIndex { 0 };
};
} // namespace crest
