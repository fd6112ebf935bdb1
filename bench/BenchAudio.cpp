#include "BenchAudio.h"

#include "IO/AudioFileReader.h"
#include "IO/AudioFileWriter.h"

#include <chrono>
#include <cstdlib>

namespace crest::bench
{
std::vector<float> threeMinutesOf (const std::filesystem::path& demoMix, const std::filesystem::path& out)
{
    AudioFileReader reader (demoMix);
    std::vector<float> one ((size_t) (reader.info().frames * 2));
    reader.readInterleaved (one.data(), reader.info().frames);
    std::vector<float> audio ((size_t) (rate * threeMinutes * 2));
    for (size_t i = 0; i < audio.size(); ++i)
        audio[i] = one[i % one.size()];
    AudioFileWriter writer (out, { Container::wav, SampleEncoding::float32 }, 2, rate);
    writer.writeInterleaved (audio.data(), (int64_t) audio.size() / 2);
    writer.commit();
    return audio;
}

double bestWallTime (const std::string& command)
{
    double best = 1e9;
    for (int run = 0; run < 3; ++run)
    {
        const auto start = std::chrono::steady_clock::now();
        const int status = std::system ((command + " >/dev/null 2>&1").c_str());
        const double t = std::chrono::duration<double> (std::chrono::steady_clock::now() - start).count();
        if (status == 0)
            best = std::min (best, t);
    }
    return best;
}

std::string quoted (const std::filesystem::path& p)
{
    return "'" + p.string() + "'";
}
} // namespace crest::bench
