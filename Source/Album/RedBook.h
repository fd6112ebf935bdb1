// The Red Book's (IEC 60908) rules a CD master must keep, checked before
// anything is written, each broken one a message naming the track and the
// rule: 44.1 kHz, 1 to 99 tracks, every track at least 4 s from its mark
// to the next, every mark on a CD frame (1/75 s), 2 s of silence before
// track 1, and no more than 80 minutes in all. (16-bit is the render's
// own format.) JUCE-free.
#pragma once

#include "AlbumLayout.h"

#include <string>
#include <vector>

namespace crest
{
inline constexpr double cdSampleRate = 44100.0;
inline constexpr size_t cdMaxTracks = 99;
inline constexpr double cdMinTrackSeconds = 4.0;
inline constexpr double cdPreGapSeconds = 2.0;
inline constexpr double cdMaxMinutes = 80.0;

// What can be told before laying out: the rate and the track count.
std::vector<std::string> redBookPrecheck (const AlbumDocument& album);
// The rest, on the album's layout on CD frames.
std::vector<std::string> redBookViolations (const AlbumDocument& album, const AlbumLayout& layout);
} // namespace crest
