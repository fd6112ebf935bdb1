// The master strip and the chain editor driven as a user drives them:
// buttons clicked, controls moved, the model, the engine and the render
// following, undo restoring.
#include "Gui/MasterStrip.h"

#include "GuiDriver.h"

#include "Engine/SessionPlayer.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"
#include "Render/OfflineRenderer.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace crest;
using namespace crest::test;

namespace
{
SessionDocument toneSession (const TempFolder& dir)
{
    writeAudio (dir / "tone.wav", 2, 48000, 48000, [] (int64_t n, int) { return 0.5f * (float) std::sin (2 * M_PI * 300 * (double) n / 48000); });
    auto session = sessionOf ({ dir / "tone.wav" });
    session.tracks[0].channels = 2;
    session.masterChain.add ("eq");
    session.masterChain.add ("limiter").set ("inputGainDb", 6);
    return session;
}

double peakOf (const SessionDocument& session, const TempFolder& dir)
{
    RenderRequest request;
    request.output = dir / "render.wav";
    request.format = { Container::wav, SampleEncoding::float32 };
    request.replaceExisting = true;
    MediaPool media;
    renderSession (session, request, media);
    double peak = 0;
    for (float s : readAudio (dir / "render.wav").samples)
        peak = std::max (peak, (double) std::abs (s));
    return peak;
}
} // namespace

TEST_CASE ("the master strip's Mix / Master / Diff buttons switch what the engine plays", "[gui][master]")
{
    TempFolder dir;
    SessionModel model;
    model.load (toneSession (dir));
    MediaPool media;
    SessionPlayer player (model, media);
    MasterStrip strip (model, player);
    strip.setSize (MasterStrip::preferredWidth, 700);

    CHECK (player.engine().monitor().source() == MonitorSource::master);
    findButton (strip, "Mix")->triggerClick();
    settle();
    CHECK (player.engine().monitor().source() == MonitorSource::mix);
    CHECK (findButton (strip, "Mix")->getToggleState());
    findButton (strip, "Diff")->triggerClick();
    settle();
    CHECK (player.engine().monitor().source() == MonitorSource::difference);
    CHECK_FALSE (findButton (strip, "Mix")->getToggleState());

    auto* match = findChild<juce::ToggleButton> (strip, "Match loudness");
    REQUIRE (match != nullptr);
    match->triggerClick();
    settle();
    CHECK_FALSE (player.engine().monitor().isMatching());

    // The chain button names the modules that are on, and follows the model.
    CHECK (findChild<juce::TextButton> (strip, "Master chain")->getButtonText() == "EQ Limiter");
    MasterChainModel chain (model);
    model.beginGesture ("Off");
    chain.setEnabled (chain.module (0), false);
    CHECK (findChild<juce::TextButton> (strip, "Master chain")->getButtonText() == "Limiter");
}

TEST_CASE ("the chain editor's controls change the model, the running module and the render; undo restores them", "[gui][master]")
{
    TempFolder dir;
    SessionModel model;
    model.load (toneSession (dir));
    MediaPool media;
    SessionPlayer player (model, media);
    MasterChainEditor editor (model);
    editor.setSize (1120, 520);
    const double before = peakOf (model.toDocument(), dir);
    CHECK (before == Approx (std::pow (10.0, -1.0 / 20)).margin (0.01));   // the limiter's -1 dBTP

    // The limiter's ceiling, dragged to -6 dBTP.
    editor.select (1);
    auto* ceiling = editor.control ("ceilingDb");
    REQUIRE (ceiling != nullptr);
    auto& slider = dynamic_cast<juce::Slider&> (ceiling->widget());
    slider.setValue (-6.0, juce::sendNotificationSync);
    MasterChainModel chain (model);
    CHECK (MasterChainModel::value (chain.module (1), "ceilingDb") == Approx (-6.0));
    auto limiter = player.master()->slot (chain.module (1)[ids::id].toString().toStdString());
    CHECK (dynamic_cast<ParameterizedProcessor&> (limiter->processor()).parameter (1) == Approx (-6.0));   // live, no recompile
    CHECK (peakOf (model.toDocument(), dir) <= std::pow (10.0, -6.0 / 20) + 1e-4);

    // An EQ band's shape from its menu: the words a user reads.
    editor.select (0);
    auto* shape = editor.control ("band3.shape");
    REQUIRE (shape != nullptr);
    auto& menu = dynamic_cast<juce::ComboBox&> (shape->widget());
    CHECK (menu.getText() == "Bell");
    menu.setSelectedId (7, juce::sendNotificationSync);   // high shelf
    CHECK (MasterChainModel::value (chain.module (0), "band3.shape") == 6);

    model.undoManager().undo();
    model.undoManager().undo();
    settle();
    CHECK (MasterChainModel::value (chain.module (1), "ceilingDb") == -1);
    editor.select (1);
    CHECK (dynamic_cast<juce::Slider&> (editor.control ("ceilingDb")->widget()).getValue() == Approx (-1.0));
    CHECK (peakOf (model.toDocument(), dir) == Approx (before).margin (1e-6));

    // The row's switch turns the module off in the engine; the row's arrows reorder.
    auto* limiterOn = findChild<juce::ToggleButton> (editor, "Limiter on");
    REQUIRE (limiterOn != nullptr);
    limiterOn->triggerClick();
    settle();
    CHECK_FALSE ((bool) chain.module (1)[ids::enabled]);
    CHECK_FALSE (limiter->enabled.load());
    findChild<juce::TextButton> (editor, "Move Limiter earlier")->triggerClick();
    settle();
    CHECK (chain.module (0)[ids::kind].toString() == "limiter");
    CHECK (player.master()->slots()[0].slot == limiter);   // the same module, state and all
}

