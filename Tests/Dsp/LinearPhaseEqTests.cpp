// The linear-phase EQ: its impulse response is symmetric about the
// latency it reports, its magnitude is the minimum-phase master EQ's
// within 0.1 dB, mid and side bands stay where they belong, any block size
// gives the same bits, and a moved band cross-fades in without a click.
#include "Dsp/LinearPhaseEq.h"
#include "Dsp/MasterEq.h"
#include "Helpers/MasterEqBands.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <complex>
#include <numbers>
#include <random>
#include <thread>
#include <vector>

using namespace crest;
using namespace crest::test;

namespace
{
constexpr double rate = 48000;

// A mastering EQ a user would set: a low shelf, three bells, an air shelf.
template <typename Eq>
void setTypicalCurve (Eq& eq)
{
    setMasterEqBand (eq, 0, FilterShape::lowShelf, 80, 3, 0.7071);
    setMasterEqBand (eq, 1, FilterShape::bell, 250, -2.5, 1.2);
    setMasterEqBand (eq, 2, FilterShape::bell, 1500, 1.5, 0.8);
    setMasterEqBand (eq, 3, FilterShape::bell, 4500, -3, 2.0);
    setMasterEqBand (eq, 7, FilterShape::highShelf, 12000, 2.5, 0.7071);
}

void process (Processor& p, std::vector<float>& left, std::vector<float>& right, int block)
{
    for (int done = 0; done < (int) left.size(); done += block)
    {
        float* ch[] = { left.data() + done, right.data() + done };
        p.process ({ ch, 2, std::min (block, (int) left.size() - done) });
    }
}

double magnitudeOf (const std::vector<float>& ir, size_t from, size_t length, double hz)
{
    std::complex<double> sum;
    for (size_t n = 0; n < length; ++n)
        sum += (double) ir[from + n] * std::polar (1.0, -2.0 * std::numbers::pi * hz * (double) n / rate);
    return std::abs (sum);
}
} // namespace

TEST_CASE ("linear-phase EQ: the impulse response is symmetric about the reported latency, the magnitude the minimum-phase EQ's", "[dsp][lpeq]")
{
    LinearPhaseEq linear;
    setTypicalCurve (linear);
    linear.prepare ({ rate, 512, 2 });
    const int latency = linear.latencySamples();
    const int length = LinearPhaseEq::filterLengthFor (rate);
    CHECK (length == 16384);
    CHECK (latency == length / 2 + length / 16);   // half the filter and one chunk: 9216 at 48 kHz

    std::vector<float> left ((size_t) (latency + length)), right;
    left[0] = 1.0f;
    right = left;
    process (linear, left, right, 512);

    // The peak at the latency, and the same on either side of it.
    const auto peak = std::max_element (left.begin(), left.end()) - left.begin();
    CHECK (peak == latency);
    double asymmetry = 0, energy = 0;
    for (int m = 1; m < length / 2; ++m)
    {
        asymmetry = std::max (asymmetry, (double) std::abs (left[(size_t) (latency + m)] - left[(size_t) (latency - m)]));
        energy = std::max (energy, (double) std::abs (left[(size_t) (latency + m)]));
    }
    INFO ("largest tap away from the centre " << energy);
    CHECK (asymmetry < 1e-6);
    CHECK (energy > 1e-3);   // the curve is really there

    // Its magnitude against the minimum-phase EQ's own, 30 Hz to 20 kHz.
    MasterEq minimum;
    setTypicalCurve (minimum);
    minimum.prepare ({ rate, 512, 2 });
    double worst = 0, worstHz = 0;
    for (double hz = 30; hz <= 20000; hz *= 1.05)
    {
        const double ours = 20 * std::log10 (magnitudeOf (left, (size_t) (latency - length / 2), (size_t) length, hz));
        const double theirs = 20 * std::log10 (minimum.midMagnitudeAt (hz));
        if (std::abs (ours - theirs) > worst)
        {
            worst = std::abs (ours - theirs);
            worstHz = hz;
        }
    }
    WARN ("linear-phase EQ against the minimum-phase EQ: worst " << worst << " dB at " << worstHz << " Hz (30 Hz - 20 kHz)");
    CHECK (worst <= 0.1);
}

