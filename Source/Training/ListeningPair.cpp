#include "ListeningPair.h"

#include "Analysis/LoudnessMeter.h"
#include "Analysis/SignalAlignment.h"
#include "Core/CrestError.h"
#include "IO/AudioFileReader.h"
#include "IO/AudioFileWriter.h"
#include "IO/FileSync.h"
#include "IO/SampleRateConverter.h"
#include "IO/ScratchFiles.h"

#include <cmath>
#include <cstdio>
#include <vector>

namespace crest
{
namespace
{
    // Reads frames [from, from + count) as stereo (mono to both sides);
    // past the file's end is silence, but the passage must start inside it.
    ComparisonPlayer::Programme readPassage (const std::filesystem::path& playable, const std::filesystem::path& named, int64_t from, int64_t count)
    {
        AudioFileReader reader (playable);
        const auto& info = reader.info();
        if (from >= info.frames)
        {
            char length[32];
            std::snprintf (length, sizeof (length), "%.1f", (double) info.frames / info.sampleRate);
            throw CrestError (named, std::string ("ends before the passage to compare (it is ") + length + " s long)");
        }
        const auto available = std::min (count, info.frames - std::max<int64_t> (0, from));
        std::vector<float> interleaved ((size_t) (available * info.channels));
        reader.seek (std::max<int64_t> (0, from));
        reader.readInterleaved (interleaved.data(), available);
        ComparisonPlayer::Programme p;
        p.left.assign ((size_t) count, 0.0f);
        p.right.assign ((size_t) count, 0.0f);
        const int64_t shift = from < 0 ? -from : 0;   // a late B read from before its start: silence first
        for (int64_t i = 0; i < available && i + shift < count; ++i)
        {
            p.left[(size_t) (i + shift)] = interleaved[(size_t) (i * info.channels)];
            p.right[(size_t) (i + shift)] = interleaved[(size_t) (i * info.channels + std::min (1, info.channels - 1))];
        }
        return p;
    }

    double loudnessOf (const ComparisonPlayer::Programme& p, double rate)
    {
        LoudnessMeter meter (2, rate);
        std::vector<float> interleaved (p.left.size() * 2);
        for (size_t i = 0; i < p.left.size(); ++i)
        {
            interleaved[2 * i] = p.left[i];
            interleaved[2 * i + 1] = p.right[i];
        }
        meter.add (interleaved.data(), (int64_t) p.left.size());
        return meter.reading().integratedLufs;
    }

    std::vector<float> monoOf (const ComparisonPlayer::Programme& p)
    {
        std::vector<float> mono (p.left.size());
        for (size_t i = 0; i < mono.size(); ++i)
            mono[i] = 0.5f * (p.left[i] + p.right[i]);
        return mono;
    }

    const MediaSource& playable (const std::filesystem::path& file, double rate, MediaPool& media)
    {
        const auto& source = media.resolve (file, rate);
        if (! source.online)
            throw CrestError (source.problem);
        return source;
    }
} // namespace

ListeningPair prepareListeningPair (const std::filesystem::path& a, const std::filesystem::path& b, double startSeconds, double seconds,
                                    double sampleRate, MediaPool& media)
{
    ListeningPair pair;
    pair.sampleRate = sampleRate;
    const auto from = (int64_t) std::llround (std::max (0.0, startSeconds) * sampleRate);
    const auto count = (int64_t) std::llround (std::clamp (seconds, 1.0, ComparisonPlayer::maxSeconds) * sampleRate);
    const auto& sourceA = playable (a, sampleRate, media);
    const auto& sourceB = playable (b, sampleRate, media);
    pair.a = readPassage (sourceA.playable, a, from, count);
    // B's same passage tells how late it is (up to a second either way);
    // then it is read again from where A's passage really is in it.
    const auto reach = (int64_t) sampleRate;
    const auto same = readPassage (sourceB.playable, b, from, count);
    pair.offsetFrames = alignSignals (monoOf (pair.a), monoOf (same), reach).offsetFrames;
    pair.b = pair.offsetFrames == 0 ? same : readPassage (sourceB.playable, b, from + pair.offsetFrames, count);

    const double loudnessA = loudnessOf (pair.a, sampleRate), loudnessB = loudnessOf (pair.b, sampleRate);
    if (! std::isfinite (loudnessA))
        throw CrestError (a, "is silent in the passage to compare");
    if (! std::isfinite (loudnessB))
        throw CrestError (b, "is silent in the passage to compare");
    pair.matchGainDb = loudnessA - loudnessB;
    pair.b.gain = (float) std::pow (10.0, pair.matchGainDb / 20.0);
    return pair;
}

ComparisonPlayer::Programme preparePassage (const std::filesystem::path& file, double startSeconds, double seconds, double sampleRate,
                                            MediaPool& media)
{
    const auto from = (int64_t) std::llround (std::max (0.0, startSeconds) * sampleRate);
    const auto count = (int64_t) std::llround (std::clamp (seconds, 1.0, ComparisonPlayer::maxSeconds) * sampleRate);
    auto passage = readPassage (playable (file, sampleRate, media).playable, file, from, count);
    if (! std::isfinite (loudnessOf (passage, sampleRate)))
        throw CrestError (file, "is silent in the passage to play");
    return passage;
}

std::filesystem::path lossyCopy (const std::filesystem::path& source, int kbps, const std::filesystem::path& folder)
{
    const auto target = folder / (source.stem().string() + "-" + std::to_string (kbps) + "kbps.mp3");
    // MP3 stops at 48 kHz: a higher rate is converted first, as a
    // streaming service's encoder would.
    constexpr double mp3MaxRate = 48000;
    ScratchFiles converted;
    auto input = source;
    if (readAudioFileInfo (source).sampleRate > mp3MaxRate)
    {
        input = converted.add (target, "48k.wav");
        convertSampleRate (source, input, mp3MaxRate);
    }
    AudioFileReader reader (input);
    const auto& info = reader.info();
    if (info.channels > 2)
        throw CrestError (source, "has " + std::to_string (info.channels) + " channels; the MP3 copy is made of stereo or mono programmes");
    OutputFormat format { Container::mp3, SampleEncoding::int16 };
    format.mp3BitrateKbps = kbps;
    AudioFileWriter writer (target, format, info.channels, info.sampleRate);
    std::vector<float> block ((size_t) (16384 * info.channels));
    for (int64_t done = 0; done < info.frames; done += 16384)
    {
        const auto n = std::min<int64_t> (16384, info.frames - done);
        reader.readInterleaved (block.data(), n);
        writer.writeInterleaved (block.data(), n);
    }
    writer.commit();
    return target;
}
} // namespace crest
