// The Master view's scopes read what the engine plays: a mono master
// correlates at +1, one with its sides out of phase at -1; the limiter's
// gain reduction is recorded while the transport rolls.
#include "Gui/Master/MasterScope.h"

#include "GuiDriver.h"

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
double correlationOf (float rightSign, bool loudLimiter)
{
    TempFolder dir;
    writeAudio (dir / "s.wav", 2, 48000, 48000, [rightSign] (int64_t n, int c) {
        const float v = 0.3f * (float) std::sin (2 * M_PI * 440 * (double) n / 48000);
        return c == 0 ? v : rightSign * v;
    });
    auto session = sessionOf ({ dir / "s.wav" });
    session.tracks[0].channels = 2;
    session.panLaw = PanLaw::zeroDb;
    if (loudLimiter)
        session.masterChain.add ("limiter").set ("inputGainDb", 12);
    SessionModel model;
    model.load (session);
    MediaPool media (dir / "cache");
    SessionPlayer player (model, media);
    MasterScope scope (player);
    scope.setSize (240, 400);
    player.streamer().prefetch (0, 48000, 48000);
    player.engine().transport().playing = true;
    std::vector<float> left (512), right (512);
    for (int block = 0; block < 40; ++block)
    {
        float* out[] = { left.data(), right.data() };
        player.engine().process (out, 2, 512);
        player.updateMeters();
        scope.update();
    }
    if (loudLimiter)
    {
        REQUIRE_FALSE (scope.limiterHistory().empty());
        // A -10.5 dBFS sine 12 dB up peaks at +1.5 dBFS: about 2.5 dB over the -1 dBTP ceiling.
        CHECK (scope.limiterHistory().back() == Approx (2.5).margin (0.4));
    }
    return scope.correlation();
}
} // namespace

TEST_CASE ("master scopes: correlation +1 for a mono master, -1 for one out of phase; the limiter's reduction is shown", "[gui][master][scope]")
{
    CHECK (correlationOf (1.0f, false) == Approx (1.0).margin (0.01));
    CHECK (correlationOf (-1.0f, true) == Approx (-1.0).margin (0.01));
}