TEST_CASE ("the master strip's Reach target sets the limiter so the session's master lands on the target, in one undo step", "[gui][master][target]")
{
    TempFolder dir;
    SessionModel model;
    // A quiet programme: a 300 Hz tone at -24 dBFS, with the default chain.
    writeAudio (dir / "quiet.wav", 2, 48000, 4 * 48000, [] (int64_t n, int) { return 0.063f * (float) std::sin (2 * M_PI * 300 * (double) n / 48000); });
    auto session = sessionOf ({ dir / "quiet.wav" });
    session.tracks[0].channels = 2;
    session.masterChain.add ("eq");
    model.load (session);
    MediaPool media;
    SessionPlayer player (model, media);
    MasterStrip strip (model, player);
    strip.setSize (MasterStrip::preferredWidth, 700);

    CHECK_FALSE (strip.reachTarget());   // no target chosen yet
    strip.chooseTarget ("spotify");
    REQUIRE (strip.reachTarget());
    for (int tries = 0; tries < 600 && strip.isReachingTarget(); ++tries)
    {
        settle();
        juce::Thread::sleep (50);
    }
    settle();
    REQUIRE_FALSE (strip.isReachingTarget());
    MasterChainModel chain (model);
    REQUIRE (chain.size() == 2);   // a limiter was added at the end
    CHECK (chain.module (1)[ids::kind].toString() == "limiter");
    CHECK (MasterChainModel::value (chain.module (1), "inputGainDb") > 6.0);

    // The session's own render now reads -14 LUFS under -1 dBTP.
    RenderRequest request;
    request.output = dir / "master.wav";
    request.format = { Container::wav, SampleEncoding::float32 };
    MediaPool renderMedia;
    renderSession (model.toDocument(), request, renderMedia);
    const auto master = readAudio (dir / "master.wav");
    LoudnessMeter meter (2, 48000);
    meter.add (master.samples.data(), master.frames());
    CHECK (meter.reading().integratedLufs == Approx (-14.0).margin (0.2));
    CHECK (meter.reading().truePeakDbtp <= -1.0);

    model.undoManager().undo();   // one step: the gain and the added limiter go together
    CHECK (chain.size() == 1);
}

TEST_CASE ("the master strip's Mix / Master switch changes what is heard, at matched loudness", "[gui][master][heard]")
{
    TempFolder dir;
    writeAudio (dir / "tone.wav", 2, 48000, 48000 * 8, [] (int64_t n, int) {
        // Speech-like bursts, so the limiter works and the loudness is steady.
        const double envelope = 0.5 + 0.5 * std::sin (2 * M_PI * 3.0 * (double) n / 48000);
        return (float) (0.3 * envelope * std::sin (2 * M_PI * 220 * (double) n / 48000));
    });
    auto session = sessionOf ({ dir / "tone.wav" });
    session.tracks[0].channels = 2;
    // 15 dB into the limiter: the peaks are limited, so the master is not
    // just the mix made louder, and matching has real work to do.
    session.masterChain.add ("limiter").set ("inputGainDb", 15);
    SessionModel model;
    model.load (session);
    MediaPool media (dir / "cache");
    SessionPlayer player (model, media);
    MasterStrip strip (model, player);
    strip.setSize (MasterStrip::preferredWidth, 700);
    player.streamer().prefetch (0, 48000 * 8, 48000 * 8);
    player.engine().transport().playing = true;

    // What leaves the device callback, as RMS in dB, over `seconds` of play.
    auto heardDb = [&] (double seconds) {
        std::vector<float> left (480), right (480);
        double sum = 0;
        int64_t count = 0;
        for (int block = 0; block < (int) (seconds * 100); ++block)
        {
            float* out[] = { left.data(), right.data() };
            player.engine().process (out, 2, 480);
            player.updateMeters();
            for (float s : left)
                sum += (double) s * s;
            count += 480;
        }
        return 10.0 * std::log10 (sum / (double) count);
    };
    heardDb (3.0);   // the loudness match settles (integrated over what has played)
    const double master = heardDb (1.0);
    findButton (strip, "Mix")->triggerClick();
    settle();
    heardDb (0.1);   // the 20 ms crossfade
    const double mix = heardDb (1.0);
    findButton (strip, "Master")->triggerClick();
    settle();
    heardDb (0.1);
    const double masterAgain = heardDb (1.0);
    INFO ("master " << master << " dB, mix " << mix << " dB, match " << player.engine().monitor().matchGainDb() << " dB");
    // Matched: the master is heard at the mix's loudness (here within 0.5 dB RMS).
    CHECK (player.engine().monitor().matchGainDb() < -3.0f);
    CHECK (master == Approx (mix).margin (0.5));
    CHECK (masterAgain == Approx (mix).margin (0.5));

    // Unmatched, the master is louder by about what the limiter's gain gives.
    auto* match = findChild<juce::ToggleButton> (strip, "Match loudness");
    match->triggerClick();
    settle();
    heardDb (0.1);
    CHECK (heardDb (1.0) - mix > 3.0);
}
