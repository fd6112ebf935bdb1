// Reads any audio file libsndfile can decode (WAV/BWF, AIFF, FLAC, Ogg
// Vorbis/Opus, MP3) as interleaved float. Never used on the audio thread:
// the disk streamer and the importers own readers.
//
// Opening validates the file up front and throws CrestError with a message
// naming the file and the problem: missing, empty, not audio, truncated,
// not a regular file (a pipe or device would hang or never end).
// This file is JUCE-free so the fuzzers can build it with clang alone.
#pragma once

#include "AudioFileInfo.h"

#include <filesystem>
#include <memory>

namespace crest
{
class AudioFileReader
{
public:
    explicit AudioFileReader (const std::filesystem::path& file);
    ~AudioFileReader();

    AudioFileReader (const AudioFileReader&) = delete;
    AudioFileReader& operator= (const AudioFileReader&) = delete;

    const AudioFileInfo& info() const noexcept { return fileInfo; }
    const std::filesystem::path& path() const noexcept { return filePath; }

    void seek (int64_t frame);

    // Reads up to `frames` interleaved frames into dest (frames * channels
    // floats). Throws if the file ends or fails before `frames` were read
    // while the header promised them. NaN and Inf samples (a float file
    // can hold them) are read as silence and counted.
    void readInterleaved (float* dest, int64_t frames);

    // Non-finite samples met so far, and the frame of the first (-1: none).
    int64_t nonFiniteSamples() const noexcept { return nonFiniteCount; }
    int64_t firstNonFiniteFrame() const noexcept { return firstNonFinite; }
    // Only a floating-point file can hold NaN or Inf.
    bool isFloatingPoint() const noexcept { return floatingPoint; }

private:
    struct Handle;
    std::filesystem::path filePath;
    std::unique_ptr<Handle> handle;
    AudioFileInfo fileInfo;
    int64_t position = 0;
    bool floatingPoint = false;
    int64_t nonFiniteCount = 0, firstNonFinite = -1;
};

// Convenience for tools and tests: the info of a file, validated.
AudioFileInfo readAudioFileInfo (const std::filesystem::path& file);

// True if `file` opens as audio (the check before replacing an output).
bool isReadableAudioFile (const std::filesystem::path& file);

// Reads a floating-point file through and says how many samples are NaN or
// Inf, naming the file and where the first is ("" for an integer file or a
// clean one). For import and before a render; never the audio thread.
std::string describeNonFiniteSamples (const std::filesystem::path& file);

// What a render or playback says of a file found holding NaN or Inf.
std::string nonFiniteWarning (const std::filesystem::path& file);
} // namespace crest
