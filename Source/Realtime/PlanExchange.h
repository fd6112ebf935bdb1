// Hands immutable render plans from the message thread to the audio thread
// without locks, and hands retired plans back so they are freed off the
// audio thread (the pattern of JUCE's RenderSequenceExchange and Ardour's
// RCU manager).
//
// publish() and collectGarbage(): message thread. acquire(): audio thread.
#pragma once

#include "SpscQueue.h"

#include <atomic>
#include <memory>

namespace crest
{
template <typename Plan>
class PlanExchange
{
public:
    ~PlanExchange()
    {
        collectGarbage();
        delete pending.exchange (nullptr);
        delete current;
    }

    void publish (std::unique_ptr<Plan> plan)
    {
        // A plan the audio thread never picked up can be freed right here.
        delete pending.exchange (plan.release(), std::memory_order_acq_rel);
        collectGarbage();
    }

    // Returns the plan to render this block (may be null before the first
    // publish). Never blocks, never frees.
    Plan* acquire() noexcept
    {
        if (pending.load (std::memory_order_acquire) != nullptr && ! retired.full())
        {
            if (Plan* next = pending.exchange (nullptr, std::memory_order_acq_rel))
            {
                if (current != nullptr)
                    retired.push (current);
                current = next;
            }
        }
        return current;
    }

    void collectGarbage()
    {
        while (auto old = retired.pop())
            delete *old;
    }

private:
    std::atomic<Plan*> pending { nullptr };
    Plan* current = nullptr;   // owned by the audio thread while it runs
    SpscQueue<Plan*, 64> retired;
};
} // namespace crest
