// A fixed-capacity single-producer single-consumer ring of float samples,
// for streaming audio off the audio thread (capture taps, analysers).
// Capacity is allocated once in the constructor; push/pop never allocate.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <vector>

namespace crest
{
class SampleFifo
{
public:
    explicit SampleFifo (size_t capacity) : buffer (capacity) {}

    // Producer. Returns how many samples fitted.
    size_t push (const float* data, size_t count) noexcept
    {
        const auto w = writeIndex.load (std::memory_order_relaxed);
        const auto r = readIndex.load (std::memory_order_acquire);
        const size_t n = std::min (count, buffer.size() - (w - r));
        for (size_t i = 0; i < n; ++i)
            buffer[(w + i) % buffer.size()] = data[i];
        writeIndex.store (w + n, std::memory_order_release);
        return n;
    }

    // Consumer.
    size_t pop (float* data, size_t count) noexcept
    {
        const auto r = readIndex.load (std::memory_order_relaxed);
        const auto w = writeIndex.load (std::memory_order_acquire);
        const size_t n = std::min (count, w - r);
        for (size_t i = 0; i < n; ++i)
            data[i] = buffer[(r + i) % buffer.size()];
        readIndex.store (r + n, std::memory_order_release);
        return n;
    }

    size_t available() const noexcept { return writeIndex.load (std::memory_order_acquire) - readIndex.load (std::memory_order_acquire); }

private:
    std::vector<float> buffer;
    std::atomic<size_t> writeIndex { 0 }, readIndex { 0 };
};
} // namespace crest
