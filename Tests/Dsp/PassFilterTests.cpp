// High- and low-pass: Butterworth, -3 dB at the corner, 12/24/36/48 dB/oct
// measured two to three octaves past it (+-0.5 dB/oct), by running sines
// through the processor.
#include "Dsp/PassFilter.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

using namespace crest;

namespace
{
// Steady-state gain in dB of `filter` for a sine at `hz`.
double measuredGainDb (PassFilter& filter, double hz, double rate)
{
    filter.prepare ({ rate, 4096, 1 });
    const int frames = (int) rate;   // one second: long enough for 8 poles at 20 Hz to settle
    std::vector<float> signal ((size_t) frames);
    for (int i = 0; i < frames; ++i)
        signal[(size_t) i] = (float) (0.5 * std::sin (2 * std::numbers::pi * hz * i / rate));
    std::vector<float> in = signal;
    float* channels[] = { signal.data() };
    for (int done = 0; done < frames; done += 4096)
        filter.process ({ channels, 1, std::min (4096, frames - done) }), channels[0] += 4096;
    double inSquares = 0, outSquares = 0;
    for (int i = frames / 2; i < frames; ++i)
    {
        inSquares += (double) in[(size_t) i] * in[(size_t) i];
        outSquares += (double) signal[(size_t) i] * signal[(size_t) i];
    }
    return 10 * std::log10 (outSquares / inSquares);
}
} // namespace

TEST_CASE ("pass filters are Butterworth: -3 dB at the corner and 6 dB/oct per pole", "[dsp][filters]")
{
    for (const double rate : { 44100.0, 48000.0 })
        for (const int slope : { 12, 24, 36, 48 })
        {
            const int poles = slope / 6;
            for (const double corner : { 100.0, 1000.0 })
            {
                INFO ("low-pass " << slope << " dB/oct at " << corner << " Hz, " << rate << " Hz");
                PassFilter lp;
                lp.setParameter (PassFilter::lowPassOn, 1);
                lp.setParameter (PassFilter::lowPassHz, corner);
                lp.setParameter (PassFilter::lowPassSlope, slope);
                CHECK (measuredGainDb (lp, corner, rate) == Approx (-3.0103).margin (0.05));
                const double perOctave = measuredGainDb (lp, 4 * corner, rate) - measuredGainDb (lp, 8 * corner, rate);
                CHECK (perOctave == Approx (6.0 * poles).margin (0.5));
            }
            for (const double corner : { 1000.0, 5000.0 })
            {
                INFO ("high-pass " << slope << " dB/oct at " << corner << " Hz, " << rate << " Hz");
                PassFilter hp;
                hp.setParameter (PassFilter::highPassOn, 1);
                hp.setParameter (PassFilter::highPassHz, corner);
                hp.setParameter (PassFilter::highPassSlope, slope);
                CHECK (measuredGainDb (hp, corner, rate) == Approx (-3.0103).margin (0.05));
                const double perOctave = measuredGainDb (hp, corner / 4, rate) - measuredGainDb (hp, corner / 8, rate);
                CHECK (perOctave == Approx (6.0 * poles).margin (0.5));
            }
        }
}

TEST_CASE ("pass filters that are off leave the audio untouched", "[dsp][filters]")
{
    PassFilter off;
    off.prepare ({ 48000, 512, 2 });
    std::vector<float> left (512), right (512);
    for (int i = 0; i < 512; ++i)
        left[(size_t) i] = right[(size_t) i] = (float) std::sin (i * 0.1);
    const auto before = left;
    float* channels[] = { left.data(), right.data() };
    off.process ({ channels, 2, 512 });
    CHECK (left == before);
    CHECK (right == before);
}
