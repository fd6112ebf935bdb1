// A fixed pool of audio worker threads that process one block's graph in
// parallel (after Ardour's process graph and Tracktion's graph thread
// pool). The thread that calls run() works too, so a pool of N threads has
// N - 1 workers of its own, started with the engine and kept for its life.
//
// Within a block, a node is processed once every node it depends on is
// done: each node's count of unfinished dependencies lives in the plan's
// GraphSchedule and a node whose count reaches zero goes on a lock-free
// ready queue. Threads claim nodes from the queue; nothing locks,
// allocates, or waits on anything but the block's own nodes. Between
// blocks the workers sleep on a semaphore. Which thread runs a node never
// changes what it computes, so results do not depend on the thread count.
// Workers take on the scheduling class of the thread that runs blocks
// (SCHED_FIFO behind JACK), checked once per block with one syscall on
// the caller's side only when it changes.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <semaphore>
#include <thread>
#include <vector>

namespace crest
{
// A graph's shape and the per-block scheduling state, built with a render
// plan on the message thread (so run() never allocates).
class GraphSchedule
{
public:
    // dependents[n]: the nodes that wait for node n.
    explicit GraphSchedule (std::vector<std::vector<int>> dependents);

    int size() const noexcept { return (int) dependents.size(); }

private:
    friend class AudioWorkerPool;
    std::vector<std::vector<int>> dependents;
    std::vector<int> dependencies;            // per node
    std::unique_ptr<std::atomic<int>[]> pending, queue;
    std::atomic<int> pushed { 0 }, claimed { 0 }, finished { 0 };
};

class GraphWork
{
public:
    virtual ~GraphWork() = default;
    // `thread` is 0 for the caller, 1.. for workers: an index for scratch.
    virtual void processNode (int node, int thread) noexcept = 0;
};

class AudioWorkerPool
{
public:
    // threads: 1 runs everything on the caller. threadStarted runs first
    // on each worker thread (tests hook the real-time guard in there).
    explicit AudioWorkerPool (int threads, std::function<void()> threadStarted = {});
    ~AudioWorkerPool();

    int threads() const noexcept { return (int) workers.size() + 1; }

    // Audio thread: processes every node of `schedule`, each after its
    // dependencies, and returns when all are done.
    void run (GraphSchedule& schedule, GraphWork& work) noexcept;

private:
    void workerLoop (int index);
    void take (int thread) noexcept;
    static void push (GraphSchedule& s, int node) noexcept;

    std::vector<std::thread> workers;
    std::counting_semaphore<> wake { 0 };
    std::atomic<bool> quit { false }, blockRunning { false };
    // The caller's scheduling (policy, priority), adopted by each worker
    // when it next wakes: behind a real-time audio callback the workers
    // run real-time too, so the system cannot preempt a node mid-block.
    std::atomic<int> callerPolicy { -1 }, callerPriority { 0 };
    std::atomic<int> active { 0 };
    GraphSchedule* schedule = nullptr;   // set before blockRunning
    GraphWork* work = nullptr;
    std::function<void()> threadStarted;
};
} // namespace crest
