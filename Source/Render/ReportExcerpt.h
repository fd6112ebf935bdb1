// A short excerpt of a mix, its master and their difference, for a report
// to play: the window where mastering changed the most (the most energy
// in the loudness-matched difference, as the A/B switch's Difference
// plays it: g·master − mix, the master aligned), encoded as MP3 (every
// browser plays it) at 320 kbps; a programme above 48 kHz is converted to
// 48 kHz first. Off the audio thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace crest
{
struct ReportExcerpt
{
    double startSeconds = 0, seconds = 0;   // in the mix's time
    std::string mixMp3, masterMp3, differenceMp3;   // the encoded bytes
};

// masterOffsetFrames: the master's lag behind the mix (SignalAlignment);
// matchGainDb: brings the master to the mix's loudness. Scratch files go
// into `scratchFolder` and are removed. Throws CrestError naming a file
// that cannot be read or written.
ReportExcerpt makeReportExcerpt (const std::filesystem::path& mix, const std::filesystem::path& master, int64_t masterOffsetFrames,
                                 double matchGainDb, double seconds, const std::filesystem::path& scratchFolder,
                                 const std::function<void (double)>& progress = {});
} // namespace crest
