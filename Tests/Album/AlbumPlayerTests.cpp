// The album played live: what the player sends to the device is, sample
// for sample, the program the offline render assembles (crossfades, gaps,
// gains and all), at any device block size, with no allocation, lock or
// file access on the audio thread. A new program (other gains, a new
// order) takes over through a 10 ms fade with no jump, and playback stops
// at the album's end.
#include "Album/AlbumMasters.h"
#include "Album/AlbumPlayer.h"

#include "Helpers/RealtimeGuard.h"
#include "Helpers/TestFiles.h"
#include "IO/AudioFileReader.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <random>
#include <thread>

using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

namespace
{
constexpr double rate = 44100;

struct Fixture
{
    TempFolder dir;
    AlbumDocument album;
    AlbumLayout layout;
    std::vector<AlbumPlayer::Track> tracks;
    std::vector<fs::path> files;
    std::vector<double> gains { -1.5, 0.0, 2.0 };

    Fixture()
    {
        album.sampleRate = rate;
        unsigned seed = 3;
        std::vector<int64_t> lengths;
        for (const int channels : { 2, 1, 2 })   // a mono master plays on both sides
        {
            AlbumTrack t;
            t.id = album.freshTrackId();
            t.source = dir / (t.id + ".wav");
            std::mt19937 random (seed++);
            std::normal_distribution<float> noise (0.0f, 0.2f);
            const int64_t frames = (int64_t) (3.3 * rate) + seed;
            writeAudio (t.source, channels, rate, frames, [&] (int64_t, int) { return noise (random); });
            album.tracks.push_back (t);
            files.push_back (t.source);
            lengths.push_back (frames);
            tracks.push_back ({ t.source, channels, gains[tracks.size()] });
        }
        album.tracks[0].gapBeforeSamples = 22050;
        album.tracks[0].crossfadeSamples = 30011;   // into track 2, equal power
        album.tracks[1].crossfadeSamples = 0;
        album.tracks[2].gapBeforeSamples = 12345;
        album.tracks[2].startOffsetSamples = 1000;
        layout = layoutAlbum (album, lengths, false);
    }

    std::vector<float> offlineProgram()
    {
        const auto out = dir / "program.wav";
        assembleAlbum (layout, gains, files, out, rate, std::nullopt, {});
        AudioFileReader reader (out);
        std::vector<float> samples ((size_t) (2 * reader.info().frames));
        reader.readInterleaved (samples.data(), reader.info().frames);
        return samples;
    }
};

void startPlaying (AlbumPlayer& player)
{
    player.play();
    for (int i = 0; i < 500 && player.streamer().startPending(); ++i)
        std::this_thread::sleep_for (std::chrono::milliseconds (10));
    REQUIRE_FALSE (player.streamer().startPending());
}

// Plays `frames` from where the player is, in blocks cycling through `sizes`, into interleaved stereo.
std::vector<float> play (AlbumPlayer& player, int64_t frames, const std::vector<int>& sizes)
{
    std::vector<float> out, left (8192), right (8192);
    size_t which = 0;
    for (int64_t done = 0; done < frames;)
    {
        const int n = (int) std::min<int64_t> (sizes[which++ % sizes.size()], frames - done);
        player.streamer().prefetch (player.position(), n);   // as an offline renderer would: no underrun in a test
        float* outputs[] = { left.data(), right.data() };
        {
            RealtimeGuard::Scope guard;
            player.process (outputs, 2, n);
        }
        for (int i = 0; i < n; ++i)
        {
            out.push_back (left[(size_t) i]);
            out.push_back (right[(size_t) i]);
        }
        done += n;
    }
    return out;
}
} // namespace

TEST_CASE ("the album plays live exactly as it renders, at any block size, real-time safe", "[album][player]")
{
    Fixture f;
    const auto expected = f.offlineProgram();
    for (const auto& sizes : std::vector<std::vector<int>> { { 512 }, { 333, 64, 4096, 5000, 1 } })
    {
        INFO ("blocks " << sizes.front() << "...");
        AlbumPlayer player;
        player.setProgram (f.layout, f.tracks);
        RealtimeGuard::reset();
        startPlaying (player);
        const auto got = play (player, f.layout.totalSamples, sizes);
        CHECK (RealtimeGuard::violations() == 0);
        INFO (RealtimeGuard::firstViolation());
        REQUIRE (got.size() == expected.size());
        size_t differing = 0;
        for (size_t i = 0; i < got.size(); ++i)
            differing += got[i] != expected[i];
        CHECK (differing == 0);
        CHECK (player.underruns() == 0);
        CHECK_FALSE (player.isPlaying());   // stopped at the album's end
        CHECK (player.position() == f.layout.totalSamples);
    }
}

