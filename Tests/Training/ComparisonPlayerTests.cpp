// The listening test's player: A and B switch at the same place with no
// click, B plays at its match gain, the excerpt loops with a silent seam,
// at most 30 s are held, and the audio thread neither allocates nor locks
// while pairs are loaded under it.
#include "Training/ComparisonPlayer.h"
#include "Helpers/RealtimeGuard.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <thread>

using namespace crest;
using namespace crest::test;

namespace
{
constexpr double rate = 48000;

ComparisonPlayer::Programme sine (double amplitude, int frames, float gain = 1.0f)
{
    ComparisonPlayer::Programme p;
    for (int i = 0; i < frames; ++i)
    {
        p.left.push_back ((float) (amplitude * std::sin (2 * M_PI * 220 * i / rate)));
        p.right.push_back (p.left.back());
    }
    p.gain = gain;
    return p;
}

std::vector<float> playFor (ComparisonPlayer& player, int frames, const std::function<void (int)>& atBlock = {})
{
    std::vector<float> left ((size_t) frames), right ((size_t) frames);
    for (int done = 0; done < frames; done += 256)
    {
        if (atBlock)
            atBlock (done);
        float* out[] = { left.data() + done, right.data() + done };
        player.render (out, 2, std::min (256, frames - done));
    }
    return left;
}

float largestStep (const std::vector<float>& x, size_t from)
{
    float step = 0;
    for (size_t i = from + 1; i < x.size(); ++i)
        step = std::max (step, std::abs (x[i] - x[i - 1]));
    return step;
}
} // namespace

TEST_CASE ("the comparison player switches A and B at the same place, B at its match, with no click", "[training][player]")
{
    ComparisonPlayer player;
    // B is A inverted and 6 dB quieter, matched back up: the switch passes through silence.
    player.load (sine (0.25, (int) rate * 2), sine (-0.125, (int) rate * 2, 2.0f), rate);
    player.play();
    const auto heard = playFor (player, (int) rate, [&] (int done) {
        if (done == 12288)
            player.choose (1);
        if (done == 24576)
            player.choose (0);
        if (done == 36864)
            player.stop();   // fades out: no click either
        if (done == 40960)
            player.play();
    });
    // A sine of 0.25 at 220 Hz moves at most 0.0072 a sample; a cut to its inverse would jump 0.5.
    CHECK (largestStep (heard, 600) < 0.0075f);
    // Matched: B plays at A's level, inverted.
    CHECK (heard[20000] == Approx (0.25 * -std::sin (2 * M_PI * 220 * 20000 / rate)).margin (1e-5));
    CHECK (heard[30000] == Approx (0.25 * std::sin (2 * M_PI * 220 * 30000 / rate)).margin (1e-5));
    CHECK (heard[38000] == 0.0f);   // stopped
}

TEST_CASE ("the comparison player loops its excerpt with a silent seam and holds at most 30 s", "[training][player]")
{
    ComparisonPlayer player;
    // A constant: any jump at the seam would show.
    ComparisonPlayer::Programme dc, other;
    dc.left.assign ((size_t) rate, 0.5f);
    dc.right = dc.left;
    other = dc;
    player.load (dc, other, rate);
    player.play();
    const auto heard = playFor (player, (int) rate * 3);
    // 10 ms fades, no step: at most 0.5 / 480 a sample, twice that where the
    // first start's fade and the gain's ramp meet.
    CHECK (largestStep (heard, 0) < 2.05f * 0.5f / 480);
    CHECK (heard[(size_t) rate / 2] == 0.5f);
    CHECK (heard[(size_t) rate - 1] < 0.01f);              // the seam: faded out ...
    CHECK (heard[(size_t) rate + 480] == Approx (0.5f));   // ... and back in

    ComparisonPlayer::Programme longA = sine (0.1, (int) (rate * 40)), longB = longA;
    player.load (std::move (longA), std::move (longB), rate);
    playFor (player, 256);
    player.stop();
    player.restart();
    CHECK (player.position() <= (int64_t) (rate * 30));
}

TEST_CASE ("the comparison player's audio thread never allocates or locks while pairs are loaded", "[training][player][realtime]")
{
    ComparisonPlayer player;
    player.load (sine (0.2, 48000), sine (0.2, 48000), rate);
    player.play();
    std::atomic<bool> running { true };
    RealtimeGuard::reset();
    std::thread audio ([&] {
        std::vector<float> left (256), right (256);
        float* out[] = { left.data(), right.data() };
        RealtimeGuard::Scope scope;
        while (running.load())
            player.render (out, 2, 256);
    });
    for (int i = 0; i < 200; ++i)
    {
        player.load (sine (0.1 + 0.001 * i, 24000), sine (0.2, 30000), rate);
        player.choose (i % 2);
        player.collectGarbage();
        std::this_thread::sleep_for (std::chrono::microseconds (200));
    }
    running = false;
    audio.join();
    player.collectGarbage();
    INFO (RealtimeGuard::firstViolation());
    CHECK (RealtimeGuard::violations() == 0);
}
