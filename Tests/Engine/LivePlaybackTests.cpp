// Hidden from the default run ("[.jack]"): ctest runs it through
// run-with-jackd.sh, which starts a JACK server with its dummy driver.
#include "Demo/DemoSong.h"
#include "Engine/SessionPlayer.h"
#include "Helpers/TestFiles.h"
#include "Render/OfflineRenderer.h"
#include "Session/SessionFile.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

using namespace crest;
using namespace crest::test;

TEST_CASE ("live playback through a JACK server equals the offline render of the same span", "[.jack]")
{
    TempFolder dir;
    const auto song = writeDemoSong (dir / "demo");
    SessionModel model;
    model.load (loadSessionFile (song.sessionFile));
    MediaPool media (dir / "cache");
    SessionPlayer player (model, media);
    const auto problem = player.openAudioDevice ("JACK");
    INFO (problem);
    REQUIRE (problem.isEmpty());
    REQUIRE (player.deviceDescription().startsWith ("JACK"));

    const size_t wanted = 48000 * 3 * 2;   // three seconds, interleaved stereo
    SampleFifo tap (wanted * 2);
    std::vector<float> played;
    player.engine().setCaptureTap (&tap);
    player.play();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds (20);
    std::vector<float> chunk (4096);
    while (played.size() < wanted && std::chrono::steady_clock::now() < deadline)
    {
        std::this_thread::sleep_for (std::chrono::milliseconds (5));
        while (const auto n = tap.pop (chunk.data(), chunk.size()))
            played.insert (played.end(), chunk.begin(), chunk.begin() + (long) n);
        player.collectGarbage();
    }
    player.stop();
    player.closeAudioDevice();
    player.engine().setCaptureTap (nullptr);
    REQUIRE (played.size() >= wanted);
    CHECK (player.engine().underrunFrames() == 0);

    // Live, the output lags the transport by the session's latency (the
    // master's limiter looks ahead); a render takes it off the front.
    const auto latency = (size_t) player.latencySamples();
    CHECK (latency > 0);
    RenderRequest request;
    request.output = dir / "offline.wav";
    request.format = { Container::wav, SampleEncoding::float32 };
    request.endSample = (int64_t) (played.size() / 2 - latency);
    MediaPool renderMedia (dir / "cache");
    renderSession (model.toDocument(), request, renderMedia);
    const auto offline = readAudio (request.output);
    REQUIRE (offline.samples.size() == played.size() - 2 * latency);
    size_t differing = 0;
    for (size_t i = 0; i < offline.samples.size(); ++i)
        differing += played[i + 2 * latency] != offline.samples[i] ? 1 : 0;
    CHECK (differing == 0);
}
