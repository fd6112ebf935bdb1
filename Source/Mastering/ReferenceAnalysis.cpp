#include "ReferenceAnalysis.h"

#include "Core/ClockText.h"
#include "Core/CrestError.h"
#include "IO/AudioFileReader.h"

#include <cmath>
#include <cstdio>
#include <vector>

namespace crest
{
namespace
{
    std::string clock (int64_t samples, double rate) { return clockText ((double) samples / rate, 1); }

    double sectionLoudness (const std::filesystem::path& playable, int64_t from, int64_t to)
    {
        AudioFileReader reader (playable);
        const int channels = reader.info().channels;
        LoudnessMeter meter (channels, reader.info().sampleRate);
        reader.seek (from);
        std::vector<float> block ((size_t) (16384 * channels));
        for (int64_t done = from; done < to;)
        {
            const auto n = std::min<int64_t> (16384, to - done);
            reader.readInterleaved (block.data(), n);
            meter.add (block.data(), n);
            done += n;
        }
        return meter.reading().integratedLufs;
    }
} // namespace

std::string loopProblem (const ReferenceDocument& reference, int64_t frames, double sessionRate)
{
    if (! reference.hasLoop() || reference.loopEndSample <= frames)
        return {};
    return "is " + clock (frames, sessionRate) + " long, shorter than its loop (" + clock (reference.loopStartSample, sessionRate) + " to "
           + clock (reference.loopEndSample, sessionRate) + ")";
}

ReferenceAnalysis analyseReference (const ReferenceDocument& reference, MediaPool& media, double sessionRate,
                                    const std::function<void (double)>& progress)
{
    const auto& source = media.resolve (reference.file, sessionRate);
    if (! source.online)
        throw CrestError (source.problem);
    if (source.info.channels > 2)
        throw CrestError (reference.file, "has " + std::to_string (source.info.channels)
                                              + " channels; a reference is compared as stereo or mono (fold it down first)");
    ReferenceAnalysis analysis;
    analysis.frames = source.info.frames;
    if (const auto problem = loopProblem (reference, analysis.frames, sessionRate); ! problem.empty())
        throw CrestError (reference.file, problem);
    analysis.whole = analyzeFile (source.playable, ChannelCounting::asLaidOut, progress, BalanceMeasurement::measure);
    analysis.whole.file = reference.file;
    if (! std::isfinite (analysis.whole.loudness.integratedLufs))
        throw CrestError (reference.file, "is silent (no measurable loudness): there is nothing to compare with");
    analysis.matchLufs = analysis.whole.loudness.integratedLufs;
    if (reference.hasLoop())
    {
        analysis.matchLufs = sectionLoudness (source.playable, reference.loopStartSample, reference.loopEndSample);
        if (! std::isfinite (analysis.matchLufs))
            throw CrestError (reference.file, "is silent in its loop section: choose a passage with music in it");
    }
    return analysis;
}
} // namespace crest
