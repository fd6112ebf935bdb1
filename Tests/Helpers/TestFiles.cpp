#include "TestFiles.h"

#include "IO/AudioFileReader.h"
#include "IO/AudioFileWriter.h"

#include <cmath>
#include <fstream>
#include <numbers>
#include <random>
#include <sstream>

namespace crest::test
{
namespace fs = std::filesystem;

TempFolder::TempFolder()
{
    static std::mt19937_64 names { std::random_device {}() };
    folder = fs::temp_directory_path() / ("crest-test-" + std::to_string (names()));
    fs::create_directories (folder);
}

TempFolder::~TempFolder()
{
    std::error_code ec;
    fs::remove_all (folder, ec);
}

void writeAudio (const fs::path& file, int channels, double sampleRate, int64_t frames,
                 const std::function<float (int64_t, int)>& generator, OutputFormat format)
{
    std::vector<float> data ((size_t) (frames * channels));
    for (int64_t i = 0; i < frames; ++i)
        for (int ch = 0; ch < channels; ++ch)
            data[(size_t) (i * channels + ch)] = generator (i, ch);
    AudioFileWriter writer (file, format, channels, sampleRate);
    writer.writeInterleaved (data.data(), frames);
    writer.commit();
}

void writeSine (const fs::path& file, double sampleRate, double frequency, double amplitude, double seconds)
{
    writeAudio (file, 1, sampleRate, (int64_t) (seconds * sampleRate), [&] (int64_t i, int) {
        return (float) (amplitude * std::sin (2.0 * std::numbers::pi * frequency * (double) i / sampleRate));
    });
}

AudioData readAudio (const fs::path& file)
{
    AudioFileReader reader (file);
    AudioData data;
    data.channels = reader.info().channels;
    data.sampleRate = reader.info().sampleRate;
    data.samples.resize ((size_t) (reader.info().frames * data.channels));
    reader.readInterleaved (data.samples.data(), reader.info().frames);
    return data;
}

std::string readBytes (const fs::path& file)
{
    std::ifstream in (file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeBytes (const fs::path& file, const std::string& bytes)
{
    std::ofstream out (file, std::ios::binary);
    out << bytes;
}
} // namespace crest::test
