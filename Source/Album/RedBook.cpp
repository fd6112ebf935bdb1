#include "RedBook.h"

#include <cstdio>

namespace crest
{
namespace
{
    std::string seconds (int64_t samples)
    {
        char text[32];
        std::snprintf (text, sizeof (text), "%.2f s", (double) samples / cdSampleRate);
        return text;
    }
} // namespace

std::vector<std::string> redBookPrecheck (const AlbumDocument& album)
{
    std::vector<std::string> problems;
    if (album.sampleRate != cdSampleRate)
        problems.push_back ("the album is at " + std::to_string ((int) album.sampleRate)
                            + " Hz; a CD is 44.1 kHz (Red Book): set the album's rate to 44100 and Crest converts each track");
    if (album.tracks.empty())
        problems.push_back ("the album has no tracks; a CD has at least one");
    if (album.tracks.size() > cdMaxTracks)
        problems.push_back ("the album has " + std::to_string (album.tracks.size()) + " tracks; a CD holds at most 99 (Red Book)");
    return problems;
}

std::vector<std::string> redBookViolations (const AlbumDocument& album, const AlbumLayout& layout)
{
    std::vector<std::string> problems;
    const int64_t frame = samplesPerCdFrame (cdSampleRate);
    const auto& spans = layout.spans;
    if (! spans.empty() && spans[0].start < (int64_t) (cdPreGapSeconds * cdSampleRate))
        problems.push_back (describeTrack (album, 0) + ": " + seconds (spans[0].start)
                            + " of silence before it; a CD has 2 s (150 frames) before track 1 (Red Book): set its gap to 2 s");
    for (size_t i = 0; i < spans.size(); ++i)
    {
        if (spans[i].start % frame != 0)
            problems.push_back (describeTrack (album, i) + ": its mark falls " + std::to_string (spans[i].start % frame)
                                + " samples past a CD frame (1/75 s, 588 samples); a gapless join must be on a frame (Red Book): shorten "
                                + describeTrack (album, i - 1) + " by that many samples or lengthen it to the next frame");
        const int64_t next = i + 1 < spans.size() ? spans[i + 1].start : layout.totalSamples;
        if (next - spans[i].start < (int64_t) (cdMinTrackSeconds * cdSampleRate))
            problems.push_back (describeTrack (album, i) + ": " + seconds (next - spans[i].start)
                                + " from its mark to the next; a CD track lasts at least 4 s (Red Book)");
    }
    if ((double) layout.totalSamples > cdMaxMinutes * 60 * cdSampleRate)
    {
        char text[160];
        std::snprintf (text, sizeof (text), "the album lasts %d:%05.2f; a CD holds at most 80 minutes (Red Book)",
                       (int) (layout.totalSamples / (int64_t) (60 * cdSampleRate)),
                       (double) (layout.totalSamples % (int64_t) (60 * cdSampleRate)) / cdSampleRate);
        problems.push_back (text);
    }
    return problems;
}
} // namespace crest
