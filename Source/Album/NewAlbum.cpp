#include "NewAlbum.h"

#include "RedBook.h"

#include "Core/CrestError.h"
#include "IO/AudioFileReader.h"
#include "Mastering/ChainPresets.h"
#include "Session/SessionFile.h"

#include <cmath>

namespace crest
{
AlbumDocument newAlbum (const std::vector<std::filesystem::path>& sources, bool cd, const std::string& title, const std::string& performer)
{
    AlbumDocument album;
    album.title = title;
    album.performer = performer;
    album.sharedChain = defaultMasteringChain();
    album.strategy = LoudnessStrategy::album;
    album.targetLufs = -14.0;
    album.ceilingDbtp = -1.0;
    album.sampleRate = cd ? cdSampleRate : 48000.0;
    if (! cd && ! sources.empty() && sources.front().extension() != sessionExtension)
    {
        try
        {
            album.sampleRate = AudioFileReader (sources.front()).info().sampleRate;
        }
        catch (const CrestError&)
        {
            // The render names an unreadable source; the album is still made.
        }
    }
    for (const auto& s : sources)
    {
        AlbumTrack t;
        t.id = album.freshTrackId();
        t.source = std::filesystem::absolute (s);
        t.title = t.source.stem().string();
        t.performer = performer;
        t.gapBeforeSamples = (int64_t) std::llround (2.0 * album.sampleRate);
        album.tracks.push_back (t);
    }
    return album;
}
} // namespace crest
