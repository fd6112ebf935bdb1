// Crest's built-in demo: a deterministic 32-second song in A minor at 120
// BPM, synthesised into eight stems (kick, snare, hats, bass, pad, lead, a
// sung vowel line and an effects/percussion part), plus a session that
// mixes them with its raw mix peaking at -6 dBFS. The same inputs give the
// same bytes on every machine. Off the audio thread.
#pragma once

#include "Session/SessionDocument.h"

#include <filesystem>
#include <functional>

namespace crest
{
struct DemoSong
{
    std::filesystem::path sessionFile;
    SessionDocument session;
};

inline constexpr double demoSampleRate = 48000.0;
inline constexpr double demoMixPeakDbfs = -6.0;
// The gain into the demo master's limiter that lands it on -14 LUFS.
inline constexpr double demoLimiterGainDb = 7.7;

// Writes DIR/stems/*.wav and DIR/demo.crest. progress receives 0..1. A
// file already there stops it before anything is written (CrestError
// naming the file), unless replaceExisting, and then only an audio file or
// a Crest session of that name is replaced.
DemoSong writeDemoSong (const std::filesystem::path& folder, const std::function<void (double)>& progress = {},
                        bool replaceExisting = false);
} // namespace crest
