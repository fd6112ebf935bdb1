// The EQ editor's analyser against known signals: a sine reads its own
// level at its frequency and far less an octave away; silence decays at
// the release rate.
#include "Analysis/SpectrumAnalyser.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace crest;

TEST_CASE ("SpectrumAnalyser: a sine reads its level at its frequency", "[analysis][spectrum]")
{
    for (double hz : { 100.0, 1000.0, 7919.0 })
    {
        SpectrumAnalyser analyser (48000);
        std::vector<float> sine (48000);
        for (size_t n = 0; n < sine.size(); ++n)
            sine[n] = 0.5f * (float) std::sin (2 * M_PI * hz * (double) n / 48000);
        REQUIRE (analyser.push (sine.data(), sine.size()));
        INFO (hz << " Hz");
        CHECK (analyser.levelAt (hz) == Approx (20 * std::log10 (0.5)).margin (1.6));   // Hann scalloping is at most 1.42 dB
        // Hann's sidelobes: 40 dB down by five bins (100 Hz to 40 Hz is five).
        CHECK (analyser.levelAt (hz * 2.5) < analyser.levelAt (hz) - 40.0);
        CHECK (analyser.levelAt (hz / 2.5) < analyser.levelAt (hz) - 40.0);
    }
}

TEST_CASE ("SpectrumAnalyser: after the signal stops, the level falls at 24 dB a second", "[analysis][spectrum]")
{
    SpectrumAnalyser analyser (48000);
    std::vector<float> sine (48000);
    for (size_t n = 0; n < sine.size(); ++n)
        sine[n] = (float) std::sin (2 * M_PI * 1000 * (double) n / 48000);
    analyser.push (sine.data(), sine.size());
    const double before = analyser.levelAt (1000);
    std::vector<float> silence (24000, 0.0f);
    analyser.push (silence.data(), silence.size());
    // Half a second: 12 dB down (within a hop's step).
    CHECK (before - analyser.levelAt (1000) == Approx (12.0).margin (1.0));
    analyser.reset();
    CHECK (analyser.levelAt (1000) <= -140.0);
}
