// The slow half of comparing a master with reference tracks, on one
// background thread: measuring each reference (ReferenceAnalysis) and
// measuring the master itself (the session rendered, as crest ab renders
// it, then analysed with its balance and spectrum), and settling a match's
// dynamics on the session's mix (MatchSettling). The app queues jobs
// and collects what is done from its timer, so the message thread never
// reads the disk. Jobs run in order; a newer master job replaces one not
// yet started. Destruction cancels the render under way and joins.
#pragma once

#include "Mastering/MatchSettling.h"
#include "Mastering/ReferenceAnalysis.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace crest
{
class ComparisonWorker
{
public:
    struct Result
    {
        std::string referenceId;                    // empty: the master's
        std::optional<ReferenceAnalysis> reference;
        std::optional<FileAnalysis> master;
        MasterChainDocument chain;                    // the chain the master (or the match) was measured through
        bool matching = false;                        // a settleMatch job
        std::optional<ReferenceMatch> settledMatch;   // with what its passes measured
        MatchSettling settling;
        std::string problem;                        // why it could not be measured, naming the file
    };

    explicit ComparisonWorker (MediaPool& media);
    ~ComparisonWorker();
    ComparisonWorker (const ComparisonWorker&) = delete;
    ComparisonWorker& operator= (const ComparisonWorker&) = delete;

    void measureReference (const ReferenceDocument& reference, double sessionRate);
    void measureMaster (const SessionDocument& session, const std::filesystem::path& sessionFile);
    // `session` with the chain the match is to be written into.
    void settleMatch (const SessionDocument& session, const ReferenceMatch& match);

    // Message thread: what finished since the last call.
    std::vector<Result> take();
    // Another session: what is queued is dropped, and what runs now is
    // never handed over.
    void forget();
    // What runs now, in words ("Measuring the master"), or "".
    std::string activity() const;

private:
    struct Job
    {
        std::optional<ReferenceDocument> reference;
        double sessionRate = 48000;
        SessionDocument session;
        std::filesystem::path sessionFile;
        std::optional<ReferenceMatch> match;
        uint64_t generation = 0;
    };
    void run();

    MediaPool& media;
    mutable std::mutex lock;
    std::condition_variable wake;
    std::deque<Job> jobs;
    std::vector<Result> done;
    std::string doing;
    uint64_t generation = 0;   // forget() moves it on
    std::atomic<bool> stopping { false };
    std::thread thread;
};
} // namespace crest
