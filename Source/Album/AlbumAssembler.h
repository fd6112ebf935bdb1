// The album as one continuous program, made from its tracks' masters:
// each track's audio at its place on the layout, at its gain, faded into
// and out of its neighbours with the crossfade's curve, silence in the
// gaps. Every sample depends only on its position, so any block size
// gives the same program, and the offline render and the album's live
// playback mix it with this same code. render() does not allocate; it is
// as real-time safe as the TrackAudio it reads. JUCE-free.
#pragma once

#include "AlbumLayout.h"

#include <cstdint>
#include <vector>

namespace crest
{
// Where the masters come from: a file per track offline, a streamed
// buffer when playing.
class TrackAudio
{
public:
    virtual ~TrackAudio() = default;
    // Track `track`'s mastered audio from frame `from` of its master (the
    // whole source, mastered: the track's first frame is its span's
    // sourceStart), `n` frames of stereo into left and right.
    virtual void read (size_t track, int64_t from, float* left, float* right, int n) = 0;
};

class AlbumAssembler
{
public:
    // `gainsDb`: each track's gain on top of its master (the loudness
    // strategy's, when it is applied after the chain); `maxBlock`: the
    // longest render() asked for.
    AlbumAssembler (AlbumLayout layout, std::vector<double> gainsDb, int maxBlock);

    // Program frames [from, from + n) into left and right.
    void render (int64_t from, int n, float* left, float* right, TrackAudio& tracks);

    const AlbumLayout& layout() const noexcept { return places; }
    // The gain (linear) applied to track `track`'s sample `k` (0: its first): its gain times its fades.
    double gainAt (size_t track, int64_t k) const noexcept;

private:
    AlbumLayout places;
    std::vector<double> gains;   // linear
    std::vector<float> scratchLeft, scratchRight;
};
} // namespace crest
