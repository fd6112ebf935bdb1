// Taps of a Kaiser-windowed sinc interpolator, shared by the true-peak
// meter and the limiter's peak detector: tap j of `taps` (centre between
// taps taps/2 - 1 and taps/2) for a point `fraction` (0..1) of the way from
// the centre sample to the next, normalised to unity gain at DC. Pure
// functions, message thread (they run once, in constructors).
#pragma once

#include <array>
#include <cmath>
#include <numbers>

namespace crest
{
inline double besselI0 (double x) noexcept
{
    double sum = 1.0, term = 1.0;
    for (int k = 1; k < 40; ++k)
    {
        term *= (x / (2.0 * k)) * (x / (2.0 * k));
        sum += term;
    }
    return sum;
}

template <int Taps>
std::array<float, Taps> windowedSincPhase (double fraction, double beta) noexcept
{
    constexpr double halfSpan = Taps / 2.0;
    std::array<double, Taps> c {};
    double sum = 0.0;
    for (int j = 0; j < Taps; ++j)
    {
        const double x = (double) (j - (Taps / 2 - 1)) - fraction;
        const double sinc = x == 0.0 ? 1.0 : std::sin (std::numbers::pi * x) / (std::numbers::pi * x);
        const double r = x / halfSpan;
        const double window = std::abs (r) >= 1.0 ? 0.0 : besselI0 (beta * std::sqrt (1.0 - r * r)) / besselI0 (beta);
        c[(size_t) j] = sinc * window;
        sum += c[(size_t) j];
    }
    std::array<float, Taps> taps {};
    for (int j = 0; j < Taps; ++j)
        taps[(size_t) j] = (float) (c[(size_t) j] / sum);
    return taps;
}
} // namespace crest
