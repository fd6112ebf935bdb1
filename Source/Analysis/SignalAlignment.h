// How far one programme is shifted against another (a master against its
// mix, a reference against a master, an encoded copy against its
// original): the lag of the largest phase-transform cross-correlation
// (GCC-PHAT) of their mono sums, found by FFT (FFTW) over a window of
// each, within a largest offset. A
// master made elsewhere may be late by its chain's latency; an MP3 by its
// encoder's delay. Off the audio thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>

namespace crest
{
struct Alignment
{
    int64_t offsetFrames = 0;   // b[n + offset] lines up with a[n]; negative: b is early
    double correlation = 0;     // at that lag, normalised (1: identical up to gain)
};

Alignment alignSignals (std::span<const float> a, std::span<const float> b, int64_t maxOffsetFrames);

// The first `windowSeconds` of each file (their mono sums), within
// ±maxOffsetSeconds. Throws CrestError naming a file that cannot be read.
Alignment alignFiles (const std::filesystem::path& a, const std::filesystem::path& b, double maxOffsetSeconds = 1.0,
                      double windowSeconds = 30.0);
} // namespace crest
