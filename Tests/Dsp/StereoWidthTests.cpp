// Stereo width: 100 % changes nothing, 0 % is mono, 200 % doubles the side;
// "mono below" takes the side out under its corner and leaves it above.
#include "Dsp/StereoWidth.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

using namespace crest;

namespace
{
constexpr double rate = 48000;

struct Stereo
{
    std::vector<float> left, right;
};

Stereo run (StereoWidth& width, Stereo audio)
{
    width.prepare ({ rate, 512, 2 });
    for (int done = 0; done < (int) audio.left.size(); done += 512)
    {
        float* channels[] = { audio.left.data() + done, audio.right.data() + done };
        width.process ({ channels, 2, std::min (512, (int) audio.left.size() - done) });
    }
    return audio;
}

Stereo noise (int frames)
{
    std::mt19937 random (8);
    std::normal_distribution<float> gauss (0.0f, 0.1f);
    Stereo s { std::vector<float> ((size_t) frames), std::vector<float> ((size_t) frames) };
    for (int i = 0; i < frames; ++i)
    {
        const float common = gauss (random);
        s.left[(size_t) i] = common + gauss (random);
        s.right[(size_t) i] = common + gauss (random);
    }
    return s;
}

double sideDb (const Stereo& s, int from = 0)
{
    double sum = 0;
    for (size_t i = (size_t) from; i < s.left.size(); ++i)
        sum += 0.25 * ((double) s.left[i] - s.right[i]) * ((double) s.left[i] - s.right[i]);
    return 10 * std::log10 (sum / (double) (s.left.size() - (size_t) from));
}

Stereo sideTone (double hz, int frames)
{
    Stereo s { std::vector<float> ((size_t) frames), std::vector<float> ((size_t) frames) };
    for (int i = 0; i < frames; ++i)
    {
        const float x = (float) (0.25 * std::sin (2 * std::numbers::pi * hz * i / rate));
        s.left[(size_t) i] = x;
        s.right[(size_t) i] = -x;
    }
    return s;
}
} // namespace

TEST_CASE ("stereo width: 100 % is the input, 0 % is mono, 200 % doubles the side", "[dsp][width]")
{
    const auto input = noise (48000);
    StereoWidth unchanged;
    const auto same = run (unchanged, input);
    CHECK (same.left == input.left);
    CHECK (same.right == input.right);

    StereoWidth mono;
    mono.setParameter (StereoWidth::widthPercent, 0);
    const auto collapsed = run (mono, input);
    CHECK (collapsed.left == collapsed.right);

    StereoWidth wide;
    wide.setParameter (StereoWidth::widthPercent, 200);
    const auto widened = run (wide, input);
    CHECK (sideDb (widened) - sideDb (input) == Approx (6.02).margin (0.05));
}

TEST_CASE ("mono below a frequency takes the side out under it and keeps it above", "[dsp][width]")
{
    StereoWidth bassMono;
    bassMono.setParameter (StereoWidth::monoBelowHz, 120);
    const auto low = run (bassMono, sideTone (40, 48000));
    CHECK (sideDb (low, 24000) - sideDb (sideTone (40, 48000), 24000) < -30);   // LR4: -6 dB at 120, ~ -38 at 40
    StereoWidth again;
    again.setParameter (StereoWidth::monoBelowHz, 120);
    const auto high = run (again, sideTone (2000, 48000));
    CHECK (sideDb (high, 24000) - sideDb (sideTone (2000, 48000), 24000) == Approx (0).margin (0.05));
    // The mid is untouched: a centred (mono) signal passes exactly.
    auto centred = sideTone (40, 4800);
    centred.right = centred.left;
    StereoWidth third;
    third.setParameter (StereoWidth::monoBelowHz, 120);
    const auto passed = run (third, centred);
    double worst = 0;
    for (size_t i = 0; i < passed.left.size(); ++i)
        worst = std::max (worst, (double) std::abs (passed.left[i] - centred.left[i]));
    CHECK (worst < 1e-7);
}
