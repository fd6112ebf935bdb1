// The chorus: with no depth a voice is the input delayed exactly; with
// depth its delay swings through the whole stated range; mix 0 is dry;
// the output does not depend on block size.
#include "Dsp/Chorus.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

using namespace crest;

namespace
{
constexpr double rate = 48000;

std::unique_ptr<Chorus> makeChorus (double depthMs, double delayMs, double rateHz, int voices)
{
    auto c = std::make_unique<Chorus>();
    c->setParameter (Chorus::depthMs, depthMs);
    c->setParameter (Chorus::delayMs, delayMs);
    c->setParameter (Chorus::rateHz, rateHz);
    c->setParameter (Chorus::voices, voices);
    c->setParameter (Chorus::mix, 100);
    c->prepare ({ rate, 4096, 2 });
    return c;
}

void run (Chorus& c, std::vector<float>& left, std::vector<float>& right, int block)
{
    for (size_t done = 0; done < left.size(); done += (size_t) block)
    {
        float* channels[] = { left.data() + done, right.data() + done };
        c.process ({ channels, 2, (int) std::min<size_t> ((size_t) block, left.size() - done) });
    }
}
} // namespace

TEST_CASE ("a chorus voice with no depth is the input delayed exactly", "[dsp][chorus]")
{
    auto c = makeChorus (0, 10, 1, 1);
    std::vector<float> left (2000, 0.0f), right (2000, 0.0f);
    left[5] = right[5] = 1.0f;
    run (*c, left, right, 256);
    for (size_t i = 0; i < left.size(); ++i)
        REQUIRE (left[i] == (i == 485 ? 1.0f : 0.0f));
}

TEST_CASE ("a chorus voice's delay swings through base +- depth", "[dsp][chorus]")
{
    // Clicks every 50 ms; where each arrives tells the delay at that moment.
    auto c = makeChorus (4, 12, 1, 1);
    const size_t frames = (size_t) rate * 2;
    std::vector<float> left (frames, 0.0f), right (frames, 0.0f);
    for (size_t i = 0; i < frames; i += 2400)
        left[i] = right[i] = 1.0f;
    run (*c, left, right, 512);
    double shortest = 1e9, longest = 0;
    for (size_t click = 0; click + 2400 <= frames; click += 2400)
    {
        // The arrival is the centroid of the interpolated click.
        double weight = 0, moment = 0;
        for (size_t k = click; k < click + 2400; ++k)
        {
            const double e = (double) left[k] * left[k];
            weight += e;
            moment += e * (double) (k - click);
        }
        const double delayMs = moment / weight / rate * 1000;
        shortest = std::min (shortest, delayMs);
        longest = std::max (longest, delayMs);
    }
    CHECK (shortest == Approx (8.0).margin (0.3));
    CHECK (longest == Approx (16.0).margin (0.3));
}

TEST_CASE ("the sweep the chorus editor draws is the delay the voice reads, on both sides", "[dsp][chorus]")
{
    // One voice, 0.7 Hz, width 100 % (the right side a quarter turn on):
    // each click's arrival against Chorus::voiceDelayMs at that moment.
    auto c = makeChorus (3, 10, 0.7, 1);
    c->setParameter (Chorus::width, 100);
    const size_t frames = (size_t) rate * 2, spacing = 2400;
    std::vector<float> left (frames, 0.0f), right (frames, 0.0f);
    for (size_t i = 0; i < frames; i += spacing)
        left[i] = right[i] = 1.0f;
    run (*c, left, right, 333);
    for (int side = 0; side < 2; ++side)
    {
        const auto& out = side == 0 ? left : right;
        for (size_t click = 0; click + spacing <= frames; click += spacing)
        {
            double weight = 0, moment = 0;
            for (size_t k = click; k < click + spacing; ++k)
            {
                const double e = (double) out[k] * out[k];
                weight += e;
                moment += e * (double) (k - click);
            }
            const double measuredMs = moment / weight / rate * 1000;
            // The click meets the voice about the delay later; the sweep at
            // the click's own moment is within the LFO's movement over it.
            const double phase = 0.7 * ((double) click / rate + measuredMs / 1000);
            INFO ("side " << side << ", click at " << click);
            CHECK (measuredMs == Approx (Chorus::voiceDelayMs (phase, 0, 1, side, 10, 3, 1.0, rate)).margin (0.2));
        }
    }
}

TEST_CASE ("chorus mix 0 is dry, and block size changes nothing", "[dsp][chorus]")
{
    auto dry = makeChorus (3, 12, 0.7, 3);
    dry->setParameter (Chorus::mix, 0);
    std::vector<float> a (4800), b (4800);
    for (size_t i = 0; i < a.size(); ++i)
        a[i] = b[i] = (float) std::sin ((double) i * 0.05);
    const auto before = a;
    run (*dry, a, b, 480);
    CHECK (a == before);

    std::vector<std::vector<float>> outputs;
    for (const int block : { 32, 480, 4096 })
    {
        auto c = makeChorus (3, 12, 0.7, 3);
        std::vector<float> l = before, r = before;
        run (*c, l, r, block);
        outputs.push_back (l);
    }
    CHECK (outputs[0] == outputs[1]);
    CHECK (outputs[0] == outputs[2]);
}

TEST_CASE ("a depth larger than the base delay stops at two samples instead of reading ahead", "[dsp][chorus]")
{
    // 5 ms base, 10 ms depth: the swing would reach -5 ms.
    auto chorus = makeChorus (10, 5, 3, 4);
    std::vector<float> left (48000), right (48000);
    for (size_t i = 0; i < left.size(); ++i)
        left[i] = right[i] = (float) std::sin (0.05 * (double) i) * 0.5f;
    run (*chorus, left, right, 512);
    float peak = 0;
    for (size_t i = 0; i < left.size(); ++i)
    {
        REQUIRE (std::isfinite (left[i]));
        peak = std::max (peak, std::abs (left[i]));
    }
    CHECK (peak < 1.0f);   // voices averaged: no garbage from beyond the written audio
}
