// The long-term average spectrum: calibrated so a sine reads its RMS in its
// 1/3-octave band, its bins add up to the programme's mean square
// (Parseval), and a programme shorter than one window still reads right.
#include "Analysis/AverageSpectrum.h"
#include "Analysis/ThirdOctaveBands.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

using namespace crest;

namespace
{
constexpr double rate = 48000;

std::vector<float> stereoSine (double hz, double amplitude, int frames)
{
    std::vector<float> s ((size_t) frames * 2);
    for (int i = 0; i < frames; ++i)
        s[(size_t) (2 * i)] = s[(size_t) (2 * i + 1)] = (float) (amplitude * std::sin (2 * std::numbers::pi * hz * i / rate));
    return s;
}

int bandOf (double hz)
{
    for (int b = 0; b < thirdOctave::count; ++b)
        if (hz >= thirdOctave::lowerEdgeHz (b) && hz < thirdOctave::upperEdgeHz (b))
            return b;
    return -1;
}
} // namespace

TEST_CASE ("a sine reads its RMS level in its 1/3-octave band and nothing far from it", "[analysis][spectrum]")
{
    for (const double hz : { 63.0, 1000.0, 10000.0 })
    {
        AverageSpectrumMeter meter (2, rate);
        const auto s = stereoSine (hz, 0.5, (int) rate * 5);
        meter.add (s.data(), (int64_t) rate * 5);
        const auto bands = meter.profile().thirdOctaveDb();
        const int band = bandOf (hz);
        CHECK (bands[(size_t) band] == Approx (20 * std::log10 (0.5 / std::sqrt (2.0))).margin (0.05));
        // Two bands away the Hann window's leakage is far down (its skirt at 63 Hz: 8 bins).
        CHECK (bands[(size_t) band + 2] < bands[(size_t) band] - 50);
        CHECK (bands[(size_t) band - 2] < bands[(size_t) band] - 50);
    }
}

TEST_CASE ("the bins of noise add up to its mean square", "[analysis][spectrum]")
{
    std::mt19937 random (7);
    std::normal_distribution<float> normal (0.0f, 0.1f);
    std::vector<float> noise ((size_t) rate * 2 * 10);
    double meanSquare = 0;
    for (auto& x : noise)
    {
        x = normal (random);
        meanSquare += (double) x * x;
    }
    meanSquare /= (double) noise.size();
    AverageSpectrumMeter meter (2, rate);
    for (size_t done = 0; done < noise.size(); done += 2 * 1000)   // fed in odd blocks
        meter.add (noise.data() + done, 1000);
    const auto p = meter.profile();
    double total = 0;
    for (const double b : p.binPower)
        total += b;
    CHECK (10 * std::log10 (total) == Approx (10 * std::log10 (meanSquare)).margin (0.05));
    // White noise: every 1/3-octave band above 200 Hz sits on the density times its width.
    const double density = meanSquare / (rate / 2);
    for (int b = 10; b < 29; ++b)
        CHECK (p.bandDb (thirdOctave::lowerEdgeHz (b), thirdOctave::upperEdgeHz (b))
               == Approx (10 * std::log10 (density * (thirdOctave::upperEdgeHz (b) - thirdOctave::lowerEdgeHz (b)))).margin (0.3));
}

TEST_CASE ("a programme shorter than one window is read as one padded window", "[analysis][spectrum]")
{
    AverageSpectrumMeter meter (2, rate);
    const int frames = AverageSpectrumMeter::fftSizeFor (rate) / 3;
    const auto s = stereoSine (1000, 0.5, frames);
    meter.add (s.data(), frames);
    const auto bands = meter.profile().thirdOctaveDb();
    CHECK (bands[(size_t) bandOf (1000)] == Approx (20 * std::log10 (0.5 / std::sqrt (2.0))).margin (1.0));
    CHECK (AverageSpectrumMeter (2, 44100).profile().empty() == false);
}
