// Rendering an album: the album-normalised strategy keeps the tracks'
// relative loudness within 0.1 LU (turned up or down), every-track lands
// each within 0.2 LU of the target, and neither a track nor a transition
// passes the true-peak ceiling; the CUE sheet's times are frame-exact and
// are where the audio changes track, the track files cut bit for bit
// from the continuous one; each Red Book rule broken is refused with its
// message, as is each bad source, and nothing already written is lost.
#include "Album/AlbumRender.h"
#include "Album/RedBook.h"
#include "Mastering/TargetPresets.h"

#include "Analysis/FileAnalysis.h"
#include "Core/CrestError.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <random>
#include <regex>
#include <unistd.h>

using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

namespace
{
constexpr double rate = 44100;

// Noise with a slow swell (so loudness and limiting have something to do), at `gain`.
void writeNoise (const fs::path& file, double seconds, double gain, unsigned seed, int channels = 2, double sampleRate = rate)
{
    std::mt19937 random (seed);
    std::normal_distribution<float> noise (0.0f, 0.25f);
    writeAudio (file, channels, sampleRate, (int64_t) (seconds * sampleRate), [&] (int64_t n, int) {
        const double swell = 0.6 + 0.4 * std::sin (2 * M_PI * 0.3 * (double) n / sampleRate);
        return (float) (gain * swell) * noise (random);
    });
}

AlbumDocument albumOf (const TempFolder& dir, std::initializer_list<double> gainsDb, double seconds = 8.0)
{
    AlbumDocument album;
    album.sampleRate = rate;
    album.title = "Test album";
    album.sharedChain.add ("limiter");
    unsigned seed = 1;
    for (const double g : gainsDb)
    {
        AlbumTrack t;
        t.id = album.freshTrackId();
        t.title = "Track " + std::to_string (album.tracks.size() + 1);
        t.source = dir / (t.id + ".wav");
        writeNoise (t.source, seconds, std::pow (10.0, g / 20), seed++);
        t.gapBeforeSamples = (int64_t) (2 * rate);
        album.tracks.push_back (t);
    }
    return album;
}

AlbumRenderResult render (AlbumDocument album, const fs::path& folder, bool cd = true)
{
    AlbumRenderRequest request;
    request.album = std::move (album);
    request.folder = folder;
    request.name = "album";
    request.cd = cd;
    request.replaceExisting = true;
    return renderAlbum (request);
}
} // namespace

TEST_CASE ("album-normalised keeps the tracks' relative loudness within 0.1 LU, up or down", "[album][render][loudness]")
{
    TempFolder dir;
    for (const double target : { -12.0, -24.0 })   // the album is raised to one, lowered to the other
    {
        INFO ("target " << target << " LUFS");
        auto album = albumOf (dir, { -14.0, -20.0, -9.0 });
        album.strategy = LoudnessStrategy::album;
        album.targetLufs = target;
        const auto result = render (album, dir / ("out" + std::to_string ((int) -target)));
        const auto& t = result.tracks;
        for (size_t i = 1; i < t.size(); ++i)
        {
            INFO ("track " << i + 1);
            CHECK ((t[i].inProgram.integratedLufs - t[0].inProgram.integratedLufs)
                   == Approx (t[i].mastered.integratedLufs - t[0].mastered.integratedLufs).margin (0.1));
        }
        CHECK (result.album.integratedLufs == Approx (target).margin (0.3));
        CHECK (result.album.truePeakDbtp <= album.ceilingDbtp + 0.05);
    }
}

TEST_CASE ("every-track lands each track within 0.2 LU of the target, none over the ceiling", "[album][render][loudness]")
{
    TempFolder dir;
    auto album = albumOf (dir, { -14.0, -24.0, -8.0 });
    album.strategy = LoudnessStrategy::everyTrack;
    album.targetLufs = -16.0;
    const auto result = render (album, dir / "out");
    for (size_t i = 0; i < result.tracks.size(); ++i)
    {
        INFO ("track " << i + 1);
        CHECK (result.tracks[i].inProgram.integratedLufs == Approx (-16.0).margin (0.2));
        CHECK (result.tracks[i].inProgram.truePeakDbtp <= album.ceilingDbtp + 0.05);
        CHECK (analyzeFile (result.tracks[i].file).loudness.truePeakDbtp <= album.ceilingDbtp + 0.05);
    }
}

