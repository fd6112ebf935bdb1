// The parametric EQ as a processor: what it does to sines equals its
// design; bands that are off or flat cost nothing and change nothing; a
// sweep glides without clicks; the output does not depend on block size.
#include "Dsp/ParametricEq.h"
#include "Dsp/PassFilter.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

using namespace crest;

namespace
{
std::vector<float> sine (double hz, double rate, int frames, double amplitude = 0.25)
{
    std::vector<float> s ((size_t) frames);
    for (int i = 0; i < frames; ++i)
        s[(size_t) i] = (float) (amplitude * std::sin (2 * std::numbers::pi * hz * i / rate));
    return s;
}

void run (ParametricEq& eq, std::vector<float>& mono, int block)
{
    for (size_t done = 0; done < mono.size(); done += (size_t) block)
    {
        float* channels[] = { mono.data() + done };
        eq.process ({ channels, 1, (int) std::min<size_t> ((size_t) block, mono.size() - done) });
    }
}

double rmsDb (const std::vector<float>& s, size_t from)
{
    double sum = 0;
    for (size_t i = from; i < s.size(); ++i)
        sum += (double) s[i] * s[i];
    return 10 * std::log10 (sum / (double) (s.size() - from));
}

void setBand (ParametricEq& eq, int band, FilterShape shape, double hz, double gain, double q)
{
    eq.setParameter (ParametricEq::parameterIndex (band, ParametricEq::on), 1);
    eq.setParameter (ParametricEq::parameterIndex (band, ParametricEq::shape), (double) shape);
    eq.setParameter (ParametricEq::parameterIndex (band, ParametricEq::frequencyHz), hz);
    eq.setParameter (ParametricEq::parameterIndex (band, ParametricEq::gainDb), gain);
    eq.setParameter (ParametricEq::parameterIndex (band, ParametricEq::q), q);
}
// Sweeps `band` of `eq` from `fromHz` to `toHz` and back across a 1 kHz
// tone, moving the control every 10 ms as a hand or automation would, and
// returns the energy above 4 kHz relative to the whole, in dB. Gliding,
// the output is the tone with a slowly changing level and phase: nothing
// far above it. Steps in the coefficients (zipper, or a click) spread
// energy up the spectrum.
double sweepResidueDb (ParametricEq& eq, int band, double fromHz, double toHz)
{
    const double rate = 48000;
    eq.prepare ({ rate, 4096, 1 });
    auto audio = sine (1000, rate, 96000);
    for (size_t done = 0; done < audio.size(); done += 480)
    {
        const double t = (double) done / (double) audio.size();
        const double hz = fromHz * std::pow (toHz / fromHz, t < 0.5 ? 2 * t : 2 - 2 * t);
        eq.setParameter (ParametricEq::parameterIndex (band, ParametricEq::frequencyHz), hz);
        float* channels[] = { audio.data() + done };
        eq.process ({ channels, 1, 480 });
    }
    PassFilter above;
    above.setParameter (PassFilter::highPassOn, 1);
    above.setParameter (PassFilter::highPassHz, 4000);
    above.setParameter (PassFilter::highPassSlope, 48);
    above.prepare ({ rate, 4096, 1 });
    auto high = audio;
    float* channels[] = { high.data() };
    above.process ({ channels, 1, (int) high.size() });
    return rmsDb (high, 4800) - rmsDb (audio, 4800);
}
} // namespace

TEST_CASE ("the EQ does to sines what its bands' analog prototypes do", "[dsp][eq]")
{
    const double rate = 48000;
    ParametricEq eq;
    setBand (eq, 0, FilterShape::lowShelf, 100, -4, 0.7071);
    setBand (eq, 3, FilterShape::bell, 2000, 6, 1.5);
    setBand (eq, 7, FilterShape::highShelf, 12000, 3, 0.7071);
    for (const double hz : { 50.0, 400.0, 2000.0, 5000.0, 15000.0, 20000.0 })
    {
        eq.prepare ({ rate, 4096, 1 });
        auto in = sine (hz, rate, 24000);
        auto out = in;
        run (eq, out, 512);
        double analogDb = 0;
        for (const auto& [shape, f, g, q] : { std::tuple { FilterShape::lowShelf, 100.0, -4.0, 0.7071 },
                                              std::tuple { FilterShape::bell, 2000.0, 6.0, 1.5 },
                                              std::tuple { FilterShape::highShelf, 12000.0, 3.0, 0.7071 } })
            analogDb += 20 * std::log10 (analogMagnitude ({ shape, f, q, g }, hz));
        INFO (hz << " Hz");
        CHECK (rmsDb (out, 12000) - rmsDb (in, 12000) == Approx (20 * std::log10 (eq.magnitudeAt (hz))).margin (0.02));
        CHECK (rmsDb (out, 12000) - rmsDb (in, 12000) == Approx (analogDb).margin (hz <= 12000 ? 0.1 : 0.5));
    }
}

TEST_CASE ("EQ bands that are off or flat change nothing", "[dsp][eq]")
{
    ParametricEq eq;
    eq.prepare ({ 48000, 512, 1 });
    setBand (eq, 2, FilterShape::bell, 1000, 0, 1);   // on, but flat
    auto audio = sine (440, 48000, 4800);
    const auto before = audio;
    run (eq, audio, 256);
    CHECK (audio == before);
}

TEST_CASE ("an EQ sweep glides without clicks or zipper", "[dsp][eq]")
{
    ParametricEq eq;
    setBand (eq, 1, FilterShape::bell, 200, 12, 2);
    // From 200 Hz to 8 kHz and back across the tone.
    const double residueDb = sweepResidueDb (eq, 1, 200, 8000);
    INFO ("energy above 4 kHz: " << residueDb << " dB");
    CHECK (residueDb < -90);   // measured -96; -75 with coefficients stepped each segment, -67 unsmoothed
}

TEST_CASE ("a narrow bell swept to near Nyquist and back takes on and drops its second section without a click", "[dsp][eq]")
{
    REQUIRE (designBand ({ FilterShape::bell, 8000, 4, 12 }, 48000).count == 1);
    REQUIRE (designBand ({ FilterShape::bell, 18000, 4, 12 }, 48000).count == 2);
    ParametricEq eq;
    setBand (eq, 0, FilterShape::bell, 8000, 12, 4);
    // A step in the coefficients or stale state in a joining section would
    // show above 4 kHz, where the bell lifts it by 12 dB.
    const double residueDb = sweepResidueDb (eq, 0, 8000, 18000);
    INFO ("energy above 4 kHz: " << residueDb << " dB");
    CHECK (residueDb < -80);
}

TEST_CASE ("the EQ's output does not depend on block size", "[dsp][eq]")
{
    std::vector<std::vector<float>> outputs;
    for (const int block : { 32, 480, 4096 })
    {
        ParametricEq eq;
        setBand (eq, 0, FilterShape::bell, 300, -6, 1);
        setBand (eq, 5, FilterShape::highShelf, 8000, 4, 0.7);
        eq.prepare ({ 48000, 4096, 1 });
        auto audio = sine (997, 48000, 20000);
        run (eq, audio, block);
        outputs.push_back (audio);
    }
    CHECK (outputs[0] == outputs[1]);
    CHECK (outputs[0] == outputs[2]);
}
