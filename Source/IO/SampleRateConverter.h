// Converts an audio file to another sample rate with libsoxr (very high
// quality), streaming in blocks so memory stays flat for any length. The
// result is a 32-bit float WAV written atomically. Off the audio thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

namespace crest
{
// progress receives 0..1; returns the number of frames written. NaN and
// Inf in the source are converted as silence (they would smear across the
// filter); nonFiniteSamples, if given, receives how many there were.
int64_t convertSampleRate (const std::filesystem::path& source, const std::filesystem::path& destination,
                           double targetRate, const std::function<void (double)>& progress = {},
                           int64_t* nonFiniteSamples = nullptr);

// Frames a file of `frames` at `fromRate` has at `toRate`.
int64_t convertedLength (int64_t frames, double fromRate, double toRate) noexcept;
} // namespace crest
