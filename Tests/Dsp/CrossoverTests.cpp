// Linkwitz-Riley crossovers: with all bands added back the response is flat
// (within 0.01 dB, 20 Hz - 20 kHz) for 2, 3, 4 and 5 bands; each band is
// -6.02 dB at its splits and falls 24 dB per octave past them; the output
// does not depend on block size.
#include "Dsp/Crossover.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <complex>
#include <numbers>
#include <vector>

using namespace crest;

namespace
{
constexpr double rate = 48000;
constexpr int length = 32768;

// The impulse responses of every band (mono), cut in `block`-frame calls.
std::vector<std::vector<float>> bandResponses (int bands, const std::array<double, Crossover::maxSplits>& splits, int block = 512)
{
    Crossover crossover;
    crossover.setSplits (bands, splits);
    crossover.prepare (rate, 4096);
    std::vector<float> input (length, 0.0f);
    input[0] = 1.0f;
    std::vector<std::vector<float>> out ((size_t) bands, std::vector<float> (length));
    for (int done = 0; done < length; done += block)
    {
        const int n = std::min (block, length - done);
        std::vector<float> chunk (input.begin() + done, input.begin() + done + n);
        float* channels[] = { chunk.data() };
        crossover.process ({ channels, 1, n });
        for (int b = 0; b < bands; ++b)
            std::copy (crossover.band (b).channels[0], crossover.band (b).channels[0] + n, out[(size_t) b].begin() + done);
    }
    return out;
}

double magnitudeDb (const std::vector<float>& response, double hz)
{
    std::complex<double> sum;
    const double w = 2 * std::numbers::pi * hz / rate;
    for (size_t n = 0; n < response.size(); ++n)
        sum += (double) response[n] * std::polar (1.0, -w * (double) n);
    return 20 * std::log10 (std::abs (sum));
}
} // namespace

TEST_CASE ("crossover bands added back are flat, for 2 to 5 bands", "[dsp][crossover]")
{
    const std::array<double, Crossover::maxSplits> splits { 120, 800, 3000, 9000 };
    for (int bands = 2; bands <= 5; ++bands)
    {
        const auto responses = bandResponses (bands, splits);
        std::vector<float> sum (length, 0.0f);
        for (const auto& r : responses)
            for (int i = 0; i < length; ++i)
                sum[(size_t) i] += r[(size_t) i];
        double worst = 0;
        for (double hz = 20; hz <= 20000; hz *= 1.05)
            worst = std::max (worst, std::abs (magnitudeDb (sum, hz)));
        INFO (bands << " bands: worst " << worst << " dB");
        CHECK (worst <= 0.01);
    }
}

TEST_CASE ("each crossover band is -6 dB at its splits and falls 24 dB per octave past them", "[dsp][crossover]")
{
    const auto responses = bandResponses (3, { 200, 2000, 6000, 12000 });
    CHECK (magnitudeDb (responses[0], 200) == Approx (-6.02).margin (0.05));
    CHECK (magnitudeDb (responses[1], 200) == Approx (-6.02).margin (0.05));
    CHECK (magnitudeDb (responses[1], 2000) == Approx (-6.02).margin (0.05));
    CHECK (magnitudeDb (responses[2], 2000) == Approx (-6.02).margin (0.05));
    // Two and three octaves above the low split: 24 dB per octave.
    CHECK (magnitudeDb (responses[0], 1600) - magnitudeDb (responses[0], 800) == Approx (-24).margin (0.5));
    // The middle band is flat between its splits, where they are far apart.
    CHECK (magnitudeDb (responses[1], 632) == Approx (0).margin (0.3));
}

TEST_CASE ("the crossover's bands do not depend on block size", "[dsp][crossover]")
{
    const std::array<double, Crossover::maxSplits> splits { 100, 700, 2500, 8000 };
    const auto reference = bandResponses (5, splits, 4096);
    for (const int block : { 1, 37, 64 })
        CHECK (bandResponses (5, splits, block) == reference);
}
