// The true-peak detector against signals whose inter-sample peak is known:
// a quarter-rate sine sampled 45 degrees off its crests reads 3 dB above
// its sample peak; a slow sine reads its amplitude; the reading never
// falls below the sample peak.
#include "Dsp/TruePeakDetector.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

using namespace crest;

namespace
{
float measure (double frequencyRatio, double phase, double amplitude, int frames = 4800)
{
    std::vector<float> left ((size_t) frames), right ((size_t) frames);
    for (int i = 0; i < frames; ++i)
        left[(size_t) i] = right[(size_t) i] = (float) (amplitude * std::sin (2 * std::numbers::pi * frequencyRatio * i + phase));
    // The first 200 samples only warm the filter up: a sine switched on
    // from silence really does overshoot between its first samples.
    const float* warmUp[] = { left.data(), right.data() };
    const float* steady[] = { left.data() + 200, right.data() + 200 };
    TruePeakDetector detector;
    detector.process (warmUp, 2, 200);
    return detector.process (steady, 2, frames - 200);
}
} // namespace

TEST_CASE ("true peak reads what lies between the samples", "[dsp][truepeak]")
{
    // fs/4 at 45 degrees: every sample is 0.707 of the crest.
    const float quarter = measure (0.25, std::numbers::pi / 4, 0.5);
    CHECK (20 * std::log10 (quarter / 0.5) == Approx (0.0).margin (0.01));
    // 997 Hz at 48 kHz: the peak is the amplitude, within 0.01 dB.
    CHECK (20 * std::log10 (measure (997.0 / 48000, 0.3, 0.25) / 0.25) == Approx (0.0).margin (0.01));
    // 0.45 fs: the 4x detector's worst case is 0.55 dB low (BS.1770 Annex 2); it stays within that.
    const double worst = 20 * std::log10 (measure (0.45, 0.1, 0.5, 48000) / 0.5);
    CHECK (worst <= 0.05);
    CHECK (worst >= -0.6);
}

TEST_CASE ("true peak is never below the sample peak, and a reset forgets the history", "[dsp][truepeak]")
{
    std::vector<float> x (1000, 0.0f);
    x[500] = -0.8f;
    const float* channels[] = { x.data() };
    TruePeakDetector detector;
    CHECK (detector.process (channels, 1, 1000) >= 0.8f);
    detector.reset();
    std::vector<float> silence (100, 0.0f);
    const float* quiet[] = { silence.data() };
    CHECK (detector.process (quiet, 1, 100) == 0.0f);
}