TEST_CASE ("a crossfade of two limited tracks is held under the ceiling too", "[album][render][loudness]")
{
    TempFolder dir;
    auto album = albumOf (dir, { -6.0, -6.0 });
    album.strategy = LoudnessStrategy::everyTrack;
    album.targetLufs = -9.0;   // both hard against the ceiling
    album.tracks[0].crossfadeSamples = (int64_t) (3 * rate);
    album.tracks[0].crossfadeCurve = CrossfadeCurve::equalPower;
    album.tracks[1].gapBeforeSamples = 0;
    // The same audio on both sides of the fade: equal power sums it to +3 dB mid-fade, unguarded.
    album.tracks[1].source = album.tracks[0].source;
    album.tracks[1].startOffsetSamples = (int64_t) (5 * rate);   // where track 1 is when the fade begins
    const auto result = render (album, dir / "out", false);
    CHECK (result.transitionLimitingDb > 0.5);
    CHECK (analyzeFile (result.program).loudness.truePeakDbtp <= album.ceilingDbtp + 0.05);
}

TEST_CASE ("the CUE sheet's times are frame-exact and where the audio changes track; track files are cut bit for bit", "[album][render][cue]")
{
    TempFolder dir;
    // Tones at different levels, passed unchanged (empty chains, no strategy): the audio shows each track's start.
    AlbumDocument album;
    album.sampleRate = rate;
    album.upc = "4006381333931";
    const double levels[] = { 0.5, 0.25, 0.125 };
    for (int i = 0; i < 3; ++i)
    {
        AlbumTrack t;
        t.id = album.freshTrackId();
        t.title = "Tone " + std::to_string (i + 1);
        t.isrc = "USRC1760000" + std::to_string (i + 1);
        t.source = dir / (t.id + ".wav");
        writeAudio (t.source, 2, rate, (int64_t) (5.3 * rate) + 77 * i,
                    [&] (int64_t n, int) { return (float) (levels[i] * std::sin (2 * M_PI * 441 * (double) n / rate)); });
        t.chain = MasterChainDocument {};
        t.gapBeforeSamples = (int64_t) ((i == 0 ? 2.0 : 1.0) * rate);
        album.tracks.push_back (t);
    }
    album.tracks[1].gapBeforeSamples = 0;   // a crossfade from track 1 into track 2
    album.tracks[0].crossfadeSamples = (int64_t) (0.5 * rate);
    album.tracks[0].crossfadeCurve = CrossfadeCurve::linear;
    const auto result = render (album, dir / "out");

    std::ifstream in (result.cue);
    const std::string cue ((std::istreambuf_iterator<char> (in)), {});
    CHECK (cue.find ("CATALOG 4006381333931") != std::string::npos);
    CHECK (cue.find ("ISRC USRC17600002") != std::string::npos);
    std::regex index ("INDEX 01 (\\d\\d):(\\d\\d):(\\d\\d)");
    std::vector<int64_t> marks;
    for (auto it = std::sregex_iterator (cue.begin(), cue.end(), index); it != std::sregex_iterator(); ++it)
        marks.push_back (((std::stoll ((*it)[1]) * 60 + std::stoll ((*it)[2])) * 75 + std::stoll ((*it)[3])) * 588);
    REQUIRE (marks.size() == 3);
    const auto program = readAudio (result.program);
    auto rmsAround = [&] (int64_t from, int64_t frames) {
        double sum = 0;
        for (int64_t k = from; k < from + frames; ++k)
            sum += (double) program.samples[(size_t) (2 * k)] * program.samples[(size_t) (2 * k)];
        return std::sqrt (sum / (double) frames);
    };
    for (size_t i = 0; i < 3; ++i)
    {
        INFO ("track " << i + 1);
        CHECK (marks[i] == result.layout.spans[i].start);   // the CUE says where the layout put it, on a frame
        CHECK (marks[i] % 588 == 0);
    }
    // Track 1 starts at 2 s: silence (dither) before, the tone from the mark.
    CHECK (rmsAround (marks[0] - 588, 588) < 1e-3);
    CHECK (rmsAround (marks[0], 588) == Approx (0.5 / std::sqrt (2.0)).epsilon (0.02));
    // Track 3 after its 1 s gap: silence before the mark, its own level after.
    CHECK (rmsAround (marks[2] - 588, 588) < 1e-3);
    CHECK (rmsAround (marks[2], 588) == Approx (0.125 / std::sqrt (2.0)).epsilon (0.02));
    // Track 2 enters by the crossfade at its mark: track 1's level just before, the mix of both after.
    CHECK (rmsAround (marks[1] - 588, 588) == Approx (0.5 / std::sqrt (2.0)).epsilon (0.03));

    // Each track's file is the continuous file from its mark to the next, sample for sample.
    for (size_t i = 0; i < 3; ++i)
    {
        const auto part = readAudio (result.tracks[i].file);
        const int64_t to = i + 1 < 3 ? marks[i + 1] : result.layout.totalSamples;
        REQUIRE (part.frames() == to - marks[i]);
        CHECK (std::equal (part.samples.begin(), part.samples.end(), program.samples.begin() + 2 * marks[i]));
    }
    CHECK (program.frames() % 588 == 0);
}

