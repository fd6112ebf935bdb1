// The master modules' pictures on their pages in the chain editor, fed by
// the running chain: the saturation's curve is Saturation::transfer and
// follows its controls; the limiter's history reads its gain reduction;
// the multiband's bands sit between its splits and only the band holding
// a loud tone reduces; the width's goniometer reads an out-of-phase
// master at -1.
#include "Gui/Master/LimiterView.h"
#include "Gui/Master/MultibandView.h"
#include "Gui/Master/SaturationCurveView.h"
#include "Gui/Master/WidthView.h"
#include "Gui/MasterChainEditor.h"

#include "GuiDriver.h"

#include "Dsp/Saturation.h"
#include "Engine/SessionPlayer.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"
#include "IO/MediaPool.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace crest;
using namespace crest::test;

namespace
{
// A stereo tone at `hz`, its right side times `rightSign`, through `chain`.
struct Rig
{
    Rig (double hz, float amplitude, float rightSign, const std::function<void (MasterChainDocument&)>& chain)
    {
        writeAudio (dir / "s.wav", 2, 48000, 48000, [=] (int64_t n, int c) {
            const float v = amplitude * (float) std::sin (2 * M_PI * hz * (double) n / 48000);
            return c == 0 ? v : rightSign * v;
        });
        auto session = sessionOf ({ dir / "s.wav" });
        session.tracks[0].channels = 2;
        session.panLaw = PanLaw::zeroDb;
        chain (session.masterChain);
        model.load (session);
        player = std::make_unique<SessionPlayer> (model, media);
        editor = std::make_unique<MasterChainEditor> (model, player.get());
        editor->setSize (1100, 520);
    }

    // Plays `blocks` of 512 frames, reading the meters after each as the app does.
    void play (int blocks, ModulePicture& picture)
    {
        player->streamer().prefetch (0, 48000, 48000);
        player->engine().transport().playing = true;
        std::vector<float> left (512), right (512);
        for (int block = 0; block < blocks; ++block)
        {
            float* out[] = { left.data(), right.data() };
            player->engine().process (out, 2, 512);
            player->updateMeters();
            picture.tick();
        }
    }

    TempFolder dir;
    SessionModel model;
    MediaPool media { dir / "cache" };
    std::unique_ptr<SessionPlayer> player;
    std::unique_ptr<MasterChainEditor> editor;
};
} // namespace

TEST_CASE ("saturation page: the curve drawn is the module's transfer, and follows its drive; undo restores it", "[gui][master][saturation]")
{
    Rig rig (100, 0.3f, 1.0f, [] (MasterChainDocument& c) {
        auto& m = c.add ("saturation");
        m.set ("driveDb", 12);
        m.set ("curve", 1);
    });
    rig.editor->select (0);
    auto* view = dynamic_cast<SaturationCurveView*> (rig.editor->picture());
    REQUIRE (view != nullptr);
    for (double x : { -1.0, -0.5, -0.1, 0.0, 0.2, 0.7, 1.0 })
        CHECK (view->outputFor (x) == Approx (Saturation::transfer (x, true, 12, 100, 0)).margin (1e-12));
    // Tube bends its halves differently.
    CHECK (std::abs (view->outputFor (0.8)) != Approx (std::abs (view->outputFor (-0.8))).margin (0.01));

    auto* drive = rig.editor->control ("driveDb");
    REQUIRE (drive != nullptr);
    const double before = view->outputFor (0.9);
    dynamic_cast<juce::Slider&> (drive->widget()).setValue (3.0, juce::sendNotificationSync);
    CHECK (view->outputFor (0.9) == Approx (Saturation::transfer (0.9, true, 3, 100, 0)));
    CHECK (view->outputFor (0.9) > before);   // less drive, less squash
    rig.model.undoManager().undo();
    CHECK (view->outputFor (0.9) == Approx (before));
}

TEST_CASE ("limiter page: the gain-reduction history reads the running limiter", "[gui][master][limiter]")
{
    Rig rig (440, 0.3f, 1.0f, [] (MasterChainDocument& c) { c.add ("limiter").set ("inputGainDb", 12); });
    rig.editor->select (0);
    auto* view = dynamic_cast<LimiterView*> (rig.editor->picture());
    REQUIRE (view != nullptr);
    rig.play (40, *view);
    REQUIRE (view->reduction().history().size() == 40);
    // A -10.5 dBFS sine 12 dB up peaks at +1.5 dBFS: about 2.5 dB over the -1 dBTP ceiling.
    CHECK (view->reduction().latest() == Approx (2.5).margin (0.4));
}

TEST_CASE ("multiband page: bands between the splits; only the band holding a loud tone reduces", "[gui][master][multiband]")
{
    // 2 kHz sits in band 3 of the default 120 / 800 / 4000 Hz splits.
    Rig rig (2000, 0.5f, 1.0f, [] (MasterChainDocument& c) {
        auto& m = c.add ("multiband");
        m.set ("bands", 4);
        for (int b = 1; b <= 4; ++b)
        {
            m.set ("band" + std::to_string (b) + ".thresholdDb", -30);
            m.set ("band" + std::to_string (b) + ".ratio", 4);
        }
    });
    rig.editor->select (0);
    auto* view = dynamic_cast<MultibandView*> (rig.editor->picture());
    REQUIRE (view != nullptr);
    CHECK (view->bands() == 4);
    CHECK (view->bandEdges (0) == std::pair { 20.0, 120.0 });
    CHECK (view->bandEdges (2) == std::pair { 800.0, 4000.0 });
    CHECK (view->bandEdges (3) == std::pair { 4000.0, 20000.0 });
    CHECK (view->xForFrequency (800) < view->xForFrequency (4000));
    rig.play (40, *view);
    REQUIRE (view->reductions().size() == 4);
    CHECK (view->reductions()[2] > 6.0f);
    CHECK (view->reductions()[0] < 0.5f);
    CHECK (view->reductions()[3] < 3.0f);
}

TEST_CASE ("width page: the goniometer's correlation reads an out-of-phase master at -1", "[gui][master][width]")
{
    Rig rig (440, 0.3f, -1.0f, [] (MasterChainDocument& c) { c.add ("width").set ("widthPercent", 100); });
    rig.editor->select (0);
    auto* view = dynamic_cast<WidthView*> (rig.editor->picture());
    REQUIRE (view != nullptr);
    rig.play (20, *view);
    CHECK (view->correlation() == Approx (-1.0).margin (0.01));
}
