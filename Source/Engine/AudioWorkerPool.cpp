#include "AudioWorkerPool.h"

#include <juce_audio_basics/juce_audio_basics.h>

#include <pthread.h>
#include <sched.h>

#if defined(__x86_64__) || defined(__i386__)
    #include <immintrin.h>
#endif

namespace crest
{
namespace
{
    inline void relax() noexcept
    {
#if defined(__x86_64__) || defined(__i386__)
        _mm_pause();
#endif
    }
} // namespace

GraphSchedule::GraphSchedule (std::vector<std::vector<int>> graphDependents)
    : dependents (std::move (graphDependents)),
      dependencies (dependents.size(), 0),
      pending (new std::atomic<int>[dependents.size()]),
      queue (new std::atomic<int>[dependents.size()])
{
    for (const auto& targets : dependents)
        for (int t : targets)
            ++dependencies[(size_t) t];
}

AudioWorkerPool::AudioWorkerPool (int threads, std::function<void()> started) : threadStarted (std::move (started))
{
    for (int i = 1; i < threads; ++i)
        workers.emplace_back ([this, i] { workerLoop (i); });
}

AudioWorkerPool::~AudioWorkerPool()
{
    quit.store (true);
    wake.release ((std::ptrdiff_t) workers.size());
    for (auto& w : workers)
        w.join();
}

void AudioWorkerPool::push (GraphSchedule& s, int node) noexcept
{
    const int slot = s.pushed.fetch_add (1, std::memory_order_acq_rel);
    s.queue[(size_t) slot].store (node, std::memory_order_release);
}

void AudioWorkerPool::take (int thread) noexcept
{
    auto& s = *schedule;
    const int n = s.size();
    for (;;)
    {
        int slot = s.claimed.load (std::memory_order_acquire);
        if (slot >= n)
            return;   // every node of the block has a thread
        if (slot >= s.pushed.load (std::memory_order_acquire))
        {
            relax();   // the next node waits on one still running
            continue;
        }
        if (! s.claimed.compare_exchange_weak (slot, slot + 1, std::memory_order_acq_rel))
            continue;
        int node;
        while ((node = s.queue[(size_t) slot].load (std::memory_order_acquire)) < 0)
            relax();   // its pusher is between counting and storing it
        work->processNode (node, thread);
        for (int next : s.dependents[(size_t) node])
            if (s.pending[(size_t) next].fetch_sub (1, std::memory_order_acq_rel) == 1)
                push (s, next);
        s.finished.fetch_add (1, std::memory_order_acq_rel);
    }
}

void AudioWorkerPool::run (GraphSchedule& s, GraphWork& w) noexcept
{
    if (! workers.empty())
    {
        int policy = 0;
        sched_param param {};
        if (pthread_getschedparam (pthread_self(), &policy, &param) == 0)
        {
            callerPriority.store (param.sched_priority, std::memory_order_relaxed);
            callerPolicy.store (policy, std::memory_order_release);
        }
    }
    const int n = s.size();
    s.pushed.store (0, std::memory_order_relaxed);
    s.claimed.store (0, std::memory_order_relaxed);
    s.finished.store (0, std::memory_order_relaxed);
    for (int i = 0; i < n; ++i)
    {
        s.pending[(size_t) i].store (s.dependencies[(size_t) i], std::memory_order_relaxed);
        s.queue[(size_t) i].store (-1, std::memory_order_relaxed);
    }
    for (int i = 0; i < n; ++i)
        if (s.dependencies[(size_t) i] == 0)
            push (s, i);

    schedule = &s;
    work = &w;
    if (! workers.empty() && n > 1)
    {
        blockRunning.store (true, std::memory_order_seq_cst);
        wake.release ((std::ptrdiff_t) std::min<size_t> (workers.size(), (size_t) n - 1));
    }
    take (0);
    while (s.finished.load (std::memory_order_acquire) < n)
        relax();
    // No worker may still be looking at this schedule when the next block
    // resets it: close the block, then wait for any worker inside it.
    blockRunning.store (false, std::memory_order_seq_cst);
    while (active.load (std::memory_order_seq_cst) > 0)
        relax();
}

void AudioWorkerPool::workerLoop (int index)
{
    if (threadStarted)
        threadStarted();
    int adoptedPolicy = -1, adoptedPriority = 0;
    for (;;)
    {
        wake.acquire();
        if (quit.load())
            return;
        if (const int policy = callerPolicy.load (std::memory_order_acquire);
            policy >= 0 && (policy != adoptedPolicy || callerPriority.load (std::memory_order_relaxed) != adoptedPriority))
        {
            // May fail without the rights (then the worker stays as it is).
            adoptedPolicy = policy;
            adoptedPriority = callerPriority.load (std::memory_order_relaxed);
            sched_param param {};
            param.sched_priority = adoptedPriority;
            pthread_setschedparam (pthread_self(), policy, &param);
        }
        active.fetch_add (1, std::memory_order_seq_cst);
        if (blockRunning.load (std::memory_order_seq_cst))
        {
            const juce::ScopedNoDenormals noDenormals;
            take (index);
        }
        active.fetch_sub (1, std::memory_order_seq_cst);
    }
}
} // namespace crest
