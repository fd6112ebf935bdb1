// The album's program from its tracks: each track lands on its exact
// sample, gaps are exact silence, a crossfade mixes the two tracks with
// the curve's gains, and the program is the same at any block size.
#include "Album/AlbumAssembler.h"
#include "Album/Crossfade.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace crest;

namespace
{
// Track t is a constant: +(t + 1) / 10 on the left, -(t + 1) / 10 on the right.
class ConstantTracks : public TrackAudio
{
public:
    void read (size_t track, int64_t, float* left, float* right, int n) override
    {
        const float v = (float) (track + 1) / 10.0f;
        std::fill (left, left + n, v);
        std::fill (right, right + n, -v);
    }
};

std::vector<float> programOf (AlbumAssembler& assembler, int block)
{
    ConstantTracks tracks;
    const auto total = assembler.layout().totalSamples;
    std::vector<float> left ((size_t) total), right ((size_t) total);
    for (int64_t at = 0; at < total; at += block)
    {
        const int n = (int) std::min<int64_t> (block, total - at);
        assembler.render (at, n, left.data() + at, right.data() + at, tracks);
    }
    return left;
}

AlbumLayout testLayout()
{
    AlbumDocument album;
    for (int i = 0; i < 3; ++i)
    {
        AlbumTrack t;
        t.id = album.freshTrackId();
        t.source = t.id + ".wav";
        album.tracks.push_back (t);
    }
    album.tracks[1].gapBeforeSamples = 777;
    album.tracks[1].crossfadeSamples = 2500;
    album.tracks[1].crossfadeCurve = CrossfadeCurve::equalPower;
    return layoutAlbum (album, { 10001, 9000, 7000 }, false);
}
} // namespace

TEST_CASE ("album program: each track on its exact sample, gaps silent, crossfades by the curve", "[album][assembler]")
{
    const auto layout = testLayout();
    AlbumAssembler assembler (layout, { 0.0, -6.0, 0.0 }, 4096);
    const auto program = programOf (assembler, 4096);
    const auto& s = layout.spans;
    const float track2 = (float) (0.2 * std::pow (10.0, -6.0 / 20));
    CHECK (program[0] == 0.1f);
    CHECK (program[(size_t) s[0].end - 1] == 0.1f);
    for (int64_t i = s[0].end; i < s[1].start; ++i)
        REQUIRE (program[(size_t) i] == 0.0f);   // the gap: exact silence, exactly 777 samples
    CHECK (s[1].start - s[0].end == 777);
    CHECK (program[(size_t) s[1].start] == Approx (track2).epsilon (1e-6));
    // The crossfade into track 3: both tracks, by the equal-power gains.
    for (int64_t k = 0; k < s[2].fadeIn; ++k)
    {
        const auto g = crossfadeGains (CrossfadeCurve::equalPower, k, s[2].fadeIn);
        REQUIRE (program[(size_t) (s[2].start + k)] == Approx (track2 * g.fadeOut + 0.3 * g.fadeIn).margin (1e-6));
    }
    CHECK (program[(size_t) s[2].start - 1] == Approx (track2).epsilon (1e-6));   // before the fade: track 2 alone
    CHECK (program.back() == Approx (0.3f));
}

TEST_CASE ("album program: the same samples at any block size", "[album][assembler]")
{
    AlbumAssembler assembler (testLayout(), { 0.0, 1.5, -3.0 }, 4096);
    const auto whole = programOf (assembler, 4096);
    for (const int block : { 1, 64, 333, 1000 })
    {
        INFO ("block " << block);
        CHECK (programOf (assembler, block) == whole);
    }
}

TEST_CASE ("album program: a track plays its source from its start offset", "[album][assembler]")
{
    // Each source sample's value is its frame number, so the program shows which frame it plays.
    class Ramp : public TrackAudio
    {
    public:
        void read (size_t, int64_t from, float* left, float* right, int n) override
        {
            for (int i = 0; i < n; ++i)
                left[i] = right[i] = (float) (from + i);
        }
    };
    AlbumDocument album;
    AlbumTrack t;
    t.id = "a";
    t.source = "a.wav";
    t.gapBeforeSamples = 10;
    t.startOffsetSamples = 1000;
    album.tracks.push_back (t);
    AlbumAssembler assembler (layoutAlbum (album, { 5000 }, false), { 0.0 }, 64);
    Ramp ramp;
    std::vector<float> left (64), right (64);
    assembler.render (0, 64, left.data(), right.data(), ramp);
    CHECK (left[9] == 0.0f);
    CHECK (left[10] == 1000.0f);
    CHECK (left[63] == 1053.0f);
}