TEST_CASE ("each Red Book rule broken is refused with its message, naming the track", "[album][render][redbook]")
{
    TempFolder dir;
    auto refused = [&] (AlbumDocument album, const std::string& words) {
        INFO (words);
        CHECK_THROWS_WITH (render (album, dir / "out"), Catch::Contains ("Red Book") && Catch::Contains (words));
    };
    auto base = [&] {
        auto album = albumOf (dir, { -14.0, -14.0 }, 5.0);
        for (auto& t : album.tracks)
            t.chain = MasterChainDocument {};
        return album;
    };
    auto at48k = base();
    at48k.sampleRate = 48000;
    refused (at48k, "44.1 kHz");

    auto hundred = base();
    while (hundred.tracks.size() < 100)
    {
        auto t = hundred.tracks[0];
        t.id = hundred.freshTrackId();
        hundred.tracks.push_back (t);
    }
    refused (hundred, "at most 99");

    auto shortTrack = base();
    shortTrack.tracks[1].lengthSamples = (int64_t) (3.5 * rate);
    shortTrack.tracks[1].title = "Sketch";
    refused (shortTrack, "track 2 \"Sketch\": 3.5");

    auto noPause = base();
    noPause.tracks[0].gapBeforeSamples = (int64_t) (0.5 * rate);
    refused (noPause, "2 s (150 frames) before track 1");

    auto offFrame = base();
    offFrame.tracks[1].gapBeforeSamples = 0;   // gapless after 5 s + 0 samples: 5 s = 375 frames, so shift by 100 samples
    offFrame.tracks[0].lengthSamples = (int64_t) (5 * rate) - 100;
    refused (offFrame, "past a CD frame");

    // Not a CD: the same short, off-frame album renders.
    CHECK_NOTHROW (render (offFrame, dir / "free", false));
}

TEST_CASE ("bad sources are named; nothing already written is lost", "[album][render][bad]")
{
    TempFolder dir;
    auto album = albumOf (dir, { -14.0, -14.0 }, 5.0);
    for (auto& t : album.tracks)
        t.chain = MasterChainDocument {};

    auto missing = album;
    missing.tracks[1].source = dir / "gone.wav";
    CHECK_THROWS_WITH (render (missing, dir / "out"), Catch::Contains ("track 2") && Catch::Contains ("gone.wav") && Catch::Contains ("does not exist"));

    auto surround = album;
    writeNoise (dir / "six.wav", 5.0, 0.2, 9, 6);
    surround.tracks[0].source = dir / "six.wav";
    CHECK_THROWS_WITH (render (surround, dir / "out"), Catch::Contains ("track 1") && Catch::Contains ("6 channels"));

    auto lowRate = album;
    writeNoise (dir / "phone.wav", 5.0, 0.2, 10, 2, 8000);
    lowRate.tracks[1].source = dir / "phone.wav";
    CHECK_THROWS_WITH (render (lowRate, dir / "out"), Catch::Contains ("track 2") && Catch::Contains ("8000 Hz"));

    writeBytes (dir / "corrupt.wav", "RIFF\x10\x00\x00\x00WAVEjunk");
    auto corrupt = album;
    corrupt.tracks[0].source = dir / "corrupt.wav";
    CHECK_THROWS_WITH (render (corrupt, dir / "out"), Catch::Contains ("track 1") && Catch::Contains ("corrupt.wav"));

    // A mono track is fine: it plays on both sides.
    auto mono = album;
    writeNoise (dir / "mono.wav", 5.0, 0.2, 11, 1);
    mono.tracks[0].source = dir / "mono.wav";
    const auto monoResult = render (mono, dir / "mono-out");
    CHECK (readAudio (monoResult.program).channels == 2);

    // An earlier render is not replaced without asking, and is intact after the refusal.
    const auto before = readBytes (monoResult.program);
    AlbumRenderRequest again;
    again.album = mono;
    again.folder = dir / "mono-out";
    again.name = "album";
    again.cd = true;
    CHECK_THROWS_WITH (renderAlbum (again), Catch::Contains ("album.wav"));
    CHECK (readBytes (monoResult.program) == before);
    CHECK_FALSE (fs::exists (dir / "mono-out" / (".crest-album-work-" + std::to_string (::getpid()))));
}

