#include "AlbumLayout.h"

#include "Core/CrestError.h"

#include <algorithm>
#include <cmath>

namespace crest
{
int64_t samplesPerCdFrame (double sampleRate) noexcept
{
    return std::max<int64_t> (1, std::llround (sampleRate / 75.0));
}

std::string describeTrack (const AlbumDocument& album, size_t index)
{
    const auto& t = album.tracks[index];
    return "track " + std::to_string (index + 1) + (t.title.empty() ? std::string() : " \"" + t.title + "\"");
}

AlbumLayout layoutAlbum (const AlbumDocument& album, const std::vector<int64_t>& available, bool onCdFrames)
{
    if (available.size() != album.tracks.size())
        throw CrestError ("the album's layout needs a length for each of its " + std::to_string (album.tracks.size()) + " tracks");
    const int64_t frame = onCdFrames ? samplesPerCdFrame (album.sampleRate) : 1;
    auto upToFrame = [frame] (int64_t s) { return (s + frame - 1) / frame * frame; };

    AlbumLayout layout;
    int64_t cursor = 0;   // where the previous track ended
    for (size_t i = 0; i < album.tracks.size(); ++i)
    {
        const auto& t = album.tracks[i];
        TrackSpan span;
        if (t.startOffsetSamples >= available[i])
            throw CrestError (describeTrack (album, i) + ": starts " + std::to_string (t.startOffsetSamples) + " samples in, past the end of "
                              + t.source.string() + " (" + std::to_string (available[i]) + " samples)");
        const int64_t length = std::min (available[i] - t.startOffsetSamples, t.lengthSamples.value_or (available[i]));
        span.sourceStart = t.startOffsetSamples;

        const int64_t fadeIn = i > 0 ? layout.spans.back().fadeOut : 0;
        if (fadeIn > 0)
        {
            if (t.gapBeforeSamples > 0)
                throw CrestError (describeTrack (album, i) + ": has a gap before it and a crossfade into it; a transition is one or the other");
            span.gapStart = span.start = cursor - fadeIn;
        }
        else
        {
            // A gap begins and ends on a frame (its first samples, before the
            // frame, are the previous track's silence); a gapless join stays
            // where the audio joins (RedBook reports it when that is off a frame).
            span.start = t.gapBeforeSamples > 0 ? upToFrame (cursor + t.gapBeforeSamples) : cursor;
            span.gapStart = t.gapBeforeSamples > 0 ? std::min (upToFrame (cursor), span.start) : cursor;
        }
        span.fadeIn = fadeIn;
        span.fadeInCurve = i > 0 ? album.tracks[i - 1].crossfadeCurve : CrossfadeCurve::equalPower;
        span.end = span.start + length;
        if (fadeIn > length)
            throw CrestError (describeTrack (album, i) + ": the crossfade into it (" + std::to_string (fadeIn) + " samples) is longer than the track ("
                              + std::to_string (length) + ")");

        if (t.crossfadeSamples > 0)
        {
            if (i + 1 == album.tracks.size())
                throw CrestError (describeTrack (album, i) + ": a crossfade into the next track, but it is the last track");
            // On a CD the next mark (end - crossfade) falls on a frame: the crossfade is shortened to get there.
            const int64_t mark = upToFrame (span.end - t.crossfadeSamples);
            span.fadeOut = span.end - mark;
            if (t.crossfadeSamples > length || span.fadeOut > length - fadeIn)
                throw CrestError (describeTrack (album, i) + ": its crossfade into the next track (" + std::to_string (t.crossfadeSamples)
                                  + " samples) overlaps the crossfade into it, or is longer than the track (" + std::to_string (length) + ")");
            span.fadeOutCurve = t.crossfadeCurve;
        }
        cursor = span.end;
        layout.spans.push_back (span);
    }
    layout.totalSamples = layout.spans.empty() ? 0 : layout.spans.back().end;
    if (onCdFrames)
        layout.totalSamples = upToFrame (layout.totalSamples);   // the lead-out on a frame, padded with silence
    return layout;
}
} // namespace crest
