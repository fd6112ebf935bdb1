// The masters an album is assembled from, as the app's Album view keeps
// them: with a cache, a second run masters nothing, a reorder or a new
// gap re-masters nothing even when the strategy raises every track, a
// changed trim re-masters that track alone, and the cached masters are
// the very samples a fresh run makes. The cache removes only what it made,
// never a source. An album moved to another rate keeps its times.
#include "Album/AlbumMasters.h"

#include "Core/CrestError.h"
#include "IO/AudioFileReader.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <iterator>
#include <random>

using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

namespace
{
constexpr double rate = 44100;

// The audio itself (a float WAV's header holds the time it was written).
std::vector<float> samplesOf (const fs::path& file)
{
    AudioFileReader reader (file);
    std::vector<float> samples ((size_t) (reader.info().frames * reader.info().channels));
    reader.readInterleaved (samples.data(), reader.info().frames);
    return samples;
}

AlbumDocument quietAlbum (const TempFolder& dir)
{
    AlbumDocument album;
    album.sampleRate = rate;
    album.sharedChain.add ("limiter");
    album.strategy = LoudnessStrategy::album;
    album.targetLufs = -14.0;   // the tracks are far below: every one is raised
    unsigned seed = 7;
    for (const double gainDb : { -20.0, -26.0, -23.0 })
    {
        AlbumTrack t;
        t.id = album.freshTrackId();
        t.source = dir / (t.id + ".wav");
        std::mt19937 random (seed++);
        std::normal_distribution<float> noise (0.0f, 0.25f);
        const float gain = (float) std::pow (10.0, gainDb / 20);
        writeAudio (t.source, 2, rate, (int64_t) (5 * rate), [&] (int64_t, int) { return gain * noise (random); });
        t.gapBeforeSamples = (int64_t) rate;
        album.tracks.push_back (t);
    }
    return album;
}

AlbumMasters run (const AlbumDocument& album, const fs::path& work, MasterCache* cache)
{
    AlbumMastersRequest request;
    request.album = album;
    request.work = work;
    request.cache = cache;
    return masterAlbumTracks (request);
}

std::map<fs::path, fs::file_time_type> datesOf (const fs::path& folder)
{
    std::map<fs::path, fs::file_time_type> dates;
    for (const auto& f : fs::directory_iterator (folder))
        dates[f.path()] = f.last_write_time();
    return dates;
}
} // namespace

TEST_CASE ("cached masters are the fresh ones, and edits that change no master make none", "[album][masters]")
{
    TempFolder dir;
    auto album = quietAlbum (dir);
    MasterCache cache (dir / "cache");
    const auto first = run (album, dir / "work", &cache);
    REQUIRE (first.strategyGainDb[0] > 0);   // raised: the masters were made twice
    const auto made = datesOf (cache.folder());

    const auto fresh = run (album, dir / "fresh", nullptr);
    for (size_t i = 0; i < album.tracks.size(); ++i)
    {
        CHECK (first.files[i].parent_path() == cache.folder());
        CHECK (samplesOf (first.files[i]) == samplesOf (fresh.files[i]));
        CHECK (first.strategyGainDb[i] == fresh.strategyGainDb[i]);
    }

    SECTION ("run again, reordered, with a new gap: nothing is mastered")
    {
        std::swap (album.tracks[0], album.tracks[2]);
        album.tracks[1].gapBeforeSamples = 3 * (int64_t) rate;
        const auto again = run (album, dir / "work", &cache);
        CHECK (datesOf (cache.folder()) == made);
        CHECK (again.files[0] == first.files[2]);
        CHECK (again.layout.spans[1].start != first.layout.spans[1].start);
    }
    SECTION ("a new trim moves the album's loudness: every track is raised again, and the old masters are dropped a run later")
    {
        album.tracks[1].trimDb = -2.0;
        const auto again = run (album, dir / "work", &cache);
        for (size_t i = 0; i < 3; ++i)
        {
            CHECK (again.files[i] != first.files[i]);
            CHECK (fs::exists (first.files[i]));   // the run before's: it may still be playing
        }
        run (album, dir / "work", &cache);
        for (size_t i = 0; i < 3; ++i)
            CHECK_FALSE (fs::exists (first.files[i]));
        CHECK (again.strategyGainDb[0] == Approx (first.strategyGainDb[0] + 2.0 / 3).margin (0.5));
    }
    SECTION ("the sources are never the cache's to remove")
    {
        album.strategy = LoudnessStrategy::none;
        album.tracks.clear();   // every master unused for two runs: all removed, and nothing else
        run (album, dir / "work", &cache);
        run (album, dir / "work", &cache);
        CHECK (fs::is_empty (cache.folder()));
        for (const auto& t : quietAlbum (dir).tracks)
            CHECK (fs::exists (t.source));
    }
}

TEST_CASE ("with the masters as they are, a new trim re-masters that track alone", "[album][masters]")
{
    TempFolder dir;
    auto album = quietAlbum (dir);
    album.strategy = LoudnessStrategy::none;
    MasterCache cache (dir / "cache");
    const auto first = run (album, dir / "work", &cache);
    album.tracks[1].trimDb = -2.0;
    const auto again = run (album, dir / "work", &cache);
    CHECK (again.files[0] == first.files[0]);
    CHECK (again.files[2] == first.files[2]);
    CHECK (again.files[1] != first.files[1]);
    run (album, dir / "work", &cache);
    CHECK_FALSE (fs::exists (first.files[1]));   // two runs unused
    CHECK (again.reports[1].after.integratedLufs == Approx (first.reports[1].after.integratedLufs - 2).margin (0.3));
}

TEST_CASE ("a cancelled run stops before its next track", "[album][masters]")
{
    TempFolder dir;
    std::atomic<bool> cancel { true };
    AlbumMastersRequest request;
    request.album = quietAlbum (dir);
    request.work = dir / "work";
    request.cancel = &cancel;
    CHECK_THROWS_AS (masterAlbumTracks (request), CrestError);
}

TEST_CASE ("an album moved to another rate keeps its times to the nearest sample", "[album][masters]")
{
    AlbumDocument album;
    album.sampleRate = 44100;
    AlbumTrack t;
    t.gapBeforeSamples = 88200;
    t.crossfadeSamples = 44101;
    t.startOffsetSamples = 441;
    t.lengthSamples = 441000;
    album.tracks = { t, t };
    const auto moved = albumAtRate (album, 48000);
    CHECK (moved.sampleRate == 48000);
    CHECK (moved.tracks[1].gapBeforeSamples == 96000);
    CHECK (moved.tracks[1].crossfadeSamples == 48001);   // 44101 × 48/44.1 = 48001.09
    CHECK (moved.tracks[1].startOffsetSamples == 480);
    CHECK (*moved.tracks[1].lengthSamples == 480000);
}
