// The delay: an impulse arrives on the exact sample; each repeat falls by
// the feedback setting; ping-pong alternates sides; note values follow
// the tempo; a time change makes no step larger than the signal's own.
#include "Dsp/Delay.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <numbers>
#include <vector>

using namespace crest;

namespace
{
constexpr double rate = 48000;

std::unique_ptr<Delay> makeDelay (double ms, double feedbackPercent)
{
    auto d = std::make_unique<Delay>();
    d->setParameter (Delay::timeMs, ms);
    d->setParameter (Delay::feedback, feedbackPercent);
    d->setParameter (Delay::mix, 100);
    d->prepare ({ rate, 4096, 2 });
    return d;
}

struct Stereo
{
    std::vector<float> left, right;
    explicit Stereo (size_t frames) : left (frames, 0.0f), right (frames, 0.0f) {}
};

void run (Delay& d, Stereo& audio, int block = 512)
{
    for (size_t done = 0; done < audio.left.size(); done += (size_t) block)
    {
        float* channels[] = { audio.left.data() + done, audio.right.data() + done };
        d.process ({ channels, 2, (int) std::min<size_t> ((size_t) block, audio.left.size() - done) });
    }
}
} // namespace

TEST_CASE ("an impulse comes back on the exact sample, each repeat lower by the feedback", "[dsp][delay]")
{
    for (const double feedback : { 0.0, 25.0, 50.0, 90.0 })
    {
        auto d = makeDelay (10, feedback);   // 480 samples
        Stereo audio (4800);
        audio.left[0] = audio.right[0] = 1.0f;
        run (*d, audio, 100);
        for (size_t i = 0; i < audio.left.size(); ++i)
        {
            const bool repeat = i > 0 && i % 480 == 0;
            if (! repeat)
            {
                INFO ("sample " << i);
                REQUIRE (audio.left[i] == 0.0f);
                continue;
            }
            const int k = (int) (i / 480);
            const double expected = std::pow (feedback / 100, k - 1);
            if (expected == 0)
                CHECK (audio.left[i] == 0.0f);
            else
                CHECK (20 * std::log10 (audio.left[i]) == Approx (20 * std::log10 (expected)).margin (0.1));
        }
    }
}

TEST_CASE ("ping-pong repeats alternate sides; note values follow the tempo", "[dsp][delay]")
{
    auto d = makeDelay (10, 50);
    d->setParameter (Delay::pingPong, 1);
    Stereo audio (2000);
    audio.left[0] = audio.right[0] = 1.0f;
    run (*d, audio);
    CHECK (audio.left[480] == Approx (1.0f));
    CHECK (audio.right[480] == 0.0f);
    CHECK (audio.right[960] == Approx (0.5f));
    CHECK (audio.left[960] == 0.0f);
    CHECK (audio.left[1440] == Approx (0.25f));

    Delay synced;
    synced.setParameter (Delay::noteValue, 4);   // an eighth note
    synced.setParameter (Delay::tempoBpm, 120);
    synced.prepare ({ rate, 512, 2 });
    CHECK (synced.targetDelaySamples() == Approx (0.25 * rate));
    synced.setParameter (Delay::noteValue, 9);   // a dotted eighth
    CHECK (synced.targetDelaySamples() == Approx (0.375 * rate));
    synced.setParameter (Delay::noteValue, 13);  // a quarter-note triplet
    CHECK (synced.targetDelaySamples() == Approx (rate / 3));
}

TEST_CASE ("a delay time change makes no step larger than the signal's own", "[dsp][delay]")
{
    auto d = makeDelay (300, 40);
    const double tone = 440;
    Stereo audio ((size_t) rate * 2);
    for (size_t i = 0; i < audio.left.size(); ++i)
        audio.left[i] = audio.right[i] = (float) (0.5 * std::sin (2 * std::numbers::pi * tone * (double) i / rate));
    const double ownStep = 0.5 * 2 * std::sin (std::numbers::pi * tone / rate);
    // Move the time every 100 ms, as automation or a hand would.
    for (size_t done = 0, n = 0; done < audio.left.size(); done += 4800, ++n)
    {
        d->setParameter (Delay::timeMs, n % 2 == 0 ? 300.0 : 137.3);
        float* channels[] = { audio.left.data() + done, audio.right.data() + done };
        d->process ({ channels, 2, 4800 });
    }
    // The echoes of a sine sum to a sine of at most 1/(1-0.4) times the
    // level; a click would jump far past that bound's step.
    double worst = 0;
    for (size_t i = 1; i < audio.left.size(); ++i)
        worst = std::max (worst, (double) std::abs (audio.left[i] - audio.left[i - 1]));
    CHECK (worst <= ownStep / (1 - 0.4) * 1.01);
}
