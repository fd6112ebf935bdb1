// What Crest knows about an audio file without decoding it.
#pragma once

#include <cstdint>
#include <string>

namespace crest
{
struct AudioFileInfo
{
    int64_t frames = 0;
    int channels = 0;
    double sampleRate = 0.0;
    std::string format;    // e.g. "WAV (Microsoft)"
    std::string encoding;  // e.g. "Signed 24 bit PCM"

    double durationSeconds() const noexcept { return sampleRate > 0 ? (double) frames / sampleRate : 0.0; }
};
} // namespace crest
