// The compressor against its own mathematics: the static curve (threshold,
// ratio, soft knee) within 0.1 dB at steady state, the attack and release
// time constants within 10 %, an external key that ducks, RMS detection,
// makeup and parallel mix.
#include "Dsp/Compressor.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <numbers>
#include <vector>

using namespace crest;

namespace
{
constexpr double rate = 48000;

double db (double gain) { return 20 * std::log10 (gain); }

std::unique_ptr<Compressor> make (double threshold, double ratio, double knee, double attackMs = 1, double releaseMs = 50)
{
    auto made = std::make_unique<Compressor>();
    auto& c = *made;
    c.setParameter (Compressor::thresholdDb, threshold);
    c.setParameter (Compressor::ratio, ratio);
    c.setParameter (Compressor::kneeDb, knee);
    c.setParameter (Compressor::attackMs, attackMs);
    c.setParameter (Compressor::releaseMs, releaseMs);
    c.prepare ({ rate, 4096, 1 });
    return made;
}

// Runs `frames` of a constant level through `c` and returns the last output sample.
float runConstant (Compressor& c, float level, int frames)
{
    std::vector<float> audio ((size_t) frames, level);
    float* channels[] = { audio.data() };
    for (int done = 0; done < frames; done += 1024)
    {
        float* part[] = { channels[0] + done };
        c.process ({ part, 1, std::min (1024, frames - done) });
    }
    return audio.back();
}
} // namespace

TEST_CASE ("the compressor's steady state is its static curve", "[dsp][compressor]")
{
    for (const auto& [threshold, ratio, knee] : { std::tuple { -20.0, 4.0, 0.0 }, std::tuple { -20.0, 4.0, 10.0 },
                                                  std::tuple { -30.0, 2.0, 6.0 }, std::tuple { -10.0, 50.0, 0.0 } })
        for (double inputDb = -50; inputDb <= 0; inputDb += 2.5)
        {
            INFO ("threshold " << threshold << ", ratio " << ratio << ", knee " << knee << ", input " << inputDb << " dB");
            auto owned = make (threshold, ratio, knee);
            auto& c = *owned;
            const float out = runConstant (c, (float) std::pow (10.0, inputDb / 20), 24000);
            CHECK (db (out) == Approx (Compressor::staticCurveDb (inputDb, threshold, ratio, knee)).margin (0.1));
        }
    // The formula itself, at its defining points.
    CHECK (Compressor::staticCurveDb (-30, -20, 4, 0) == -30);
    CHECK (Compressor::staticCurveDb (0, -20, 4, 0) == Approx (-15));
    CHECK (Compressor::staticCurveDb (-20, -20, 4, 10) == Approx (-20 + (0.25 - 1) * 25 / 20.0));
}

TEST_CASE ("attack and release follow their time constants within 10 %", "[dsp][compressor]")
{
    for (const auto& [attackMs, releaseMs] : { std::pair { 1.0, 50.0 }, std::pair { 10.0, 200.0 }, std::pair { 30.0, 800.0 } })
    {
        INFO ("attack " << attackMs << " ms, release " << releaseMs << " ms");
        auto owned = make (-30, 10, 0, attackMs, releaseMs);
        auto& c = *owned;
        runConstant (c, 0.001f, 4800);   // -60 dB: no reduction
        // Step up to 0 dB: the reduction heads for 27 dB; time to 63.2 %.
        const double finalReduction = -(Compressor::staticCurveDb (0, -30, 10, 0) - 0);
        int frames = 0;
        std::vector<float> one (1, 1.0f);
        float* channels[] = { one.data() };
        while (c.currentGainReductionDb() < 0.632 * finalReduction && frames < (int) rate * 5)
        {
            one[0] = 1.0f;
            c.process ({ channels, 1, 1 });
            ++frames;
        }
        CHECK ((double) frames / rate * 1000 == Approx (attackMs).epsilon (0.10));
        runConstant (c, 1.0f, (int) (rate * attackMs / 1000 * 20));   // settle fully
        const double held = c.currentGainReductionDb();
        frames = 0;
        while (c.currentGainReductionDb() > 0.368 * held && frames < (int) rate * 10)
        {
            one[0] = 0.001f;
            c.process ({ channels, 1, 1 });
            ++frames;
        }
        CHECK ((double) frames / rate * 1000 == Approx (releaseMs).epsilon (0.10));
    }
}

