// Builds a session from audio files, one track per file: the job of
// `crest new --stems` (and of the app's import, later). Every file is read
// and validated first (a zero-length, truncated, special or unreadable
// file stops the import, naming it); then the session's rate is fixed (the
// one asked for, or the first file's brought into the supported range);
// only then are clip lengths computed, at the rate the session will really
// play, so each clip lasts exactly as long as its media after conversion.
// Any thread but the audio thread. JUCE-free.
#pragma once

#include "SessionDocument.h"

#include <filesystem>
#include <string>
#include <vector>

namespace crest
{
struct StemImport
{
    SessionDocument session;
    std::vector<std::string> warnings;   // NaN/Inf found, channels that will not play: one line each
};

// sessionRate 0: from the first file.
StemImport sessionFromStems (const std::vector<std::filesystem::path>& files, double sessionRate = 0.0);

// Importing into an open session (the app's drop and Import Audio): each
// file on its own, so one bad file is named in `problems` and the rest
// still come in, a track each, clip at zero, lengths at `sessionRate`.
struct AudioImport
{
    std::vector<TrackDocument> tracks;
    std::vector<std::string> problems;   // a file that cannot be read, and why
    std::vector<std::string> warnings;
};
AudioImport importAudioFiles (const std::vector<std::filesystem::path>& files, double sessionRate);
} // namespace crest
