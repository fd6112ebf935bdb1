// Word-length reduction to 16 bits. A -90 dBFS 1 kHz sine keeps its tone
// and shows no harmonics above the noise floor with TPDF dither, while
// plain rounding turns it into harmonics (both shown). TPDF's error is
// LSB/2 RMS (-96.33 dBFS) within 0.1 dB; shaped dither's error follows its
// noise transfer curve within 1 dB.
#include "Dsp/Ditherer.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <complex>
#include <numbers>
#include <random>
#include <vector>

using namespace crest;

namespace
{
constexpr double rate = 48000;
constexpr int segment = 8192, segments = 48;

std::vector<float> quietSine (double peakDb, int frames)
{
    std::vector<float> x ((size_t) frames);
    const double amplitude = std::pow (10.0, peakDb / 20);
    for (int i = 0; i < frames; ++i)
        x[(size_t) i] = (float) (amplitude * std::sin (2 * std::numbers::pi * 1000.0 * i / rate));
    return x;
}

// Welch: the mean power, in dB, of Hann-windowed segments at `hz`.
double powerDb (const std::vector<double>& x, double hz)
{
    double total = 0;
    for (int s = 0; s < segments; ++s)
    {
        std::complex<double> sum;
        for (int n = 0; n < segment; ++n)
        {
            const double window = 0.5 - 0.5 * std::cos (2 * std::numbers::pi * n / segment);
            sum += window * x[(size_t) (s * segment + n)] * std::polar (1.0, -2 * std::numbers::pi * hz * n / rate);
        }
        total += std::norm (sum);
    }
    return 10 * std::log10 (total / segments);
}

std::vector<double> toDouble (const std::vector<float>& x) { return { x.begin(), x.end() }; }

// The noise floor: the mean power over bins away from 1 kHz's harmonics.
double floorDb (const std::vector<double>& x)
{
    double sum = 0;
    int count = 0;
    for (double hz = 1500; hz < 20000; hz += 1000)
    {
        sum += std::pow (10.0, powerDb (x, hz) / 10);
        ++count;
    }
    return 10 * std::log10 (sum / count);
}
} // namespace

TEST_CASE ("a -90 dBFS tone reduced to 16 bits: TPDF keeps it clean, plain rounding distorts it", "[dsp][dither]")
{
    const auto tone = quietSine (-90, segment * segments);
    auto plain = tone, dithered = tone;
    Ditherer (16, DitherKind::none, 1).process (plain.data(), (int64_t) plain.size());
    Ditherer (16, DitherKind::tpdf, 1).process (dithered.data(), (int64_t) dithered.size());

    const auto d = toDouble (dithered), p = toDouble (plain), t = toDouble (tone);
    // The tone itself survives dither at its level.
    CHECK (powerDb (d, 1000) == Approx (powerDb (t, 1000)).margin (0.5));
    const double ditheredFloor = floorDb (d);
    for (const double harmonic : { 3000.0, 5000.0, 7000.0 })
    {
        INFO (harmonic << " Hz");
        CHECK (powerDb (d, harmonic) < ditheredFloor + 2.0);   // nothing above the hiss
        CHECK (powerDb (p, harmonic) > floorDb (p) + 20.0);     // rounding: clear harmonics
    }
}

TEST_CASE ("TPDF dither's error is LSB/2 RMS", "[dsp][dither]")
{
    // A busy, low-level signal, so the error is measured, not the signal.
    std::mt19937 random (3);
    std::normal_distribution<double> gauss (0.0, 0.01);
    std::vector<float> x (1 << 20);
    for (auto& v : x)
        v = (float) gauss (random);
    auto y = x;
    Ditherer (16, DitherKind::tpdf, 1).process (y.data(), (int64_t) y.size());
    double sum = 0;
    for (size_t i = 0; i < x.size(); ++i)
        sum += ((double) y[i] - x[i]) * ((double) y[i] - x[i]);
    const double rmsDb = 10 * std::log10 (sum / (double) x.size());
    CHECK (rmsDb == Approx (20 * std::log10 (0.5 / 32768.0)).margin (0.1));   // -96.33 dBFS
    // Every value sits on the 16-bit grid.
    for (size_t i = 0; i < 1000; ++i)
        CHECK (std::nearbyint ((double) y[i] * 32768.0) == (double) y[i] * 32768.0);
}

TEST_CASE ("shaped dither's error follows its noise transfer curve", "[dsp][dither]")
{
    std::mt19937 random (5);
    std::normal_distribution<double> gauss (0.0, 0.01);
    std::vector<float> x ((size_t) (segment * segments));
    for (auto& v : x)
        v = (float) gauss (random);
    auto flat = x, shaped = x;
    Ditherer tpdf (16, DitherKind::tpdf, 1), shaper (16, DitherKind::shaped, 1);
    tpdf.process (flat.data(), (int64_t) flat.size());
    shaper.process (shaped.data(), (int64_t) shaped.size());
    std::vector<double> flatError (x.size()), shapedError (x.size());
    for (size_t i = 0; i < x.size(); ++i)
    {
        flatError[i] = (double) flat[i] - x[i];
        shapedError[i] = (double) shaped[i] - x[i];
    }
    for (const double hz : { 500.0, 2000.0, 4000.0, 8000.0, 12000.0, 16000.0, 20000.0 })
    {
        INFO (hz << " Hz");
        CHECK (powerDb (shapedError, hz) - powerDb (flatError, hz) == Approx (shaper.noiseTransferDb (hz, rate)).margin (1.0));
    }
    // Where the ear is keenest the shaped hiss is well under the flat one.
    CHECK (shaper.noiseTransferDb (3500, rate) < -10);
}
