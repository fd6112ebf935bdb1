// The gate and expander: closed, the output falls by the range (+-0.1 dB);
// open, it is untouched; hysteresis and hold keep it open; the expander
// follows its ratio below the threshold.
#include "Dsp/Gate.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <vector>

using namespace crest;

namespace
{
constexpr double rate = 48000;

double db (double gain) { return 20 * std::log10 (gain); }

std::unique_ptr<Gate> makeGate (double threshold, double range, double ratio = 100, double hysteresis = 3, double holdMs = 20)
{
    auto gate = std::make_unique<Gate>();
    gate->setParameter (Gate::thresholdDb, threshold);
    gate->setParameter (Gate::rangeDb, range);
    gate->setParameter (Gate::ratio, ratio);
    gate->setParameter (Gate::hysteresisDb, hysteresis);
    gate->setParameter (Gate::holdMs, holdMs);
    gate->setParameter (Gate::attackMs, 0.5);
    gate->setParameter (Gate::releaseMs, 20);
    gate->prepare ({ rate, 4096, 1 });
    return gate;
}

// Gain in dB applied to a constant level after `frames`.
double gainAfter (Gate& gate, double levelDb, int frames)
{
    const float level = (float) std::pow (10.0, levelDb / 20);
    std::vector<float> audio ((size_t) frames, level);
    float* channels[] = { audio.data() };
    gate.process ({ channels, 1, frames });
    return db (audio.back() / level);
}
} // namespace

TEST_CASE ("a closed gate takes the range off; an open one nothing", "[dsp][gate]")
{
    for (const double range : { 10.0, 40.0, 80.0 })
    {
        INFO ("range " << range << " dB");
        auto gate = makeGate (-30, range);
        CHECK (gainAfter (*gate, -20, 4800) == Approx (0).margin (0.01));          // above: open
        CHECK (gainAfter (*gate, -40, 48000) == Approx (-range).margin (0.1));     // below threshold - hysteresis: closed
        CHECK (gainAfter (*gate, -20, 4800) == Approx (0).margin (0.01));          // opens again
    }
}

TEST_CASE ("hysteresis and hold keep a gate open", "[dsp][gate]")
{
    auto gate = makeGate (-30, 40, 100, 6, 50);
    gainAfter (*gate, -20, 4800);
    // Just under the threshold but within the hysteresis: stays open.
    CHECK (gainAfter (*gate, -33, 24000) == Approx (0).margin (0.01));
    // Well under: open for the hold time (50 ms), then it closes.
    CHECK (gainAfter (*gate, -50, (int) (rate * 0.045)) == Approx (0).margin (0.01));
    CHECK (gainAfter (*gate, -50, (int) rate) == Approx (-40).margin (0.1));
}

TEST_CASE ("the expander falls by ratio - 1 dB per dB below the threshold, down to the range", "[dsp][gate]")
{
    auto expander = makeGate (-30, 60, 2, 0, 0);
    CHECK (gainAfter (*expander, -40, 48000) == Approx (-10).margin (0.1));
    auto steeper = makeGate (-30, 60, 4, 0, 0);
    CHECK (gainAfter (*steeper, -40, 48000) == Approx (-30).margin (0.1));
    auto limited = makeGate (-30, 12, 4, 0, 0);
    CHECK (gainAfter (*limited, -40, 48000) == Approx (-12).margin (0.1));
}

TEST_CASE ("a steady level settles to the static curve the gate's editor draws", "[dsp][gate]")
{
    // Levels from well above to well below, as a gate (ratio 100) and as
    // expanders of 1.5:1 and 3:1; each from a fresh gate, so a gate's
    // level inside its hysteresis comes from below (closed), as drawn.
    for (const double ratio : { 1.5, 3.0, 100.0 })
        for (double level = -80; level <= -5; level += 2.5)
        {
            INFO ("ratio " << ratio << ", level " << level << " dB");
            auto gate = makeGate (-40, 30, ratio, 4, 0);
            const double settled = gainAfter (*gate, level, 48000);
            CHECK (settled == Approx (Gate::settledGainDb (level, -40, 30, ratio)).margin (0.05));
        }
}
