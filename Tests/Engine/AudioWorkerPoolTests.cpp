// The audio worker pool: every node runs once per block, after all it
// depends on, the pool's own threads really share the work, and a guarded
// worker is what the real-time test relies on.
#include "Engine/AudioWorkerPool.h"
#include "Helpers/RealtimeGuard.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <set>

using namespace crest;
using namespace crest::test;

namespace
{
// A diamond-shaped graph repeated: 0 feeds 1..n-2, which all feed n-1.
struct RecordingWork : GraphWork
{
    explicit RecordingWork (int nodes) : finishedAt (new std::atomic<int>[(size_t) nodes]), threadOf (new std::atomic<int>[(size_t) nodes]) {}

    void processNode (int node, int thread) noexcept override
    {
        // Long enough that a sleeping worker wakes before the block is over.
        double x = node;
        for (int i = 0; i < 20000; ++i)
            x = std::sin (x) + 1.0;
        sink.store (x);
        finishedAt[(size_t) node].store (clock.fetch_add (1));
        threadOf[(size_t) node].store (thread);
    }

    std::atomic<int> clock { 0 };
    std::atomic<double> sink { 0 };
    std::unique_ptr<std::atomic<int>[]> finishedAt, threadOf;
};
} // namespace

TEST_CASE ("the worker pool runs each node once, after its dependencies, and shares the nodes between its threads", "[engine][threads]")
{
    const int n = 34;
    std::vector<std::vector<int>> dependents ((size_t) n);
    for (int i = 1; i < n - 1; ++i)
    {
        dependents[0].push_back (i);
        dependents[(size_t) i].push_back (n - 1);
    }
    GraphSchedule schedule (dependents);
    AudioWorkerPool pool (2);
    REQUIRE (pool.threads() == 2);

    std::set<int> threadsSeen;
    for (int block = 0; block < 20; ++block)
    {
        RecordingWork work (n);
        pool.run (schedule, work);
        REQUIRE (work.clock.load() == n);   // each node exactly once
        for (int i = 1; i < n - 1; ++i)
        {
            REQUIRE (work.finishedAt[(size_t) i] > work.finishedAt[0]);
            REQUIRE (work.finishedAt[(size_t) i] < work.finishedAt[(size_t) (n - 1)]);
        }
        for (int i = 0; i < n; ++i)
            threadsSeen.insert (work.threadOf[(size_t) i].load());
    }
    CHECK (threadsSeen == std::set<int> { 0, 1 });
}

TEST_CASE ("a worker thread started under the real-time guard reports what it does wrong", "[engine][threads][guard]")
{
    struct Allocating : GraphWork
    {
        void processNode (int, int thread) noexcept override
        {
            if (thread > 0)
            {
                static int* volatile escaped = nullptr;
                escaped = new int (1);
                delete escaped;
            }
            double x = 0;
            for (int i = 0; i < 20000; ++i)
                x = std::sin (x) + 1.0;
            sink.store (x);
        }
        std::atomic<double> sink { 0 };
    } work;
    std::vector<std::vector<int>> independent (16);
    GraphSchedule schedule (independent);
    RealtimeGuard::reset();
    {
        AudioWorkerPool pool (2, [] { RealtimeGuard::guardThisThread(); });
        for (int block = 0; block < 20; ++block)
            pool.run (schedule, work);
    }
    CHECK (RealtimeGuard::firstViolation() == "malloc");
    RealtimeGuard::reset();
}