TEST_CASE ("linear-phase EQ: a side band leaves a centred signal alone; any block size gives the same bits", "[dsp][lpeq]")
{
    std::mt19937 random (3);
    std::normal_distribution<float> noise (0.0f, 0.1f);
    std::vector<float> centre (48000 * 2);
    for (auto& s : centre)
        s = noise (random);

    LinearPhaseEq eq;
    setMasterEqBand (eq, 2, FilterShape::bell, 2000, 9, 1, MasterEq::Mode::side);
    eq.prepare ({ rate, 4096, 2 });
    auto left = centre, right = centre;
    process (eq, left, right, 4096);
    const int latency = eq.latencySamples();
    double worst = 0;
    for (size_t i = (size_t) latency; i < centre.size(); ++i)
        worst = std::max ({ worst, (double) std::abs (left[i] - centre[i - (size_t) latency]), (double) std::abs (right[i] - centre[i - (size_t) latency]) });
    CHECK (worst < 1e-5);   // L = R: no side to boost, the centre passes in time

    // Block sizes: a stereo signal through the same settings in 37- and 4096-frame blocks.
    std::vector<float> l1 (centre.size()), r1 (centre.size());
    for (size_t i = 0; i < centre.size(); ++i)
    {
        l1[i] = centre[i];
        r1[i] = centre[(i * 7) % centre.size()];
    }
    auto l2 = l1, r2 = r1;
    LinearPhaseEq a, b;
    setTypicalCurve (a);
    setTypicalCurve (b);
    a.prepare ({ rate, 4096, 2 });
    b.prepare ({ rate, 4096, 2 });
    process (a, l1, r1, 37);
    process (b, l2, r2, 4096);
    CHECK (l1 == l2);
    CHECK (r1 == r2);
}

TEST_CASE ("linear-phase EQ: a moved band is designed off the audio thread and cross-faded in without a click", "[dsp][lpeq]")
{
    LinearPhaseEq eq;
    eq.prepare ({ rate, 512, 2 });
    const int latency = eq.latencySamples();
    // A 1 kHz sine at 0.25, then the 1 kHz bell goes to +12 dB mid-play.
    const int total = 48000 * 3;
    std::vector<float> left ((size_t) total), right;
    for (int i = 0; i < total; ++i)
        left[(size_t) i] = 0.25f * (float) std::sin (2 * std::numbers::pi * 1000 * i / rate);
    right = left;
    for (int done = 0; done < total; done += 512)
    {
        if (done == 48000 - 48000 % 512)
        {
            setMasterEqBand (eq, 3, FilterShape::bell, 1000, 12, 1);
            // Wait for the designer here, as the audio thread never does:
            // so the switch lands at the same chunk on any machine.
            for (int tries = 0; tries < 5000 && ! eq.designReady(); ++tries)
                std::this_thread::sleep_for (std::chrono::milliseconds (1));
            REQUIRE (eq.designReady());
            CHECK_FALSE (eq.settled());   // designed, not yet taken by the audio thread
        }
        float* ch[] = { left.data() + done, right.data() + done };
        eq.process ({ ch, 2, std::min (512, total - done) });
    }
    CHECK (eq.settled());
    // Before: 0.25; after: 0.25 * 4 (+12 dB); no sample steps more than the
    // louder sine does (0.998 * 2 pi 1000 / 48000 = 0.13) plus a little.
    float step = 0;
    for (size_t i = (size_t) latency + 1; i < left.size(); ++i)
        step = std::max (step, std::abs (left[i] - left[i - 1]));
    CHECK (step < 0.15f);
    float before = 0, after = 0;
    for (size_t i = (size_t) latency; i < (size_t) latency + 20000; ++i)
        before = std::max (before, std::abs (left[i]));
    for (size_t i = left.size() - 20000; i < left.size(); ++i)
        after = std::max (after, std::abs (left[i]));
    CHECK (before == Approx (0.25).margin (0.002));
    CHECK (20 * std::log10 (after / before) == Approx (12.0).margin (0.1));
}
