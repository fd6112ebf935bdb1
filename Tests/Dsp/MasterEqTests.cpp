// The master EQ: stereo bands do what the strip EQ does to each channel; a
// side band leaves a centred signal alone and shapes what differs between
// the channels; a mid band the reverse.
#include "Dsp/MasterEq.h"
#include "Helpers/MasterEqBands.h"
#include "Dsp/ParametricEq.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

using namespace crest;
using namespace crest::test;

namespace
{
constexpr double rate = 48000;

struct Stereo
{
    std::vector<float> left, right;
};

void run (Processor& p, Stereo& s, int channels = 2)
{
    p.prepare ({ rate, 512, channels });
    for (int done = 0; done < (int) s.left.size(); done += 512)
    {
        float* ch[] = { s.left.data() + done, s.right.data() + done };
        p.process ({ ch, channels, std::min (512, (int) s.left.size() - done) });
    }
}

Stereo tone (double hz, double leftGain, double rightGain, int frames)
{
    Stereo s { std::vector<float> ((size_t) frames), std::vector<float> ((size_t) frames) };
    for (int i = 0; i < frames; ++i)
    {
        const double x = 0.25 * std::sin (2 * std::numbers::pi * hz * i / rate);
        s.left[(size_t) i] = (float) (leftGain * x);
        s.right[(size_t) i] = (float) (rightGain * x);
    }
    return s;
}

double rmsDb (const std::vector<float>& x, int from)
{
    double sum = 0;
    for (size_t i = (size_t) from; i < x.size(); ++i)
        sum += (double) x[i] * x[i];
    return 10 * std::log10 (sum / (double) (x.size() - (size_t) from));
}
} // namespace

TEST_CASE ("master EQ stereo bands match the strip EQ on each channel", "[dsp][mastereq]")
{
    std::mt19937 random (4);
    std::normal_distribution<float> gauss (0.0f, 0.1f);
    Stereo input { std::vector<float> (48000), std::vector<float> (48000) };
    for (size_t i = 0; i < input.left.size(); ++i)
    {
        input.left[i] = gauss (random);
        input.right[i] = gauss (random);
    }
    MasterEq master;
    setMasterEqBand (master, 0, FilterShape::lowShelf, 100, 3, 0.7, MasterEq::Mode::stereo);
    setMasterEqBand (master, 3, FilterShape::bell, 2500, -4, 1.5, MasterEq::Mode::stereo);
    setMasterEqBand (master, 7, FilterShape::lowPass, 18000, 0, 0.7071, MasterEq::Mode::stereo);
    ParametricEq strip;
    auto copy = [&] (int band, FilterShape shape, double hz, double gain, double q) {
        strip.setParameter (ParametricEq::parameterIndex (band, ParametricEq::on), 1);
        strip.setParameter (ParametricEq::parameterIndex (band, ParametricEq::shape), (double) shape);
        strip.setParameter (ParametricEq::parameterIndex (band, ParametricEq::frequencyHz), hz);
        strip.setParameter (ParametricEq::parameterIndex (band, ParametricEq::gainDb), gain);
        strip.setParameter (ParametricEq::parameterIndex (band, ParametricEq::q), q);
    };
    copy (0, FilterShape::lowShelf, 100, 3, 0.7);
    copy (3, FilterShape::bell, 2500, -4, 1.5);
    copy (7, FilterShape::lowPass, 18000, 0, 0.7071);
    auto a = input, b = input;
    run (master, a);
    run (strip, b);
    double worst = 0;
    for (size_t i = 0; i < a.left.size(); ++i)
        worst = std::max ({ worst, (double) std::abs (a.left[i] - b.left[i]), (double) std::abs (a.right[i] - b.right[i]) });
    CHECK (worst < 1e-6);   // the same filters; only mid/side's float rounding differs
}

TEST_CASE ("a side band shapes only what differs between the channels, a mid band only what they share", "[dsp][mastereq]")
{
    for (const auto mode : { MasterEq::Mode::side, MasterEq::Mode::mid })
    {
        INFO ((mode == MasterEq::Mode::side ? "side" : "mid"));
        auto centred = tone (1000, 1, 1, 48000);       // all mid
        auto opposed = tone (1000, 1, -1, 48000);      // all side
        const auto centredIn = centred, opposedIn = opposed;
        MasterEq a, b;
        setMasterEqBand (a, 2, FilterShape::bell, 1000, 6, 1, mode);
        setMasterEqBand (b, 2, FilterShape::bell, 1000, 6, 1, mode);
        run (a, centred);
        run (b, opposed);
        const double centredChange = rmsDb (centred.left, 24000) - rmsDb (centredIn.left, 24000);
        const double opposedChange = rmsDb (opposed.left, 24000) - rmsDb (opposedIn.left, 24000);
        CHECK (centredChange == Approx (mode == MasterEq::Mode::mid ? 6 : 0).margin (0.05));
        CHECK (opposedChange == Approx (mode == MasterEq::Mode::side ? 6 : 0).margin (0.05));
    }
}
