// The album's timeline in whole samples: gaps exact to the sample, a
// crossfade starting the next track exactly its length before the end;
// for a CD every mark on a 588-sample frame; what cannot be laid out is
// refused naming the track.
#include "Album/AlbumLayout.h"

#include "Core/CrestError.h"

#include <catch2/catch.hpp>

using namespace crest;

namespace
{
AlbumDocument albumOf (std::initializer_list<std::pair<int64_t, int64_t>> gapsAndCrossfades, double rate = 48000)
{
    AlbumDocument album;
    album.sampleRate = rate;
    for (const auto& [gap, crossfade] : gapsAndCrossfades)
    {
        AlbumTrack t;
        t.id = album.freshTrackId();
        t.title = "T" + std::to_string (album.tracks.size() + 1);
        t.source = t.id + ".wav";
        t.gapBeforeSamples = gap;
        t.crossfadeSamples = crossfade;
        album.tracks.push_back (t);
    }
    return album;
}
} // namespace

TEST_CASE ("gaps are exact to the sample", "[album][layout]")
{
    const auto album = albumOf ({ { 0, 0 }, { 500, 0 }, { 250, 0 } });
    const auto layout = layoutAlbum (album, { 1000, 2000, 3001 }, false);
    REQUIRE (layout.spans.size() == 3);
    CHECK (layout.spans[0].start == 0);
    CHECK (layout.spans[0].end == 1000);
    CHECK (layout.spans[1].gapStart == 1000);
    CHECK (layout.spans[1].start == 1500);
    CHECK (layout.spans[1].end == 3500);
    CHECK (layout.spans[2].gapStart == 3500);
    CHECK (layout.spans[2].start == 3750);
    CHECK (layout.spans[2].end == 6751);
    CHECK (layout.totalSamples == 6751);
}

TEST_CASE ("a crossfade starts the next track exactly its length before the end", "[album][layout]")
{
    auto album = albumOf ({ { 0, 3000 }, { 0, 0 } });
    album.tracks[0].crossfadeCurve = CrossfadeCurve::sCurve;
    const auto layout = layoutAlbum (album, { 10000, 8000 }, false);
    CHECK (layout.spans[0].fadeOut == 3000);
    CHECK (layout.spans[0].fadeOutCurve == CrossfadeCurve::sCurve);
    CHECK (layout.spans[1].start == 7000);
    CHECK (layout.spans[1].fadeIn == 3000);
    CHECK (layout.spans[1].fadeInCurve == CrossfadeCurve::sCurve);
    CHECK (layout.totalSamples == 15000);
}

TEST_CASE ("a start offset and a length take the part of the source they say", "[album][layout]")
{
    auto album = albumOf ({ { 100, 0 } });
    album.tracks[0].startOffsetSamples = 441;
    album.tracks[0].lengthSamples = 2000;
    auto layout = layoutAlbum (album, { 10000 }, false);
    CHECK (layout.spans[0].sourceStart == 441);
    CHECK (layout.spans[0].start == 100);
    CHECK (layout.spans[0].length() == 2000);
    album.tracks[0].lengthSamples = 20000;   // longer than what is left: to the source's end
    layout = layoutAlbum (album, { 10000 }, false);
    CHECK (layout.spans[0].length() == 10000 - 441);
}

TEST_CASE ("on a CD every mark falls on a frame of 588 samples", "[album][layout][cd]")
{
    // Track 1 with the 2 s pause before it; odd lengths; a 1.5 s gap; a crossfade of 1000 samples.
    auto album = albumOf ({ { 88200, 0 }, { 66150, 1000 }, { 0, 0 } }, 44100);
    const auto layout = layoutAlbum (album, { 441001, 300007, 200003 }, true);
    for (const auto& span : layout.spans)
    {
        CHECK (span.start % 588 == 0);
        CHECK (span.gapStart % 588 == 0);   // a CD's INDEX 00 too
    }
    CHECK (layout.spans[0].start == 88200);   // 150 frames
    // Track 2: its gap lengthened to the next frame after 1.5 s.
    const int64_t end1 = 88200 + 441001;
    CHECK (layout.spans[1].start == (end1 + 66150 + 587) / 588 * 588);
    // The crossfade shortened so track 3's mark is on a frame, by less than a frame.
    CHECK (layout.spans[1].fadeOut <= 1000);
    CHECK (layout.spans[1].fadeOut > 1000 - 588);
    CHECK (layout.spans[2].start == layout.spans[1].end - layout.spans[1].fadeOut);
    CHECK (layout.totalSamples % 588 == 0);
    CHECK (layout.totalSamples - layout.spans[2].end < 588);
}

TEST_CASE ("what cannot be laid out is refused naming the track", "[album][layout]")
{
    auto both = albumOf ({ { 0, 1000 }, { 500, 0 } });
    both.tracks[1].title = "Second";
    CHECK_THROWS_WITH (layoutAlbum (both, { 5000, 5000 }, false), Catch::Contains ("track 2 \"Second\"") && Catch::Contains ("one or the other"));
    const auto last = albumOf ({ { 0, 0 }, { 0, 1000 } });
    CHECK_THROWS_WITH (layoutAlbum (last, { 5000, 5000 }, false), Catch::Contains ("track 2") && Catch::Contains ("last track"));
    const auto tooLong = albumOf ({ { 0, 6000 }, { 0, 0 } });
    CHECK_THROWS_WITH (layoutAlbum (tooLong, { 5000, 9000 }, false), Catch::Contains ("track 1") && Catch::Contains ("longer than the track"));
    const auto intoShort = albumOf ({ { 0, 4000 }, { 0, 0 } });
    CHECK_THROWS_WITH (layoutAlbum (intoShort, { 5000, 3000 }, false), Catch::Contains ("track 2") && Catch::Contains ("longer than the track"));
    auto offset = albumOf ({ { 0, 0 } });
    offset.tracks[0].startOffsetSamples = 5000;
    CHECK_THROWS_WITH (layoutAlbum (offset, { 5000 }, false), Catch::Contains ("past the end"));
    CHECK_THROWS_AS (layoutAlbum (offset, {}, false), CrestError);
}
