// A waveform's outline for drawing: the minimum and maximum of every 256
// frames of each channel (and of every 4096, so a whole song across a
// screen costs a few thousand reads, not millions). Built by reading the
// file through once; saved to a small cache file keyed by the media's
// identity (path, rate, size, time), so a session opens with its
// waveforms at once the second time.
//
// Any thread but the audio thread. JUCE-free.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace crest
{
class PeakOverview
{
public:
    static constexpr int64_t fineFrames = 256;
    static constexpr int64_t coarseFrames = 4096;

    struct Range
    {
        float low = 0.0f, high = 0.0f;
    };

    // Reads `file` through. `progress` gets 0..1 as it goes; `cancel`
    // stops it early (then it throws CrestError). Throws CrestError naming
    // the file if it cannot be read.
    static PeakOverview build (const std::filesystem::path& file, const std::function<void (double)>& progress = {},
                               const std::atomic<bool>* cancel = nullptr);

    // The cache: a file holding `identity` and the fine level. load()
    // returns nothing for a missing, damaged or stale file (another
    // identity), never throws; save() writes a temporary file and renames
    // it, and returns false (leaving nothing behind) if it cannot.
    bool save (const std::filesystem::path& cacheFile, const std::string& identity) const;
    static std::optional<PeakOverview> load (const std::filesystem::path& cacheFile, const std::string& identity);
    // A cache file name for an identity: a hash, so any path fits.
    static std::string cacheNameFor (const std::string& identity);

    int channels() const noexcept { return numChannels; }
    int64_t frames() const noexcept { return numFrames; }

    // The lowest and highest sample of `channel` over frames [from, to),
    // to the resolution of the fine level (a range inside one bucket
    // reports the bucket's). Outside the file: silence.
    Range range (int channel, int64_t from, int64_t to) const noexcept;

private:
    void deriveCoarse();
    static Range scan (const std::vector<int16_t>& level, int channels, int channel, int64_t firstBucket, int64_t lastBucket) noexcept;

    int numChannels = 0;
    int64_t numFrames = 0;
    // [bucket][channel][low, high], as 16-bit fractions of full scale.
    std::vector<int16_t> fine, coarse;
};
} // namespace crest
