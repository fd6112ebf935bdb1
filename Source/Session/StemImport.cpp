#include "StemImport.h"

#include "Core/ByteText.h"
#include "Core/ParameterSpec.h"
#include "IO/AudioFileReader.h"
#include "IO/SampleRateConverter.h"
#include "NewSession.h"

namespace crest
{
namespace fs = std::filesystem;

namespace
{
    // Track names are display text: a file name that is not UTF-8 keeps
    // its bytes in the clip's path, and a readable escaped name on the strip.
    std::string displayName (const fs::path& file)
    {
        const auto stem = file.stem().string();
        return isValidUtf8 (stem) ? stem : percentEscapeBytes (stem);
    }
} // namespace

StemImport sessionFromStems (const std::vector<fs::path>& files, double sessionRate)
{
    std::vector<AudioFileInfo> infos;
    for (const auto& file : files)
        infos.push_back (readAudioFileInfo (file));

    StemImport result;
    auto& session = result.session;
    session.sampleRate = sessionRate > 0 ? params::sampleRate.clamp (sessionRate)
                         : infos.empty() ? params::sampleRate.defaultValue
                                         : params::sampleRate.clamp (infos.front().sampleRate);
    for (size_t i = 0; i < files.size(); ++i)
    {
        const auto& info = infos[i];
        if (auto nonFinite = describeNonFiniteSamples (files[i]); ! nonFinite.empty())
            result.warnings.push_back (std::move (nonFinite));
        if (info.channels > 2)
            result.warnings.push_back (files[i].string() + ": has " + std::to_string (info.channels)
                                       + " channels; its track plays only the first two");
        TrackDocument track;
        track.id = "t" + std::to_string (i + 1);
        track.name = displayName (files[i]);
        track.channels = info.channels == 1 ? 1 : 2;
        track.clips.push_back ({ fs::absolute (files[i]).lexically_normal().string(), 0, 0,
                                 convertedLength (info.frames, info.sampleRate, session.sampleRate), 0.0, 0, 0 });
        session.tracks.push_back (std::move (track));
    }
    addDefaultReturns (session);
    return result;
}

AudioImport importAudioFiles (const std::vector<fs::path>& files, double sessionRate)
{
    AudioImport result;
    for (const auto& file : files)
    {
        try
        {
            auto one = sessionFromStems ({ file }, sessionRate);
            result.tracks.push_back (std::move (one.session.tracks.front()));
            result.warnings.insert (result.warnings.end(), one.warnings.begin(), one.warnings.end());
        }
        catch (const std::exception& e)
        {
            result.problems.push_back (e.what());
        }
    }
    return result;
}
} // namespace crest
