#include "AudioFileCopy.h"

#include "AudioFileReader.h"

#include <vector>

namespace crest
{
void copyAudioFile (const std::filesystem::path& from, const OutputTarget& to, const OutputFormat& format,
                    const std::optional<BroadcastLoudness>& loudness)
{
    AudioFileReader reader (from);
    const auto& info = reader.info();
    AudioFileWriter writer (to, format, info.channels, info.sampleRate);
    if (loudness)
        writer.setBroadcastLoudness (*loudness);
    constexpr int64_t block = 16384;
    std::vector<float> buffer ((size_t) (block * info.channels));
    for (int64_t done = 0; done < info.frames;)
    {
        const auto n = std::min (block, info.frames - done);
        reader.readInterleaved (buffer.data(), n);
        writer.writeInterleaved (buffer.data(), n);
        done += n;
    }
    writer.commit();
}
} // namespace crest
