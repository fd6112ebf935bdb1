// The master chain's EQ drawn and edited as a curve: dragging a band's
// handle changes the module's value and what the master renders; a band
// on the side only shows as a second curve.
#include "Gui/MasterChainEditor.h"

#include "GuiDriver.h"

#include "Engine/SessionPlayer.h"
#include "Helpers/FloatRender.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"
#include "IO/MediaPool.h"
#include "Session/MasterChainModel.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace crest;
using namespace crest::test;

TEST_CASE ("master EQ curve: a dragged handle sets the module's band and the master's render follows", "[gui][master][eq]")
{
    TempFolder dir;
    writeAudio (dir / "tone.wav", 2, 48000, 48000, [] (int64_t n, int) { return 0.25f * (float) std::sin (2 * M_PI * 1200 * (double) n / 48000); });
    auto session = sessionOf ({ dir / "tone.wav" });
    session.tracks[0].channels = 2;
    session.masterChain.add ("eq");
    SessionModel model;
    model.load (session);
    MediaPool media (dir / "cache");
    SessionPlayer player (model, media);
    MasterChainEditor editor (model, &player);
    editor.setSize (1100, 600);
    editor.select (0);
    auto* view = editor.eqCurveView();
    REQUIRE (view != nullptr);

    auto peakDb = [&] {
        float peak = 0;
        const auto audio = renderFloat (model.toDocument(), dir);
        for (size_t i = audio.samples.size() / 2; i < audio.samples.size(); ++i)
            peak = std::max (peak, std::abs (audio.samples[i]));
        return 20.0 * std::log10 (peak);
    };
    const double before = peakDb();
    const auto handle = view->handlePosition (3);   // band 4: 1200 Hz
    drag (*view, handle, handle + juce::Point<float> (0.0f, 40.0f), juce::ModifierKeys::shiftModifier);
    MasterChainModel chain (model);
    const double gain = MasterChainModel::value (chain.module (0), "band4.gainDb");
    CHECK (gain < -4.0);
    CHECK (MasterChainModel::value (chain.module (0), "band4.on") == 1.0);
    CHECK (view->responseDbAt (1200) == Approx (gain).margin (0.05));
    CHECK (peakDb() - before == Approx (gain).margin (0.1));

    // The band on the side only: the mid's curve is flat there.
    model.beginGesture ("side");
    chain.setValue (chain.module (0), "band4.mode", 2);
    CHECK (view->responseDbAt (1200) == Approx (0.0).margin (0.01));
}
