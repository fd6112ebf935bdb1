// The album as the Album view shows and plays it, prepared on a worker
// thread: every track mastered (AlbumMasters, through a MasterCache, so
// an edit re-masters only what it changed), the strategy's gains found,
// and the program measured whole and track by track as it plays on the
// album. A new request cancels the one running (at its next track) and
// starts at once; the message thread polls for the result.
//
// Threads: every public function is for the message thread; the work runs
// on the preview's own thread. JUCE-free.
#pragma once

#include "AlbumMasters.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace crest
{
struct AlbumPreviewResult
{
    AlbumDocument album;       // what was prepared (at the rate asked for)
    AlbumMasters masters;
    AlbumProgram program;      // measured, without the render's transition guard
    std::vector<int> channels; // each master's
    std::vector<int64_t> frames;   // each master's length (at the album's rate here)
    std::string problem;       // why it could not be prepared, naming the track; then nothing else is set
};

class AlbumPreview
{
public:
    explicit AlbumPreview (std::filesystem::path cacheFolder);
    ~AlbumPreview();

    // `album`: sources absolute, at the rate it will play at.
    void prepare (AlbumDocument album);

    struct Progress
    {
        std::string stage;
        double fraction = 0;
        bool busy = false;
    };
    Progress progress() const;
    // The newest finished preparation, once (none while working or after taking it).
    std::optional<AlbumPreviewResult> takeResult();
    // Blocks until idle (tests and the screenshot tool); false on timeout.
    bool waitUntilIdle (int timeoutMs);

private:
    void run();

    MasterCache cache;
    mutable std::mutex lock;   // guards everything below; never held while working
    std::condition_variable changed;
    std::optional<AlbumDocument> request;
    std::optional<AlbumPreviewResult> result;
    Progress now;
    bool quitting = false;
    std::atomic<bool> cancel { false };
    std::thread worker;
};
} // namespace crest
