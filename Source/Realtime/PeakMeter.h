// A peak level written by the audio thread and read (and reset) by a meter
// on another thread. Lock-free: the audio thread raises it with a CAS, the
// reader takes it with an exchange.
#pragma once

#include <algorithm>
#include <atomic>
#include <cmath>

namespace crest
{
class PeakMeter
{
public:
    void raise (float peak) noexcept
    {
        float seen = value.load (std::memory_order_relaxed);
        while (peak > seen && ! value.compare_exchange_weak (seen, peak, std::memory_order_relaxed))
        {
        }
    }

    float take() noexcept { return value.exchange (0.0f, std::memory_order_relaxed); }

private:
    std::atomic<float> value { 0.0f };
};

// The largest magnitude in a block: what a meter is raised to.
inline float blockPeak (const float* data, int n) noexcept
{
    float peak = 0.0f;
    for (int i = 0; i < n; ++i)
        peak = std::max (peak, std::abs (data[i]));
    return peak;
}
} // namespace crest
