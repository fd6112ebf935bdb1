#include "FileAnalysis.h"

#include "Core/CrestError.h"
#include "IO/AudioFileReader.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace crest
{
namespace
{
    // Full scale as a 16-bit file reaches it (32767 / 32768): a sample at or
    // above this, in a run of three, is taken for clipping.
    constexpr float fullScale = 0.99996f;
    constexpr int64_t clipRun = 3;
} // namespace

FileAnalysis analyzeFile (const std::filesystem::path& file, ChannelCounting counting, const std::function<void (double)>& progress,
                          BalanceMeasurement balance)
{
    AudioFileReader reader (file);
    FileAnalysis analysis;
    analysis.file = file;
    analysis.info = reader.info();
    const int channels = analysis.info.channels;
    std::unique_ptr<LoudnessMeter> meter;
    try
    {
        meter = std::make_unique<LoudnessMeter> (channels, analysis.info.sampleRate, counting);
    }
    catch (const CrestError& e)
    {
        throw CrestError (file, e.what());
    }
    analysis.layout = meter->layoutDescription();
    std::unique_ptr<ProgramBalanceMeter> balanceMeter;
    std::unique_ptr<AverageSpectrumMeter> spectrumMeter;
    if (balance == BalanceMeasurement::measure && channels <= 2)
    {
        balanceMeter = std::make_unique<ProgramBalanceMeter> (channels, analysis.info.sampleRate);
        spectrumMeter = std::make_unique<AverageSpectrumMeter> (channels, analysis.info.sampleRate);
    }

    const auto curveStepFrames = std::max<int64_t> (1, std::llround (FileAnalysis::curveStepSeconds * analysis.info.sampleRate));
    int64_t nextCurvePoint = curveStepFrames;
    constexpr int64_t block = 16384;
    std::vector<float> buffer ((size_t) (block * channels));
    std::vector<int64_t> run ((size_t) channels, 0);
    for (int64_t done = 0; done < analysis.info.frames;)
    {
        const auto n = std::min (block, analysis.info.frames - done);
        reader.readInterleaved (buffer.data(), n);
        if (balanceMeter == nullptr)
            meter->add (buffer.data(), n);
        else
            // Fed up to each step of the curve, so it is read exactly there.
            for (int64_t offset = 0; offset < n;)
            {
                const auto m = std::min (n - offset, nextCurvePoint - (done + offset));
                meter->add (buffer.data() + offset * channels, m);
                offset += m;
                if (done + offset == nextCurvePoint)
                {
                    analysis.shortTermCurve.push_back (meter->shortTermLufs());
                    nextCurvePoint += curveStepFrames;
                }
            }
        if (balanceMeter != nullptr)
        {
            balanceMeter->add (buffer.data(), n);
            spectrumMeter->add (buffer.data(), n);
        }
        for (int64_t i = 0; i < n; ++i)
            for (int ch = 0; ch < channels; ++ch)
            {
                auto& length = run[(size_t) ch];
                if (std::abs (buffer[(size_t) (i * channels + ch)]) >= fullScale)
                {
                    if (++length == clipRun)
                    {
                        ++analysis.clippedRuns;
                        analysis.clippedSamples += clipRun;
                    }
                    else if (length > clipRun)
                        ++analysis.clippedSamples;
                }
                else
                    length = 0;
            }
        done += n;
        if (progress)
            progress ((double) done / (double) analysis.info.frames);
    }
    analysis.loudness = meter->reading();
    analysis.nonFiniteSamples = reader.nonFiniteSamples();
    if (balanceMeter != nullptr)
    {
        analysis.balance = balanceMeter->balance();
        analysis.spectrum = spectrumMeter->profile();
    }
    return analysis;
}
} // namespace crest
