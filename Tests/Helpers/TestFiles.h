// Test fixtures made on the fly: a temporary folder that cleans up after
// itself, generated audio files, and reading a whole file back.
#pragma once

#include "IO/OutputFormat.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace crest::test
{
class TempFolder
{
public:
    TempFolder();
    ~TempFolder();
    const std::filesystem::path& path() const noexcept { return folder; }
    std::filesystem::path operator/ (const std::string& name) const { return folder / name; }

private:
    std::filesystem::path folder;
};

// Writes `frames` frames of generator(frame, channel) as 32-bit float.
void writeAudio (const std::filesystem::path& file, int channels, double sampleRate, int64_t frames,
                 const std::function<float (int64_t, int)>& generator, OutputFormat format = { Container::wav, SampleEncoding::float32 });

void writeSine (const std::filesystem::path& file, double sampleRate, double frequency, double amplitude, double seconds);

struct AudioData
{
    int channels = 0;
    double sampleRate = 0;
    std::vector<float> samples;   // interleaved
    int64_t frames() const noexcept { return channels > 0 ? (int64_t) samples.size() / channels : 0; }
};

AudioData readAudio (const std::filesystem::path& file);
std::string readBytes (const std::filesystem::path& file);
void writeBytes (const std::filesystem::path& file, const std::string& bytes);
} // namespace crest::test
