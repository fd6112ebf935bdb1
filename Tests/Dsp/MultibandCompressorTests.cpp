// The multiband compressor: neutral bands add back flat; a band compresses
// by its static curve; solo and bypass do what they say.
#include "Dsp/MultibandCompressor.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <complex>
#include <numbers>
#include <vector>

using namespace crest;

namespace
{
constexpr double rate = 48000;

using Band = MultibandCompressor::Field;

std::vector<float> run (MultibandCompressor& m, std::vector<float> left, int block = 480)
{
    m.prepare ({ rate, 512, 1 });
    for (int done = 0; done < (int) left.size(); done += block)
    {
        float* channels[] = { left.data() + done };
        m.process ({ channels, 1, std::min (block, (int) left.size() - done) });
    }
    return left;
}

std::vector<float> tones (std::initializer_list<std::pair<double, double>> hzAndPeak, int frames)
{
    std::vector<float> x ((size_t) frames, 0.0f);
    for (const auto& [hz, peak] : hzAndPeak)
        for (int i = 0; i < frames; ++i)
            x[(size_t) i] += (float) (peak * std::sin (2 * std::numbers::pi * hz * i / rate));
    return x;
}

double toneDb (const std::vector<float>& x, double hz, int from)
{
    std::complex<double> sum;
    for (size_t n = (size_t) from; n < x.size(); ++n)
        sum += (double) x[n] * std::polar (1.0, -2 * std::numbers::pi * hz * (double) n / rate);
    return 20 * std::log10 (2 * std::abs (sum) / (double) (x.size() - (size_t) from));
}
} // namespace

TEST_CASE ("a multiband compressor with neutral bands adds back flat", "[dsp][multiband]")
{
    MultibandCompressor m;
    m.setParameter (MultibandCompressor::bandsIndex, 5);
    for (int b = 0; b < 5; ++b)
        m.setParameter (MultibandCompressor::parameterIndex (b, Band::ratio), 1);
    std::vector<float> impulse (32768, 0.0f);
    impulse[0] = 1.0f;
    const auto response = run (m, impulse);
    double worst = 0;
    for (double hz = 20; hz <= 20000; hz *= 1.07)
    {
        std::complex<double> sum;
        for (size_t n = 0; n < response.size(); ++n)
            sum += (double) response[n] * std::polar (1.0, -2 * std::numbers::pi * hz * (double) n / rate);
        worst = std::max (worst, std::abs (20 * std::log10 (std::abs (sum))));
    }
    CHECK (worst <= 0.01);
}

TEST_CASE ("a multiband band compresses by its static curve and leaves the others", "[dsp][multiband]")
{
    MultibandCompressor m;
    m.setParameter (MultibandCompressor::bandsIndex, 3);
    m.setParameter (MultibandCompressor::splitIndex (0), 200);
    m.setParameter (MultibandCompressor::splitIndex (1), 6000);
    for (int b = 0; b < 3; ++b)
        m.setParameter (MultibandCompressor::parameterIndex (b, Band::ratio), 1);
    m.setParameter (MultibandCompressor::parameterIndex (1, Band::thresholdDb), -20);
    m.setParameter (MultibandCompressor::parameterIndex (1, Band::ratio), 4);
    // A fast attack and a long release hold the gain at the crests' reduction
    // (a peak detector on a sine), so the static curve can be read.
    m.setParameter (MultibandCompressor::parameterIndex (1, Band::attackMs), 0.1);
    m.setParameter (MultibandCompressor::parameterIndex (1, Band::releaseMs), 2000);
    // 1.1 kHz at -6 dBFS sits in the middle band; 50 Hz at -12 below it.
    const auto input = tones ({ { 1100, 0.5 }, { 50, 0.25 } }, 96000);
    const auto output = run (m, input);
    const double expected = Compressor::staticCurveDb (-6.02, -20, 4, 6);   // the strip compressor's 6 dB knee
    CHECK (toneDb (output, 1100, 48000) == Approx (expected).margin (0.3));
    CHECK (toneDb (output, 50, 48000) == Approx (toneDb (input, 50, 48000)).margin (0.1));
    CHECK (m.takeGainReductionDb (1) > 8.0f);   // the curve takes 10.5 dB off a -6 dB crest
    CHECK (m.takeGainReductionDb (0) == 0.0f);
}

TEST_CASE ("multiband solo plays only the soloed bands, bypass leaves a band alone", "[dsp][multiband]")
{
    const auto input = tones ({ { 60, 0.3 }, { 9000, 0.3 } }, 48000);
    MultibandCompressor soloed;
    soloed.setParameter (MultibandCompressor::bandsIndex, 2);
    soloed.setParameter (MultibandCompressor::splitIndex (0), 1000);
    soloed.setParameter (MultibandCompressor::parameterIndex (0, Band::solo), 1);
    for (int b = 0; b < 2; ++b)
        soloed.setParameter (MultibandCompressor::parameterIndex (b, Band::ratio), 1);
    const auto lowOnly = run (soloed, input);
    CHECK (toneDb (lowOnly, 60, 24000) == Approx (toneDb (input, 60, 24000)).margin (0.1));
    CHECK (toneDb (lowOnly, 9000, 24000) < -60);

    MultibandCompressor bypassed;
    bypassed.setParameter (MultibandCompressor::bandsIndex, 2);
    bypassed.setParameter (MultibandCompressor::splitIndex (0), 1000);
    for (int b = 0; b < 2; ++b)
    {
        bypassed.setParameter (MultibandCompressor::parameterIndex (b, Band::thresholdDb), -40);
        bypassed.setParameter (MultibandCompressor::parameterIndex (b, Band::ratio), 10);
        bypassed.setParameter (MultibandCompressor::parameterIndex (b, Band::bypass), 1);
    }
    const auto untouched = run (bypassed, input);
    CHECK (toneDb (untouched, 60, 24000) == Approx (toneDb (input, 60, 24000)).margin (0.05));
    CHECK (toneDb (untouched, 9000, 24000) == Approx (toneDb (input, 9000, 24000)).margin (0.05));
}
