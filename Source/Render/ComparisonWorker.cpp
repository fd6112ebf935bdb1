#include "ComparisonWorker.h"

#include "Core/CrestError.h"
#include "SessionComparison.h"

#include <utility>

namespace crest
{
ComparisonWorker::ComparisonWorker (MediaPool& pool) : media (pool), thread ([this] { run(); }) {}

ComparisonWorker::~ComparisonWorker()
{
    {
        std::lock_guard<std::mutex> guard (lock);
        stopping = true;
        jobs.clear();
    }
    wake.notify_all();
    thread.join();
}

void ComparisonWorker::measureReference (const ReferenceDocument& reference, double sessionRate)
{
    {
        std::lock_guard<std::mutex> guard (lock);
        Job job;
        job.reference = reference;
        job.sessionRate = sessionRate;
        job.generation = generation;
        jobs.push_back (std::move (job));
    }
    wake.notify_all();
}

void ComparisonWorker::measureMaster (const SessionDocument& session, const std::filesystem::path& sessionFile)
{
    {
        std::lock_guard<std::mutex> guard (lock);
        std::erase_if (jobs, [] (const Job& j) { return ! j.reference && ! j.match; });
        Job job;
        job.session = session;
        job.sessionFile = sessionFile;
        job.generation = generation;
        jobs.push_back (std::move (job));
    }
    wake.notify_all();
}

void ComparisonWorker::settleMatch (const SessionDocument& session, const ReferenceMatch& match)
{
    {
        std::lock_guard<std::mutex> guard (lock);
        Job job;
        job.session = session;
        job.match = match;
        job.generation = generation;
        jobs.push_back (std::move (job));
    }
    wake.notify_all();
}

void ComparisonWorker::forget()
{
    std::lock_guard<std::mutex> guard (lock);
    jobs.clear();
    done.clear();
    ++generation;
}

std::vector<ComparisonWorker::Result> ComparisonWorker::take()
{
    std::lock_guard<std::mutex> guard (lock);
    return std::exchange (done, {});
}

std::string ComparisonWorker::activity() const
{
    std::lock_guard<std::mutex> guard (lock);
    return doing;
}

void ComparisonWorker::run()
{
    for (;;)
    {
        Job job;
        {
            std::unique_lock<std::mutex> guard (lock);
            wake.wait (guard, [this] { return stopping || ! jobs.empty(); });
            if (stopping)
                return;
            job = std::move (jobs.front());
            jobs.pop_front();
            doing = job.reference ? "Measuring " + job.reference->name
                    : job.match   ? std::string ("Matching the dynamics on the mix")
                                  : std::string ("Measuring the master");
        }
        Result result;
        result.chain = job.session.masterChain;
        try
        {
            if (job.reference)
            {
                result.referenceId = job.reference->id;
                result.reference = analyseReference (*job.reference, media, job.sessionRate);
            }
            else if (job.match)
            {
                result.matching = true;
                SessionComparison renders (job.session, job.sessionFile, false, {}, &stopping);
                result.settling = crest::settleMatch (*job.match, job.session.masterChain, renders.mixFile(), renders.mixFile(), {}, &stopping);
                result.settledMatch = std::move (job.match);
            }
            else
            {
                SessionComparison renders (job.session, job.sessionFile, false, {}, &stopping);
                result.master = analyzeFile (renders.masterFile(), ChannelCounting::asLaidOut, {}, BalanceMeasurement::measure);
            }
        }
        catch (const std::exception& e)
        {
            result.problem = e.what();
        }
        std::lock_guard<std::mutex> guard (lock);
        doing.clear();
        if (! stopping && job.generation == generation)
            done.push_back (std::move (result));
    }
}
} // namespace crest
