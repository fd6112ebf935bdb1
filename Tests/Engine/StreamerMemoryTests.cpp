// Memory stays bounded whether or not an audio thread runs: 1,000 seeks
// over four 2-minute stereo clips, with no device (nothing ever advances
// the audio epoch) and with a running "device" (a thread calling
// Engine::process as a sound card would). Each seek makes the streamer
// load new chunks and retire old ones; retired chunks must be freed.
#include "Engine/SessionPlayer.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <random>
#include <thread>
#include <unistd.h>

using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

namespace
{
double residentMegabytes()
{
    std::ifstream statm ("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return (double) resident * (double) ::sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

constexpr int64_t clipFrames = 48000 * 120;

// Four 2-minute stereo clips, a session of them, and a player with no device.
struct PlayerOnLongClips
{
    TempFolder dir;
    SessionModel model;
    std::unique_ptr<MediaPool> media;
    std::unique_ptr<SessionPlayer> player;

    PlayerOnLongClips()
    {
        std::vector<fs::path> files;
        for (int i = 0; i < 4; ++i)
        {
            files.push_back (dir / ("long" + std::to_string (i) + ".wav"));
            writeAudio (files.back(), 2, 48000, clipFrames, [i] (int64_t n, int ch) { return (float) ((n * 7 + ch + i) % 200) / 1000.0f; },
                        { Container::wav, SampleEncoding::int16 });
        }
        model.load (sessionOf (files));
        media = std::make_unique<MediaPool> (dir / "cache");
        player = std::make_unique<SessionPlayer> (model, *media);
    }
};

// Seeks 1,000 times to random places, waiting each time until the
// streamer has loaded the audio there; returns RSS growth in MB after the
// first 50 seeks (the working set) to the end.
double growthOverSeeks (SessionPlayer& player, int seekCount = 1000)
{
    std::minstd_rand random (7);
    std::uniform_int_distribution<int64_t> where (0, clipFrames - 1);
    double baseline = 0;
    for (int i = 0; i < seekCount; ++i)
    {
        const auto position = where (random);
        player.seek (position);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds (2);
        for (const auto& placement : player.streamPlacements())
            while (! placement.stream->isResident (position) && std::chrono::steady_clock::now() < deadline)
                std::this_thread::sleep_for (std::chrono::microseconds (200));
        if (i == 49)
            baseline = residentMegabytes();
    }
    return residentMegabytes() - baseline;
}
} // namespace

TEST_CASE ("memory stays bounded over 1,000 seeks with no audio device", "[engine][streaming][memory]")
{
    PlayerOnLongClips fixture;
    auto& player = *fixture.player;
    REQUIRE_FALSE (player.hasAudioDevice());
    const auto growth = growthOverSeeks (player);
    INFO ("RSS grew by " << growth << " MB");
    // Each seek loads about 40 chunks of 128 kB: unbounded, 1,000 seeks
    // would hold about 5 GB.
    CHECK (growth < 32.0);
}

TEST_CASE ("memory stays bounded over 1,000 seeks while an audio thread plays", "[engine][streaming][memory]")
{
    PlayerOnLongClips fixture;
    auto& player = *fixture.player;
    std::atomic<bool> running { true };
    std::thread device ([&] {
        std::vector<float> left (256), right (256);
        float* outputs[] = { left.data(), right.data() };
        while (running)
        {
            // 256 frames every 5.3 ms: a sound card's pace at 48 kHz.
            player.engine().process (outputs, 2, 256);
            std::this_thread::sleep_for (std::chrono::microseconds (5333));
        }
    });
    player.play();
    const auto growth = growthOverSeeks (player);
    running = false;
    device.join();
    CHECK (player.isPlaying());
    INFO ("RSS grew by " << growth << " MB");
    CHECK (growth < 32.0);
}
