// One piece of slow work at a time off the message thread (rendering a
// session, reading a passage, measuring a master) for a view that polls
// for the result from its timer, so the message thread never waits on the
// disk. The work gets a cancel flag, set when the owner goes (a render
// under way stops at once); its result, or what went wrong, is taken once.
//
// start(), take(), the destructor: message thread. The work: its thread.
#pragma once

#include <atomic>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>

namespace crest
{
template <typename Result>
class BackgroundTask
{
public:
    struct Outcome
    {
        std::optional<Result> result;
        std::string problem;   // the exception's words when there is no result
    };

    BackgroundTask() = default;
    BackgroundTask (const BackgroundTask&) = delete;
    BackgroundTask& operator= (const BackgroundTask&) = delete;
    ~BackgroundTask()
    {
        cancelled = true;
        if (worker.joinable())
            worker.join();
    }

    // False (and nothing started) while earlier work runs.
    bool start (std::function<Result (const std::atomic<bool>& cancel)> work)
    {
        if (busy.load())
            return false;
        if (worker.joinable())
            worker.join();
        busy = true;
        worker = std::thread ([this, work = std::move (work)] {
            Outcome outcome;
            try
            {
                outcome.result.emplace (work (cancelled));
            }
            catch (const std::exception& e)
            {
                outcome.problem = e.what();
            }
            catch (...)
            {
                outcome.problem = "an unexpected error stopped the work";
            }
            std::lock_guard<std::mutex> guard (handOver);
            finished = std::move (outcome);
            untaken = true;
            busy = false;
        });
        return true;
    }

    bool running() const noexcept { return busy.load(); }
    // Running, or done with an outcome not yet taken.
    bool pending() const noexcept { return busy.load() || untaken.load(); }

    // What the last work came to, once; nothing while it runs.
    std::optional<Outcome> take()
    {
        if (busy.load())
            return std::nullopt;
        std::lock_guard<std::mutex> guard (handOver);
        untaken = false;
        return std::exchange (finished, std::nullopt);
    }

private:
    std::thread worker;
    std::atomic<bool> busy { false }, cancelled { false }, untaken { false };
    std::mutex handOver;
    std::optional<Outcome> finished;
};
} // namespace crest
