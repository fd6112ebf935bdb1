// Crossfade curves: equal power keeps the summed power of uncorrelated
// noise within 0.01 dB of constant through the fade; linear keeps the sum
// of a correlated signal (the same on both sides) exact; the S-curve sums
// to one and starts and ends flat; all three mirror.
#include "Album/Crossfade.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

using namespace crest;

TEST_CASE ("equal-power crossfades keep uncorrelated noise's power within 0.01 dB", "[album][crossfade]")
{
    // 256 pairs of independent Gaussian noise through a 48000-sample fade,
    // measured in windows of 4800: the mix's power against the power the
    // two sides bring in (g_out^2 a^2 + g_in^2 b^2), so only correlation
    // between the sides could move it.
    constexpr int64_t n = 48000, window = 4800;
    constexpr int pairs = 256;
    std::mt19937 random (20261201);
    std::normal_distribution<double> noise;
    std::vector<double> mixPower ((size_t) (n / window), 0.0), broughtPower ((size_t) (n / window), 0.0), linearPower ((size_t) (n / window), 0.0);
    for (int p = 0; p < pairs; ++p)
        for (int64_t k = 0; k < n; ++k)
        {
            const double a = noise (random), b = noise (random);
            const auto g = crossfadeGains (CrossfadeCurve::equalPower, k, n);
            const auto l = crossfadeGains (CrossfadeCurve::linear, k, n);
            const auto w = (size_t) (k / window);
            mixPower[w] += std::pow (a * g.fadeOut + b * g.fadeIn, 2);
            broughtPower[w] += a * a + b * b;   // equal-power: g_out^2 + g_in^2 = 1
            linearPower[w] += std::pow (a * l.fadeOut + b * l.fadeIn, 2);
        }
    for (size_t w = 0; w < mixPower.size(); ++w)
    {
        INFO ("window " << w);
        CHECK (10 * std::log10 (mixPower[w] / (0.5 * broughtPower[w])) == Approx (0.0).margin (0.01));
    }
    // A linear fade dips by 3 dB in the middle on uncorrelated material: the test can tell them apart.
    CHECK (10 * std::log10 (linearPower[4] / (0.5 * broughtPower[4])) < -2.5);
}

TEST_CASE ("linear crossfades keep a correlated signal's amplitude exact", "[album][crossfade]")
{
    constexpr int64_t n = 44100;
    double worst = 0;
    for (int64_t k = 0; k < n; ++k)
    {
        const double x = std::sin (2 * M_PI * 440 * (double) k / 44100);
        const auto g = crossfadeGains (CrossfadeCurve::linear, k, n);
        worst = std::max (worst, std::abs (x * g.fadeOut + x * g.fadeIn - x));
    }
    CHECK (worst < 1e-15);
}

TEST_CASE ("the S-curve sums to one, starts and ends flat, and every curve mirrors", "[album][crossfade]")
{
    constexpr int64_t n = 1000;
    for (int64_t k = 0; k < n; ++k)
    {
        const auto s = crossfadeGains (CrossfadeCurve::sCurve, k, n);
        CHECK (s.fadeOut + s.fadeIn == Approx (1.0).margin (1e-15));
        for (const auto curve : { CrossfadeCurve::equalPower, CrossfadeCurve::linear, CrossfadeCurve::sCurve })
        {
            const auto g = crossfadeGains (curve, k, n), mirrored = crossfadeGains (curve, n - 1 - k, n);
            CHECK (g.fadeOut == Approx (mirrored.fadeIn).margin (1e-12));
        }
    }
    // Flat ends: the S-curve's first step is far smaller than the linear's.
    const double firstStep = crossfadeGains (CrossfadeCurve::sCurve, 1, n).fadeIn - crossfadeGains (CrossfadeCurve::sCurve, 0, n).fadeIn;
    CHECK (firstStep < 0.01 * (1.0 / n));
    // Inside the fade only: sample 0 is already on its way, the last not yet all the way.
    CHECK (crossfadeGains (CrossfadeCurve::linear, 0, n).fadeIn > 0.0);
    CHECK (crossfadeGains (CrossfadeCurve::linear, n - 1, n).fadeIn < 1.0);
}