TEST_CASE ("an album rendered two tracks at a time is the same bytes as one at a time", "[album][render][jobs]")
{
    TempFolder dir;
    auto album = albumOf (dir, { -14.0, -20.0, -9.0 }, 5.0);
    album.strategy = LoudnessStrategy::album;
    album.targetLufs = -12.0;   // raised: the second pass runs in parallel too
    album.tracks[1].crossfadeSamples = (int64_t) rate;
    album.tracks[2].gapBeforeSamples = 0;
    AlbumRenderRequest request;
    request.album = album;
    request.name = "album";
    request.cd = true;
    request.folder = dir / "one";
    const auto one = renderAlbum (request);
    request.folder = dir / "two";
    request.jobs = 2;
    const auto two = renderAlbum (request);
    CHECK (readBytes (one.program) == readBytes (two.program));
    for (size_t i = 0; i < one.tracks.size(); ++i)
        CHECK (readBytes (one.tracks[i].file) == readBytes (two.tracks[i].file));
    CHECK (readBytes (one.ddp / "IMAGE.DAT") == readBytes (two.ddp / "IMAGE.DAT"));
    CHECK (readBytes (one.ddp / "PQDESCR") == readBytes (two.ddp / "PQDESCR"));
}

TEST_CASE ("each track is delivered for the streaming services at the album's level, under each one's ceiling", "[album][render][streaming]")
{
    TempFolder dir;
    auto album = albumOf (dir, { -14.0, -22.0 }, 5.0);
    album.strategy = LoudnessStrategy::album;
    album.targetLufs = -10.0;
    AlbumRenderRequest request;
    request.album = album;
    request.folder = dir / "out";
    request.name = "album";
    request.cd = true;
    request.targets = { *findTargetPreset ("spotify"), *findTargetPreset ("amazon") };
    const auto result = renderAlbum (request);
    REQUIRE (result.deliveries.size() == 2);
    for (size_t i = 0; i < 2; ++i)
    {
        REQUIRE (result.deliveries[i].size() == 2);
        for (const auto& d : result.deliveries[i])
        {
            INFO ("track " << i + 1 << " for " << d.target.name);
            CHECK (d.passes());
            CHECK (d.file.parent_path() == dir / "out" / "album-streaming");
            const auto measured = analyzeFile (d.file).loudness;
            CHECK (measured.truePeakDbtp <= d.target.truePeakDbtp + 0.05);
            // The album's level, not the service's: exactly where the target's ceiling is the album's
            // (Spotify), less at most what a lower ceiling takes (Amazon, 1 dB lower).
            // Compared with the album's own file of the track (the same span: its audio and the pause after it).
            const double onAlbum = analyzeFile (result.tracks[i].file).loudness.integratedLufs;
            const double lowerBy = album.ceilingDbtp - d.target.truePeakDbtp;
            CHECK (measured.integratedLufs <= onAlbum + 0.02);
            CHECK (measured.integratedLufs >= onAlbum - lowerBy - 0.02);
            CHECK_THAT (readBytes (d.reportText), Catch::Contains ("track " + std::to_string (i + 1)) && Catch::Contains ("as the album sets it"));
        }
    }
    // The quiet track stays quieter than the loud one by what the album gives it.
    const double gap = analyzeFile (result.deliveries[0][0].file).loudness.integratedLufs - analyzeFile (result.deliveries[1][0].file).loudness.integratedLufs;
    CHECK (gap == Approx (analyzeFile (result.tracks[0].file).loudness.integratedLufs - analyzeFile (result.tracks[1].file).loudness.integratedLufs)
                      .margin (0.02));
}
