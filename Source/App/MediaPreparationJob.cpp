#include "MediaPreparationJob.h"

#include "Core/CrestError.h"
#include "IO/AudioFileReader.h"

#include <set>

namespace crest
{
namespace
{
    std::set<std::string> clipFiles (const SessionDocument& session)
    {
        std::set<std::string> files;
        for (const auto& track : session.tracks)
            for (const auto& clip : track.clips)
                files.insert (clip.file);
        return files;
    }
} // namespace

MediaPreparationJob::MediaPreparationJob (SessionDocument s, MediaPool& pool, juce::Component* centreAround)
    : juce::ThreadWithProgressWindow ("Preparing media", true, true, 10000, "Cancel", centreAround),
      session (std::move (s)),
      media (pool)
{
    setStatusMessage ("Converting clips to the session's sample rate ...");
}

bool MediaPreparationJob::isNeeded (const SessionDocument& session)
{
    for (const auto& file : clipFiles (session))
    {
        try
        {
            if (readAudioFileInfo (file).sampleRate != session.sampleRate)
                return true;
        }
        catch (const CrestError&)
        {
            // Offline media is reported when the plan is built.
        }
    }
    return false;
}

void MediaPreparationJob::run()
{
    const auto files = clipFiles (session);
    size_t index = 0;
    for (const auto& file : files)
    {
        if (threadShouldExit())
            return;
        media.resolve (file, session.sampleRate, [this, index, count = files.size()] (const std::string& what, double fraction) {
            setStatusMessage (juce::String::fromUTF8 (what.c_str()) + " ...");
            setProgress (((double) index + fraction) / (double) count);
        });
        ++index;
    }
}

void MediaPreparationJob::threadComplete (bool userPressedCancel)
{
    if (onFinished)
        onFinished (userPressedCancel, session);
}
} // namespace crest
