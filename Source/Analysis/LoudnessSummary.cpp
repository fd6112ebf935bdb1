#include "LoudnessSummary.h"

#include "Core/CrestError.h"
#include "Core/Units.h"
#include "IO/AudioFileReader.h"

#include <ebur128.h>

#include <algorithm>
#include <vector>

namespace crest
{
LoudnessSummary measureLoudness (const std::filesystem::path& file)
{
    AudioFileReader reader (file);
    const auto& info = reader.info();
    ebur128_state* state = ebur128_init ((unsigned) info.channels, (unsigned long) info.sampleRate,
                                         EBUR128_MODE_I | EBUR128_MODE_LRA | EBUR128_MODE_TRUE_PEAK | EBUR128_MODE_SAMPLE_PEAK);
    if (state == nullptr)
        throw CrestError (file, "cannot measure loudness at this sample rate or channel count");
    struct Destroy
    {
        ebur128_state* s;
        ~Destroy() { ebur128_destroy (&s); }
    } cleanup { state };

    constexpr int64_t block = 16384;
    std::vector<float> buffer ((size_t) (block * info.channels));
    for (int64_t done = 0; done < info.frames;)
    {
        const auto n = std::min (block, info.frames - done);
        reader.readInterleaved (buffer.data(), n);
        ebur128_add_frames_float (state, buffer.data(), (size_t) n);
        done += n;
    }

    LoudnessSummary summary;
    summary.durationSeconds = info.durationSeconds();
    ebur128_loudness_global (state, &summary.integratedLufs);
    ebur128_loudness_range (state, &summary.loudnessRangeLu);
    double truePeak = 0.0, samplePeak = 0.0;
    for (unsigned ch = 0; ch < (unsigned) info.channels; ++ch)
    {
        double p = 0.0;
        ebur128_true_peak (state, ch, &p);
        truePeak = std::max (truePeak, p);
        ebur128_sample_peak (state, ch, &p);
        samplePeak = std::max (samplePeak, p);
    }
    summary.truePeakDbtp = gainToDb (truePeak);
    summary.samplePeakDbfs = gainToDb (samplePeak);
    return summary;
}
} // namespace crest
