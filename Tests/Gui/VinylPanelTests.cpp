// The Master view's vinyl preflight, as a user checks a premaster: the
// session's master rendered and read in the background; a stretch of
// out-of-phase bass flagged where it is (within 0.1 s at both ends), and
// choosing the warning puts the playhead there; a vinyl target chosen in
// the master strip sets the format; a master with mono bass gets none.
#include "Gui/Master/MasterView.h"

#include "GuiDriver.h"

#include "Engine/SessionPlayer.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace crest;
using namespace crest::test;

namespace
{
constexpr double rate = 48000;

// 10 s of mono bass and a melody; with `outOfPhaseBass`, from 4 to 6 s
// the bass is in the side (left up, right down).
void writeSong (const std::filesystem::path& file, bool outOfPhaseBass)
{
    writeAudio (file, 2, rate, (int64_t) rate * 10, [=] (int64_t i, int ch) {
        const double t = (double) i / rate;
        const double melody = 0.1 * std::sin (2 * M_PI * 440 * t);
        const double bass = 0.3 * std::sin (2 * M_PI * 70 * t);
        const bool side = outOfPhaseBass && t >= 4.0 && t < 6.0;
        return (float) (melody + (side && ch == 1 ? -bass : bass));
    });
}

struct Desk
{
    TempFolder dir;
    SessionModel model;
    MediaPool media { dir / "cache" };
    std::unique_ptr<SessionPlayer> player;
    std::unique_ptr<MasterView> view;

    explicit Desk (bool outOfPhaseBass)
    {
        writeSong (dir / "mix.wav", outOfPhaseBass);
        auto session = sessionOf ({ dir / "mix.wav" });
        session.tracks[0].channels = 2;
        session.panLaw = PanLaw::zeroDb;
        session.masterChain.add ("limiter");
        model.load (session);
        player = std::make_unique<SessionPlayer> (model, media);
        view = std::make_unique<MasterView> (model, *player, media);
        view->setSize (1400, 860);
    }

    const VinylPreflightReport& check()
    {
        view->show (MasterView::Lower::vinyl);
        auto& panel = view->vinyl();
        REQUIRE (panel.isVisible());
        findButton (panel, "Check the master")->triggerClick();
        settle();
        REQUIRE (waitFor ([&] { view->update(); return panel.report().has_value(); }, 30000));
        return *panel.report();
    }
};
} // namespace

TEST_CASE ("Vinyl preflight: out-of-phase bass flagged where it is, and the playhead taken there", "[gui][vinyl]")
{
    Desk desk (true);
    desk.view->strip().chooseTarget ("vinyl-single");
    const auto& report = desk.check();
    auto& panel = desk.view->vinyl();
    CHECK (panel.format().diameterInches == 7);   // the strip's target's format
    CHECK (panel.format().rpm == 45);
    INFO (panel.summary() << " / " << panel.status());
    const auto bass = std::find_if (report.warnings.begin(), report.warnings.end(),
                                    [] (const VinylWarning& w) { return w.kind == VinylWarning::Kind::stereoBass; });
    REQUIRE (bass != report.warnings.end());
    CHECK (bass->startSeconds == Approx (4.0).margin (0.1));
    CHECK (bass->endSeconds == Approx (6.0).margin (0.1));
    CHECK (panel.summary().contains ("7-inch single at 45 rpm"));
    CHECK (panel.summary().contains ("warning"));

    panel.chooseWarning ((int) (bass - report.warnings.begin()));
    CHECK ((double) desk.player->position() / rate == Approx (bass->startSeconds).margin (0.001));
}

TEST_CASE ("Vinyl preflight: a master with mono bass has nothing to warn of", "[gui][vinyl]")
{
    Desk desk (false);
    const auto& report = desk.check();
    CHECK (report.warnings.empty());
    CHECK (desk.view->vinyl().summary().contains ("No warnings"));
    CHECK (desk.view->vinyl().format().diameterInches == 12);   // no vinyl target: an LP
}
