// The first half of an album render, shared by `crest album render` and
// the app's Album view: each track's source brought to the album's rate
// (a session rendered through its own master first), mastered by its
// chain, laid on the timeline, and given the loudness strategy's gain;
// and the program assembled from those masters (AlbumAssembler, the code
// the live playback runs) and measured, whole and per track.
//
// A MasterCache keeps masters between runs, keyed by everything that
// makes them (the source and its date, the chain, the trim, the target):
// the app re-masters only the tracks an edit changed, and a reorder or a
// new gap re-masters nothing. A run that finishes drops the masters
// neither it nor the run before used, so the cache holds two album's worth at most. Off the audio thread. JUCE-free.
#pragma once

#include "AlbumLayout.h"

#include "Analysis/LoudnessMeter.h"
#include "Mastering/FileMastering.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace crest
{
// Masters made before, in their own folder (removed with the cache).
class MasterCache
{
public:
    explicit MasterCache (std::filesystem::path folder);
    ~MasterCache();
    const std::filesystem::path& folder() const noexcept { return where; }

    struct Entry
    {
        std::filesystem::path file;
        MasterReport report;
    };
    std::optional<Entry> find (const std::string& key) const;
    // A file for `key`, in the cache's folder, to write before keep().
    std::filesystem::path fileFor (const std::string& key);
    void keep (const std::string& key, Entry entry);
    // After a whole run: drops every entry neither it nor the run before
    // used, and their files (the previous run's masters may still be playing).
    void forgetUnused();

private:
    std::filesystem::path where;
    mutable std::mutex lock;
    std::map<std::string, Entry> entries;
    mutable std::map<std::string, int> lastUsed;   // the run that last used each entry
    int run = 0;
    std::map<std::string, std::filesystem::path> names;
    int made = 0;
};

struct AlbumMasters
{
    std::vector<std::filesystem::path> files;   // per track: its master (float WAV) at the album's rate
    std::vector<MasterReport> reports;           // the master's own (before a plain strategy gain)
    AlbumLayout layout;
    std::vector<double> gainsDb;                 // the assembler's per-track gains (a strategy's move down)
    std::vector<double> strategyGainDb;          // what the strategy moved each track by, in all
};

struct AlbumMastersRequest
{
    AlbumDocument album;                          // sources absolute
    std::filesystem::path work;                   // scratch files (the caller removes it)
    bool cd = false;                              // marks on CD frames
    int jobs = 1;                                 // tracks mastered at once; the same bytes for any count
    MasterCache* cache = nullptr;                 // none: everything is mastered afresh into `work`
    const std::atomic<bool>* cancel = nullptr;    // set: stops before the next track, throwing CrestError
    std::function<void (const std::string& stage, double fraction)> progress;
};

// Throws CrestError naming the track (a missing or unreadable source, too
// many channels, too low a rate, a layout that cannot be).
AlbumMasters masterAlbumTracks (const AlbumMastersRequest& request);

struct AlbumProgram
{
    LoudnessReading album {};
    std::vector<LoudnessReading> tracks;   // each from its mark to its end, as it plays on the album
    double guardDb = 0;                    // the guard limiter's deepest reduction
};

// The program from the masters, through a true-peak limiter at
// `guardCeiling` when given, into `output` (float WAV) when not empty,
// measured whole and per track either way.
AlbumProgram assembleAlbum (const AlbumLayout& layout, const std::vector<double>& gainsDb,
                            const std::vector<std::filesystem::path>& masters, const std::filesystem::path& output,
                            double sampleRate, std::optional<double> guardCeiling, const std::function<void (double)>& progress);

// The album with every time moved to `sampleRate` (the nearest sample),
// for playing it on a device that runs at another rate.
AlbumDocument albumAtRate (AlbumDocument album, double sampleRate);
} // namespace crest
