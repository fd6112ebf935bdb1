// Where each track of an album lies on the album's timeline, in whole
// samples: its gap (silence, from the previous track's end), its audio,
// and the crossfade it shares with the next. Track i+1 starts where track
// i ends plus its gap, or, with a crossfade, that many samples before the
// end. Laid out for a CD, every track mark falls on a CD frame (1/75 s,
// 588 samples at 44.1 kHz): a gap is lengthened to the next frame, a
// crossfade shortened so the next mark is on one, and the end padded to a
// whole frame; a gapless join that is not on a frame cannot be moved
// without cutting audio, and is reported (RedBook). JUCE-free.
#pragma once

#include "AlbumDocument.h"

#include <cstdint>
#include <vector>

namespace crest
{
struct TrackSpan
{
    int64_t gapStart = 0;       // where its gap begins (a CD's INDEX 00)
    int64_t start = 0;          // where its audio begins (INDEX 01)
    int64_t end = 0;            // where its audio ends, exclusive
    int64_t sourceStart = 0;    // the first sample of the source it plays
    int64_t fadeIn = 0;         // the crossfade from the previous track, from `start`
    int64_t fadeOut = 0;        // the crossfade into the next, ending at `end`
    CrossfadeCurve fadeInCurve = CrossfadeCurve::equalPower, fadeOutCurve = CrossfadeCurve::equalPower;

    int64_t length() const noexcept { return end - start; }
};

struct AlbumLayout
{
    std::vector<TrackSpan> spans;
    int64_t totalSamples = 0;   // the whole program, to the last track's end (a CD's lead-out)
};

// Samples per CD frame at `sampleRate` (588 at 44.1 kHz).
int64_t samplesPerCdFrame (double sampleRate) noexcept;

// `available[i]`: track i's source length in samples at the album's rate.
// Throws CrestError naming the track for what cannot be laid out: a
// start offset past the source's end, a crossfade longer than either
// track it joins, a crossfade into a track that also has a gap, a
// crossfade after the last track.
AlbumLayout layoutAlbum (const AlbumDocument& album, const std::vector<int64_t>& available, bool onCdFrames);

// "track 3 \"Title\"", the way messages name a track.
std::string describeTrack (const AlbumDocument& album, size_t index);
} // namespace crest
