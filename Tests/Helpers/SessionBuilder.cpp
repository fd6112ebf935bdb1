#include "SessionBuilder.h"

#include "IO/AudioFileReader.h"
#include "IO/SampleRateConverter.h"

namespace crest::test
{
SessionDocument sessionOf (const std::vector<std::filesystem::path>& files, double sampleRate)
{
    SessionDocument session;
    session.sampleRate = sampleRate;
    int n = 0;
    for (const auto& file : files)
    {
        const auto info = readAudioFileInfo (file);
        TrackDocument track;
        track.id = "t" + std::to_string (++n);
        track.name = file.stem().string();
        track.channels = info.channels == 1 ? 1 : 2;
        track.clips.push_back ({ file.string(), 0, 0, convertedLength (info.frames, info.sampleRate, sampleRate), 0.0, 0, 0 });
        session.tracks.push_back (track);
    }
    return session;
}
} // namespace crest::test
