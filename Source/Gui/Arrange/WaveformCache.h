// The arrange view's waveforms: one PeakOverview per media file, built on
// a background thread (a file at a time, the most recently asked first)
// and kept in a cache folder beside the session ("<folder>/.crest-peaks"),
// or in Crest's cache folder while the session is untitled or its folder
// cannot be written. A view asks with find(); until the overview is ready
// the lane draws a flat line where the waveform will be, and onChange
// tells it to repaint.
//
// Message thread, except the worker, which touches only the queue and
// the results under a lock the message thread holds for a copy or a
// pointer swap, never during a read.
#pragma once

#include "Analysis/PeakOverview.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace crest
{
class WaveformCache : private juce::Thread, private juce::AsyncUpdater
{
public:
    WaveformCache();
    ~WaveformCache() override;

    // Where overviews are saved (empty: Crest's cache folder). Already
    // built overviews stay in memory.
    void setSessionFile (const std::filesystem::path& sessionFile);
    // For files that do not outlive the app (the album's masters): their
    // overviews are built and held in memory, never saved.
    void keepInMemoryOnly() { std::lock_guard<std::mutex> guard (lock); persistent = false; }
    // Drops every overview but these (by identity), so memory follows what is shown.
    void retainOnly (const std::set<std::string>& identities);

    // The outline of `playable` (a file at the session's rate), whose
    // identity (see MediaSource) changes when the file does; null while it
    // is being built or if it cannot be read.
    std::shared_ptr<const PeakOverview> find (const std::filesystem::path& playable, const std::string& identity);

    // What the worker is doing, for a progress line: the file's name and
    // how far (0..1), or an empty name when idle.
    struct Activity
    {
        juce::String file;
        double fraction = 0.0;
        int waiting = 0;
    };
    Activity activity() const;

    std::function<void()> onChange;   // an overview arrived, or the activity moved on

    // Blocks until nothing is queued (tests and the screenshot tool).
    bool waitUntilIdle (int timeoutMs);

private:
    struct Job
    {
        std::filesystem::path playable;
        std::string identity;
    };
    void run() override;
    void handleAsyncUpdate() override;
    std::filesystem::path cacheFolder() const;

    mutable std::mutex lock;   // guards everything below
    std::map<std::string, std::shared_ptr<const PeakOverview>> ready;   // by identity
    std::map<std::string, juce::String> failed;                         // by identity: why
    std::vector<Job> queue;
    std::filesystem::path sessionFolder;
    bool persistent = true;
    Activity current;
    std::atomic<bool> cancelBuild { false };
    juce::WaitableEvent workArrived;
};
} // namespace crest
