// The ABX window driven as a student drives it: two files prepared
// (aligned and matched), each trial's A, B and X heard (X is the hidden
// one), answers recorded, the score and its exact binomial p-value shown,
// the results saved; the same seed gives the same trials. Two settings of
// one module of the session's chain are rendered, matched and compared.
#include "Gui/Training/AbxView.h"

#include "GuiDriver.h"

#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"
#include "Training/BinomialTest.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>

using namespace crest;
using namespace crest::test;

namespace
{
void writeTone (const std::filesystem::path& file, double level, double bright)
{
    writeAudio (file, 2, 48000, 48000 * 6, [=] (int64_t i, int) {
        const double t = (double) i / 48000;
        return (float) (level * (0.3 * std::sin (2 * M_PI * 220 * t) + bright * std::sin (2 * M_PI * 5000 * t)));
    });
}
} // namespace

TEST_CASE ("ABX: a round records the answers and computes the score and its p-value", "[gui][abx]")
{
    TempFolder dir;
    writeTone (dir / "a.wav", 1.0, 0.02);
    writeTone (dir / "b.wav", 0.5, 0.06);   // brighter, and 6 dB down
    juce::AudioDeviceManager devices;       // no device: the test plays the player itself
    MediaPool media (dir / "cache");
    bool stopped = false;
    AbxView view (devices, media, {}, [&] { stopped = true; });
    view.setSource (AbxView::Source::twoFiles);
    view.setFiles (dir / "a.wav", dir / "b.wav");
    view.setPassage (1.0, 4.0);
    view.setTrials (6, 42);
    view.setListener ("Ada");
    findButton (view, "Prepare")->triggerClick();
    settle();
    REQUIRE (waitFor ([&] { return view.test().has_value(); }, 20000));
    INFO (view.status().toStdString());
    CHECK (view.status().contains ("dB to match A"));

    for (int trial = 0; trial < 6; ++trial)
    {
        const auto hidden = view.test()->hiddenNow();
        findButton (view, "A")->triggerClick();
        settle();
        CHECK (view.player().chosen() == 0);
        findButton (view, "B")->triggerClick();
        settle();
        CHECK (view.player().chosen() == 1);
        findButton (view, "X")->triggerClick();
        settle();
        CHECK (view.player().chosen() == (hidden == AbxChoice::a ? 0 : 1));   // X is the hidden one
        CHECK (view.player().isPlaying());
        // Right five times, wrong on the last.
        const bool right = trial < 5;
        const bool sayA = (hidden == AbxChoice::a) == right;
        findButton (view, sayA ? "X is A" : "X is B")->triggerClick();
        settle();
    }
    CHECK (stopped);   // the session was stopped when the test played
    REQUIRE (view.test()->finished());
    CHECK (view.test()->correct() == 5);
    CHECK (view.test()->trials()[0].switches == 2);
    const double p = binomialTailProbability (6, 5);
    CHECK (view.test()->pValue() == Approx (p));
    CHECK (view.score().contains ("5 of 6 right; p = " + juce::String (p, 4)));

    REQUIRE (view.saveResults (dir / "ada"));
    const auto results = nlohmann::json::parse (readBytes (dir / "ada.json"));
    CHECK (results["listener"] == "Ada");
    CHECK (results["correct"] == 5);
    CHECK (results["trials"].size() == 6);
    CHECK (results["b"]["loudnessMatchDb"].get<double>() > 5.0);
    CHECK (std::filesystem::exists (dir / "ada.csv"));

    // A passage the files do not reach is named, and nothing starts.
    AbxView late (devices, media, {}, {});
    late.setSource (AbxView::Source::twoFiles);
    late.setFiles (dir / "a.wav", dir / "b.wav");
    late.setPassage (20.0, 4.0);
    late.prepare();
    REQUIRE (waitFor ([&] { return late.status().contains ("ends before"); }, 20000));
    CHECK_FALSE (late.test().has_value());

    // The same seed, the same trials.
    AbxView again (devices, media, {}, {});
    again.setSource (AbxView::Source::twoFiles);
    again.setFiles (dir / "a.wav", dir / "b.wav");
    again.setPassage (1.0, 4.0);
    again.setTrials (6, 42);
    again.prepare();
    REQUIRE (waitFor ([&] { return again.test().has_value(); }, 20000));
    for (size_t i = 0; i < 6; ++i)
        CHECK (again.test()->trials()[i].hidden == view.test()->trials()[i].hidden);
}

TEST_CASE ("ABX: two settings of one module of the session's chain, rendered and matched", "[gui][abx]")
{
    TempFolder dir;
    writeAudio (dir / "drums.wav", 1, 48000, 48000 * 8, [] (int64_t i, int) {
        const double t = (double) i / 48000;
        return (float) (0.6 * std::exp (-std::fmod (t, 0.5) * 20) * std::sin (2 * M_PI * 60 * t));
    });
    auto session = sessionOf ({ dir / "drums.wav" });
    session.masterChain.add ("eq");
    session.masterChain.add ("limiter").id = "limiter";
    juce::AudioDeviceManager devices;
    MediaPool media (dir / "cache");
    AbxView view (devices, media, [&] { return session; }, {});
    view.setSource (AbxView::Source::moduleSetting);
    // The menus offer the chain's modules; the first opens on its first
    // level in dB (the EQ's first band's gain), B a step from A.
    CHECK (view.moduleSetting().moduleId == session.masterChain.modules[0].id);
    CHECK (view.moduleSetting().parameterId == "band1.gainDb");
    CHECK (view.moduleSetting().valueB != view.moduleSetting().valueA);
    view.setModuleSetting ({ "limiter", "inputGainDb", 0, 9 });
    view.setPassage (1.0, 4.0);
    view.setTrials (4, 7);
    findButton (view, "Prepare")->triggerClick();
    settle();
    REQUIRE (waitFor ([&] { return view.test().has_value(); }, 30000));
    INFO (view.status().toStdString());
    CHECK (view.status().contains ("B plays -"));   // the louder setting is played down to A

    for (int trial = 0; trial < 4; ++trial)
    {
        findButton (view, "X")->triggerClick();
        settle();
        findButton (view, view.test()->hiddenNow() == AbxChoice::a ? "X is A" : "X is B")->triggerClick();
        settle();
    }
    CHECK (view.test()->correct() == 4);
    REQUIRE (view.saveResults (dir / "setting"));
    const auto results = nlohmann::json::parse (readBytes (dir / "setting.json"));
    CHECK (results["comparison"] == "Limiter (limiter): Input gain, 0 dB against 9 dB");
    CHECK (results["a"]["label"] == "Input gain 0 dB");
    CHECK (results["b"]["label"] == "Input gain 9 dB");

    // Two values that are one are named before anything renders.
    view.setModuleSetting ({ "limiter", "ceilingDb", 3, 6 });
    view.prepare();
    CHECK (view.status().contains ("are the same"));
    CHECK_FALSE (view.isPreparing());
}