TEST_CASE ("an external key ducks the track: its gain follows the key", "[dsp][compressor]")
{
    auto owned = make (-30, 20, 0, 1, 40);
    auto& c = *owned;
    const int frames = (int) rate;   // one second, four kick-like bursts on the key
    std::vector<float> track ((size_t) frames, 0.25f), key ((size_t) frames, 0.0f);
    for (int beat = 0; beat < 4; ++beat)
        for (int i = 0; i < 2400; ++i)
            key[(size_t) (beat * 12000 + i)] = 0.8f;
    float* io[] = { track.data() };
    float* keyChannels[] = { key.data() };
    c.processWithKey ({ io, 1, frames }, { keyChannels, 1, frames });
    for (int beat = 0; beat < 4; ++beat)
    {
        // Inside a burst (after the attack) the track is pulled down...
        CHECK (db (track[(size_t) (beat * 12000 + 2000)] / 0.25) < -20);
        // ...and well after it (release done) it is back.
        CHECK (db (track[(size_t) (beat * 12000 + 11900)] / 0.25) > -0.5);
    }
    CHECK (c.takeGainReductionDb() > 20);
    CHECK (c.takeGainReductionDb() == 0);   // taken
}

TEST_CASE ("RMS detection reads a sine 3 dB below its peak", "[dsp][compressor]")
{
    auto owned = make (-20, 4, 0, 5, 500);
    auto& c = *owned;
    c.setParameter (Compressor::rmsDetection, 1);
    const int frames = (int) rate;
    std::vector<float> audio ((size_t) frames);
    for (int i = 0; i < frames; ++i)
        audio[(size_t) i] = (float) (0.5 * std::sin (2 * std::numbers::pi * 1000 * i / rate));   // -6 dB peak, -9 dB RMS
    float* channels[] = { audio.data() };
    c.process ({ channels, 1, frames });
    const double expectedReduction = -(Compressor::staticCurveDb (-6.0206 - 3.0103, -20, 4, 0) - (-6.0206 - 3.0103));
    CHECK (c.currentGainReductionDb() == Approx (expectedReduction).margin (0.2));
}

TEST_CASE ("makeup gain and a parallel mix do what they say", "[dsp][compressor]")
{
    auto dryOwned = make (-20, 4, 0);
    auto& dry = *dryOwned;
    dry.setParameter (Compressor::mix, 0);
    CHECK (runConstant (dry, 0.5f, 4800) == 0.5f);

    auto madeOwned = make (-20, 4, 0);
    auto& made = *madeOwned;
    made.setParameter (Compressor::makeupDb, 6);
    CHECK (db (runConstant (made, 0.01f, 4800)) == Approx (-40 + 6).margin (0.01));   // below threshold: makeup only

    auto automaticOwned = make (-20, 4, 0);
    auto& automatic = *automaticOwned;
    automatic.setParameter (Compressor::autoMakeup, 1);
    CHECK (db (runConstant (automatic, 1.0f, 24000)) == Approx (-15 + 7.5).margin (0.1));   // half of 0 dBFS's 15 dB back

    auto halfOwned = make (-20, 4, 0);
    auto& half = *halfOwned;
    half.setParameter (Compressor::mix, 50);
    const double wet = std::pow (10.0, -15.0 / 20);
    CHECK (runConstant (half, 1.0f, 24000) == Approx (0.5 + 0.5 * wet).margin (1e-3));
}
