#include "SampleRateConverter.h"

#include "AudioFileReader.h"
#include "AudioFileWriter.h"
#include "Core/CrestError.h"

#include <soxr.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace crest
{
int64_t convertedLength (int64_t frames, double fromRate, double toRate) noexcept
{
    return (int64_t) std::llround ((double) frames * toRate / fromRate);
}

int64_t convertSampleRate (const std::filesystem::path& source, const std::filesystem::path& destination,
                           double targetRate, const std::function<void (double)>& progress, int64_t* nonFiniteSamples)
{
    AudioFileReader reader (source);
    const auto& info = reader.info();
    const int channels = info.channels;
    const int64_t expected = convertedLength (info.frames, info.sampleRate, targetRate);

    soxr_error_t error = nullptr;
    const auto ioSpec = soxr_io_spec (SOXR_FLOAT32_I, SOXR_FLOAT32_I);
    const auto quality = soxr_quality_spec (SOXR_VHQ, 0);
    soxr_t resampler = soxr_create (info.sampleRate, targetRate, (unsigned) channels, &error, &ioSpec, &quality, nullptr);
    if (resampler == nullptr)
        throw CrestError (source, std::string ("cannot convert sample rate (") + error + ")");
    struct Deleter
    {
        soxr_t r;
        ~Deleter() { soxr_delete (r); }
    } cleanup { resampler };

    AudioFileWriter writer (destination, { Container::wav, SampleEncoding::float32 }, channels, targetRate);

    constexpr int64_t blockFrames = 16384;
    const size_t outCapacity = (size_t) std::ceil ((double) blockFrames * targetRate / info.sampleRate) + 64;
    std::vector<float> in ((size_t) (blockFrames * channels)), out (outCapacity * (size_t) channels);
    int64_t consumed = 0, produced = 0;

    auto emit = [&] (size_t frames) {
        const auto keep = (int64_t) std::min<int64_t> ((int64_t) frames, expected - produced);
        if (keep > 0)
        {
            writer.writeInterleaved (out.data(), keep);
            produced += keep;
        }
    };

    while (consumed < info.frames)
    {
        const auto n = std::min (blockFrames, info.frames - consumed);
        reader.readInterleaved (in.data(), n);
        consumed += n;
        size_t inputDone = 0, outputDone = 0;
        const float* input = in.data();
        size_t remaining = (size_t) n;
        while (remaining > 0)
        {
            error = soxr_process (resampler, input, remaining, &inputDone, out.data(), outCapacity, &outputDone);
            if (error != nullptr)
                throw CrestError (source, std::string ("sample-rate conversion failed (") + error + ")");
            emit (outputDone);
            input += inputDone * (size_t) channels;
            remaining -= inputDone;
        }
        if (progress)
            progress ((double) consumed / (double) std::max<int64_t> (1, info.frames));
    }

    // Drain the filter's tail, then pad if rounding left us a frame short.
    for (;;)
    {
        size_t outputDone = 0;
        error = soxr_process (resampler, nullptr, 0, nullptr, out.data(), outCapacity, &outputDone);
        if (error != nullptr)
            throw CrestError (source, std::string ("sample-rate conversion failed (") + error + ")");
        if (outputDone == 0)
            break;
        emit (outputDone);
    }
    std::fill (out.begin(), out.end(), 0.0f);
    while (produced < expected)
        emit ((size_t) std::min<int64_t> ((int64_t) outCapacity, expected - produced));

    writer.commit();
    if (nonFiniteSamples != nullptr)
        *nonFiniteSamples = reader.nonFiniteSamples();
    return produced;
}
} // namespace crest
