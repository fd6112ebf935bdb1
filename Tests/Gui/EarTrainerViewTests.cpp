// EQ ear training driven as a student drives it: a programme prepared,
// each round's Flat and EQ'd heard, the band named by its button and the
// answer told at once, the score and its p-value at a chance of 1 in N on
// screen, the rounds saved; the session's own master as the programme; a
// silent programme named. The listening-tests window holds both tests.
#include "Gui/Training/EarTrainerView.h"
#include "Gui/Training/ListeningTestsWindow.h"

#include "GuiDriver.h"

#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"
#include "Training/BinomialTest.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <random>

using namespace crest;
using namespace crest::test;

namespace
{
// Pink-ish noise: every band has something for the hidden bell to move.
void writeNoise (const std::filesystem::path& file, double seconds)
{
    std::mt19937 random (4);
    std::normal_distribution<float> noise (0.0f, 1.0f);
    double low = 0;
    writeAudio (file, 2, 48000, (int64_t) (seconds * 48000), [&] (int64_t, int ch) {
        if (ch == 0)
            low = 0.98 * low + 0.02 * noise (random);
        return (float) (0.1 * noise (random) + 2.0 * low);
    });
}
} // namespace

TEST_CASE ("EQ ear training: rounds answered by band, told at once, scored at a chance of 1 in N, saved", "[gui][ear]")
{
    TempFolder dir;
    writeNoise (dir / "noise.wav", 6);
    juce::AudioDeviceManager devices;   // no device: the player is driven by the test
    MediaPool media (dir / "cache");
    bool stopped = false;
    EarTrainerView view (devices, media, {}, [&] { stopped = true; });
    view.setFile (dir / "noise.wav");
    view.setPassage (1.0, 4.0);
    EarTrainingSettings settings;
    settings.bands = 4;
    settings.rounds = 6;
    settings.seed = 3;
    settings.gainDb = 6;
    view.setSettings (settings);
    view.setListener ("Ada");
    findButton (view, "Prepare")->triggerClick();
    settle();
    REQUIRE (waitFor ([&] { return view.trainer().has_value(); }, 20000));
    INFO (view.status().toStdString());
    REQUIRE (view.trainer()->centres() == std::vector<double> { 63, 250, 2000, 8000 });
    // One button per band.
    for (const auto* name : { "63 Hz", "250 Hz", "2 kHz", "8 kHz" })
        CHECK (findButton (view, name) != nullptr);

    const juce::String names[] = { "63 Hz", "250 Hz", "2 kHz", "8 kHz" };
    for (int round = 0; round < 6; ++round)
    {
        findButton (view, "Flat")->triggerClick();
        settle();
        CHECK (view.player().chosen() == 0);
        CHECK (view.player().isPlaying());
        findButton (view, "EQ'd")->triggerClick();
        settle();
        CHECK (view.player().chosen() == 1);
        // Right four times, then wrong by one band.
        const int hidden = view.trainer()->rounds()[(size_t) round].band;
        const int said = round < 4 ? hidden : (hidden + 1) % 4;
        findButton (view, names[said])->triggerClick();
        settle();
        if (round < 4)
            CHECK (view.feedback().startsWith ("Right: " + names[hidden] + ", +6 dB"));
        else
            CHECK (view.feedback() == "It was " + names[hidden] + ", +6 dB; you said " + names[said]);
    }
    CHECK (stopped);   // the session was stopped when the round played
    REQUIRE (view.trainer()->finished());
    CHECK (view.trainer()->correct() == 4);
    const double p = binomialTailProbability (6, 4, 0.25);
    CHECK (view.score().contains ("4 of 6 right (chance 1 in 4); p = " + juce::String (p, 4)));
    CHECK (view.score().contains ("octaves off"));

    REQUIRE (view.saveResults (dir / "ada"));
    const auto results = nlohmann::json::parse (readBytes (dir / "ada.json"));
    CHECK (results["listener"] == "Ada");
    CHECK (results["correct"] == 4);
    CHECK (results["rounds"].size() == 6);
    CHECK (results["bands"].size() == 4);
    CHECK (std::filesystem::exists (dir / "ada.csv"));

    // A silent programme is named, and no round starts.
    writeAudio (dir / "silent.wav", 2, 48000, 48000 * 6, [] (int64_t, int) { return 0.0f; });
    EarTrainerView silent (devices, media, {}, {});
    silent.setFile (dir / "silent.wav");
    silent.setPassage (1.0, 4.0);
    silent.prepare();
    REQUIRE (waitFor ([&] { return silent.status().contains ("silent"); }, 20000));
    CHECK (silent.status().contains ("silent.wav"));
    CHECK_FALSE (silent.trainer().has_value());
}

TEST_CASE ("EQ ear training on the session's master, in the listening-tests window's second tab", "[gui][ear]")
{
    TempFolder dir;
    writeNoise (dir / "mix.wav", 6);
    auto session = sessionOf ({ dir / "mix.wav" });
    session.masterChain.add ("limiter");
    juce::AudioDeviceManager devices;
    MediaPool media (dir / "cache");
    ListeningTestsWindow window (devices, media, [&] { return session; }, {}, {});
    window.show (ListeningTestsWindow::earTrainingTab);
    auto& view = window.earTraining();
    CHECK (view.isShowing());
    CHECK_FALSE (window.abx().isShowing());
    view.setPassage (1.0, 3.0);
    view.prepare();
    REQUIRE (waitFor ([&] { return view.trainer().has_value(); }, 30000));
    CHECK (view.trainer()->centres().size() == 8);   // the default: eight octave bands
    view.listenTo (1);
    CHECK (view.player().isPlaying());
    window.show (ListeningTestsWindow::abxTab);   // switching tabs stops what plays
    settle();
    CHECK_FALSE (view.player().isPlaying());
}