TEST_CASE ("a new program takes over through a short fade, without a jump", "[album][player]")
{
    Fixture f;
    // A steady tone instead of noise, so a jump would show.
    for (size_t t = 0; t < f.files.size(); ++t)
        writeAudio (f.files[t], f.tracks[t].channels, rate, (int64_t) (3.3 * rate) + 4 + (int64_t) t,
                    [] (int64_t n, int) { return 0.5f * (float) std::sin (2 * M_PI * 220.0 * (double) n / rate); });
    AlbumPlayer player;
    player.setProgram (f.layout, f.tracks);
    player.seek (f.layout.spans[1].start + 40000);   // inside track 2, past the crossfade
    startPlaying (player);
    const auto before = play (player, 2048, { 256 });

    auto louder = f.tracks;
    louder[1].gainDb += 6.0;
    player.setProgram (f.layout, louder);
    const auto after = play (player, 4096, { 256 });
    double largestStep = 0;
    float last = before[before.size() - 2];
    for (size_t i = 0; i < after.size(); i += 2)
    {
        largestStep = std::max (largestStep, (double) std::abs (after[i] - last));
        last = after[i];
    }
    // A 220 Hz tone at 0.5 (x2 after the change) moves at most 2π·220/44100·1.0 ≈ 0.031 per sample.
    CHECK (largestStep < 0.04);
    // After the fade, exactly the new gain: twice the old level (6.02 dB ≈ 2.0).
    double peakBefore = 0, peakAfter = 0;
    for (size_t i = 0; i < before.size(); i += 2)
        peakBefore = std::max (peakBefore, (double) std::abs (before[i]));
    for (size_t i = 2 * 1024; i < after.size(); i += 2)
        peakAfter = std::max (peakAfter, (double) std::abs (after[i]));
    CHECK (peakAfter / peakBefore == Approx (std::pow (10.0, 6.0 / 20)).margin (0.01));
    player.stop();
    player.collectGarbage();
}

TEST_CASE ("a reorder while playing is heard once its audio is loaded, with no dropout", "[album][player]")
{
    Fixture f;
    AlbumPlayer player;
    player.setProgram (f.layout, f.tracks);
    player.seek (f.layout.spans[0].start + 20000);
    startPlaying (player);
    // Real-time pace, the streamer on its own thread: as on a device.
    auto playPaced = [&] (int blocks) {
        std::vector<float> left (512), right (512);
        float* outputs[] = { left.data(), right.data() };
        for (int b = 0; b < blocks; ++b)
        {
            player.process (outputs, 2, 512);
            std::this_thread::sleep_for (std::chrono::microseconds (11600));
        }
        return std::pair { left, right };
    };
    playPaced (20);

    // Tracks 1 and 3 swapped: every stream moves, so each is loaded anew.
    auto reordered = f.album;
    std::swap (reordered.tracks[0], reordered.tracks[2]);
    reordered.tracks[0].gapBeforeSamples = 22050;
    reordered.tracks[2].gapBeforeSamples = 12345;
    reordered.tracks[1].gapBeforeSamples = 0;
    std::vector<int64_t> lengths;
    for (size_t i : { 2u, 1u, 0u })
        lengths.push_back (f.layout.spans[i].length() + f.layout.spans[i].sourceStart);
    reordered.tracks[0].startOffsetSamples = 1000;
    reordered.tracks[2].startOffsetSamples = 0;
    reordered.tracks[0].crossfadeSamples = 30011;
    reordered.tracks[2].crossfadeSamples = 0;
    const auto layout = layoutAlbum (reordered, lengths, false);
    std::vector<AlbumPlayer::Track> tracks { f.tracks[2], f.tracks[1], f.tracks[0] };
    player.setProgram (layout, tracks);
    const auto [left, right] = playPaced (60);
    CHECK (player.underruns() == 0);

    // Now the new order plays: the last block is the new program's, sample for sample.
    std::vector<fs::path> files { f.files[2], f.files[1], f.files[0] };
    std::vector<double> gains { f.gains[2], f.gains[1], f.gains[0] };
    assembleAlbum (layout, gains, files, f.dir / "reordered.wav", rate, std::nullopt, {});
    AudioFileReader reader (f.dir / "reordered.wav");
    const int64_t from = player.position() - 512;
    REQUIRE (from >= 0);
    reader.seek (from);
    std::vector<float> expected (2 * 512);
    reader.readInterleaved (expected.data(), 512);
    size_t differing = 0;
    for (int i = 0; i < 512; ++i)
        differing += left[(size_t) i] != expected[(size_t) (2 * i)] || right[(size_t) i] != expected[(size_t) (2 * i + 1)];
    CHECK (differing == 0);
    player.stop();
}
