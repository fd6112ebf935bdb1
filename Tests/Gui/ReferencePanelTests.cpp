// Reference tracks in the Master view, driven as a user drives them: a
// reference added and measured; the Ref button (and the one-key cycle)
// plays it at the mix's loudness (within 0.1 LU, measured on what the
// engine output); Match writes ordinary EQ bands the user then drags in
// the EQ's curve, and with the dynamics strength a multiband's compression
// settled on the mix in the background; a reference that cannot be compared is named and the
// session stays as it was. File > What Mastering Changed writes the
// session's report page.
#include "App/MainWindow.h"
#include "Gui/Master/MasterView.h"

#include "GuiDriver.h"

#include "Engine/SessionPlayer.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"
#include "Session/MasterChainModel.h"
#include "Session/SessionFile.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <random>

using namespace crest;
using namespace crest::test;

namespace
{
constexpr double rate = 48000;

void writeSong (const std::filesystem::path& file, double seconds, unsigned seed, double level, double brightness)
{
    std::mt19937 random (seed);
    std::normal_distribution<float> noise (0.0f, 1.0f);
    writeAudio (file, 2, rate, (int64_t) (seconds * rate), [&] (int64_t i, int ch) {
        const double t = (double) i / rate;
        const double tick = std::exp (-std::fmod (t, 0.25) * 40.0);
        return (float) (level * (0.2 * std::sin (2 * M_PI * 55 * t) + brightness * tick * noise (random)
                                 + 0.1 * std::sin (2 * M_PI * (ch == 0 ? 440 : 554.37) * t)));
    });
}

// The song in 4 s sections, `depthDb` between the quietest and loudest.
void writeSectionedSong (const std::filesystem::path& file, double seconds, double depthDb)
{
    static constexpr double shape[] = { 0.5, 0.0, 1.0, 0.25, 0.75 };
    std::mt19937 random (5);
    std::normal_distribution<float> noise (0.0f, 1.0f);
    writeAudio (file, 2, rate, (int64_t) (seconds * rate), [&] (int64_t i, int ch) {
        const double t = (double) i / rate;
        const double gain = 0.3 * std::pow (10.0, -depthDb * shape[(size_t) (t / 4) % std::size (shape)] / 20);
        return (float) (gain * (0.4 * std::sin (2 * M_PI * (ch == 0 ? 110 : 165) * t) + 0.2 * noise (random)));
    });
}

struct Desk
{
    TempFolder dir;
    SessionModel model;
    MediaPool media { dir / "cache" };
    std::unique_ptr<SessionPlayer> player;
    std::unique_ptr<MasterView> view;

    // The mix and a reference: by default, 8 s songs, the reference louder and brighter.
    explicit Desk (const std::function<void (const std::filesystem::path& mix, const std::filesystem::path& reference)>& write = {})
    {
        if (write)
            write (dir / "mix.wav", dir / "record.wav");
        else
        {
            writeSong (dir / "mix.wav", 8, 1, 1.0, 0.15);
            writeSong (dir / "record.wav", 8, 2, 2.0, 0.4);
        }
        auto session = sessionOf ({ dir / "mix.wav" });
        session.tracks[0].channels = 2;
        session.panLaw = PanLaw::zeroDb;
        session.masterChain.add ("eq");
        session.masterChain.add ("limiter");
        model.load (session);
        player = std::make_unique<SessionPlayer> (model, media);
        view = std::make_unique<MasterView> (model, *player, media);
        view->setSize (1400, 860);
        view->show (MasterView::Lower::references);
    }

    // Plays from the start as a device would, the streamer loading ahead,
    // the meters updated as the app's timer does; returns what was heard.
    std::vector<float> play (int frames)
    {
        auto& engine = player->engine();
        engine.transport().requestSeek (0);
        engine.transport().playing = true;
        std::vector<float> heard ((size_t) frames * 2), left (512), right (512);
        for (int done = 0; done < frames; done += 512)
        {
            const int n = std::min (512, frames - done);
            player->streamer().prefetch (engine.transport().seekRequest.load() >= 0 ? 0 : engine.transport().position.load(), n);
            float* out[] = { left.data(), right.data() };
            engine.process (out, 2, n);
            for (int i = 0; i < n; ++i)
            {
                heard[(size_t) (2 * (done + i))] = left[(size_t) i];
                heard[(size_t) (2 * (done + i) + 1)] = right[(size_t) i];
            }
            player->updateMeters();
        }
        engine.transport().playing = false;
        return heard;
    }
};

double integratedOf (const std::vector<float>& interleaved)
{
    LoudnessMeter meter (2, rate);
    meter.add (interleaved.data(), (int64_t) interleaved.size() / 2);
    return meter.reading().integratedLufs;
}
} // namespace

TEST_CASE ("References: the Ref button plays the chosen reference at the mix's loudness", "[gui][reference]")
{
    Desk desk;
    auto& panel = desk.view->references();
    panel.addReferences ({ desk.dir / "record.wav" });
    settle();
    REQUIRE (waitFor ([&] { desk.view->update(); return panel.analysisOf ("ref-1") != nullptr; }, 20000));
    CHECK (panel.selected() == 0);
    CHECK (desk.player->monitoredReference() == "ref-1");

    desk.play ((int) (8 * rate));   // the live meters measure the mix
    const double mixLufs = desk.player->loudness().mix().integratedLufs;
    auto& strip = desk.view->strip();
    auto* ref = findButton (strip, "Ref");
    REQUIRE (ref != nullptr);
    CHECK (ref->isEnabled());
    ref->triggerClick();
    settle();
    CHECK (desk.player->engine().monitor().source() == MonitorSource::reference);
    const auto heard = desk.play ((int) (8 * rate));
    const double heardLufs = integratedOf (std::vector<float> (heard.begin() + 2 * 4096, heard.end()));
    INFO ("mix " << mixLufs << " LUFS, the reference heard at " << heardLufs << " LUFS; unmatched "
                 << panel.analysisOf ("ref-1")->matchLufs << " LUFS");
    CHECK (std::abs (heardLufs - mixLufs) <= 0.1);
    CHECK (std::abs (panel.analysisOf ("ref-1")->matchLufs - mixLufs) > 3.0);   // it would be far louder unmatched

    // The one key cycles Mix, Master, Reference.
    strip.choose (MonitorSource::mix);
    strip.cycleMonitor();
    CHECK (desk.player->engine().monitor().source() == MonitorSource::master);
    strip.cycleMonitor();
    CHECK (desk.player->engine().monitor().source() == MonitorSource::reference);
    strip.cycleMonitor();
    CHECK (desk.player->engine().monitor().source() == MonitorSource::mix);
}

TEST_CASE ("References: past the eighth, the one chosen is brought into the plan and heard", "[gui][reference]")
{
    Desk desk;
    auto& panel = desk.view->references();
    std::vector<std::filesystem::path> many;
    for (int r = 1; r <= 10; ++r)
    {
        const auto copy = desk.dir / ("record-" + std::to_string (r) + ".wav");
        std::filesystem::copy_file (desk.dir / "record.wav", copy);
        many.push_back (copy);
    }
    panel.addReferences (many);
    settle();
    panel.select (9);
    CHECK (desk.player->monitoredReference() == desk.model.toDocument().references[9].id);
    // Streamed now (slot 0 of a new plan), so the monitor has it to play.
    CHECK (desk.player->engine().monitor().reference() == 0);
    panel.select (2);
    CHECK (desk.player->engine().monitor().reference() >= 0);
}

TEST_CASE ("References: Match adds EQ bands to the chain that the user can then drag", "[gui][reference][match]")
{
    Desk desk;
    auto& panel = desk.view->references();
    panel.addReferences ({ desk.dir / "record.wav" });
    REQUIRE (waitFor ([&] { desk.view->update(); return panel.analysisOf ("ref-1") != nullptr && panel.masterAnalysis().has_value(); }, 30000));
    MasterChainModel chain (desk.model);
    auto bandsOn = [&] {
        int on = 0;
        for (int b = 1; b <= 8; ++b)
            on += MasterChainModel::value (chain.module (0), "band" + std::to_string (b) + ".on") > 0.5 ? 1 : 0;
        return on;
    };
    CHECK (bandsOn() == 0);
    REQUIRE (findButton (panel, "Match") != nullptr);
    findButton (panel, "Match")->triggerClick();
    settle();
    INFO (panel.status());
    const int added = bandsOn();
    CHECK (added > 0);
    CHECK (desk.model.undoManager().getUndoDescription() == "Match to reference");

    // An ordinary band: the EQ's curve shows it and a drag edits it.
    auto& editor = desk.view->chain();
    editor.select (0);
    auto* curve = editor.eqCurveView();
    REQUIRE (curve != nullptr);
    int band = 0;
    while (MasterChainModel::value (chain.module (0), "band" + std::to_string (band + 1) + ".on") < 0.5)
        ++band;
    const auto gainId = "band" + std::to_string (band + 1) + ".gainDb";
    const double before = MasterChainModel::value (chain.module (0), gainId);
    const auto handle = curve->handlePosition (band);
    drag (*curve, handle, handle + juce::Point<float> (0.0f, -30.0f), juce::ModifierKeys::shiftModifier);
    CHECK (MasterChainModel::value (chain.module (0), gainId) > before + 1.0);
    // One undo takes the drag back; another the whole match.
    desk.model.undoManager().undo();
    CHECK (MasterChainModel::value (chain.module (0), gainId) == Approx (before));
    desk.model.undoManager().undo();
    CHECK (bandsOn() == 0);
}

TEST_CASE ("References: the dynamics strength writes a multiband's compression, settled on the mix in the background", "[gui][reference][match]")
{
    Desk desk ([] (const std::filesystem::path& mix, const std::filesystem::path& reference) {
        writeSectionedSong (mix, 40, 16);
        writeSectionedSong (reference, 40, 6);
    });
    auto& panel = desk.view->references();
    panel.addReferences ({ desk.dir / "record.wav" });
    REQUIRE (waitFor ([&] { desk.view->update(); return panel.analysisOf ("ref-1") != nullptr && panel.masterAnalysis().has_value(); }, 30000));
    const double masterRange = panel.masterAnalysis()->loudness.loudnessRangeLu;
    const double referenceRange = panel.analysisOf ("ref-1")->whole.loudness.loudnessRangeLu;
    INFO ("master LRA " << masterRange << " LU, reference " << referenceRange << " LU");
    REQUIRE (masterRange - referenceRange > 3);

    auto& options = panel.matchOptions();
    options.tonePercent = options.widthPercent = 0;
    options.dynamicsPercent = 100;
    findButton (panel, "Match")->triggerClick();
    settle();
    CHECK (panel.isMatching());
    CHECK_FALSE (findButton (panel, "Match")->isEnabled());   // not twice at once
    CHECK (desk.model.undoManager().getUndoDescription() != "Match to reference");   // nothing written till it settles
    REQUIRE (waitFor ([&] { desk.view->update(); return ! panel.isMatching(); }, 60000));
    INFO (panel.status() << " / " << panel.matchResult());
    CHECK (desk.model.undoManager().getUndoDescription() == "Match to reference");
    const auto chain = desk.model.toDocument().masterChain;
    const auto multiband = std::find_if (chain.modules.begin(), chain.modules.end(), [] (const auto& m) { return m.kind == "multiband"; });
    REQUIRE (multiband != chain.modules.end());
    CHECK (multiband->enabled);
    CHECK (multiband->value ("band1.ratio") > 1.2);
    CHECK (panel.matchResult().contains ("multiband"));

    // The master measured again through the new chain has the reference's range.
    REQUIRE (waitFor ([&] { desk.view->update(); return panel.masterAnalysis().has_value(); }, 30000));
    CHECK (panel.masterAnalysis()->loudness.loudnessRangeLu == Approx (referenceRange).margin (1.0));
}

TEST_CASE ("References: one that cannot be compared is named, and the session is unharmed", "[gui][reference][badinput]")
{
    Desk desk;
    auto& panel = desk.view->references();
    writeAudio (desk.dir / "silent.wav", 2, rate, (int64_t) rate * 2, [] (int64_t, int) { return 0.0f; });
    writeBytes (desk.dir / "corrupt.wav", "RIFF\x10\0\0\0WAVEfmt this is not audio");
    const auto before = desk.model.toDocument().masterChain;
    for (const auto* name : { "silent.wav", "corrupt.wav" })
    {
        panel.addReferences ({ desk.dir / name });
        REQUIRE (waitFor ([&] { desk.view->update(); return panel.status().contains (name); }, 20000));
        CHECK (panel.status().contains (name));
        CHECK (panel.analysisOf (desk.model.toDocument().references.back().id) == nullptr);
    }
    CHECK (desk.model.toDocument().masterChain == before);
    CHECK_FALSE (panel.applyMatch());   // nothing measured to match with
    CHECK (desk.model.toDocument().masterChain == before);
    // Rendering the session still works, references or not.
    desk.play ((int) rate);
}

TEST_CASE ("File > What Mastering Changed writes the session's report page, with what its chain did", "[gui][report]")
{
    TempFolder dir;
    writeSong (dir / "mix.wav", 6, 4, 1.0, 0.15);
    auto session = sessionOf ({ dir / "mix.wav" });
    session.tracks[0].channels = 2;
    session.masterChain.add ("multiband");
    session.masterChain.add ("limiter").set ("inputGainDb", 6);
    saveSessionFile (session, dir / "song.crest");
    MainWindow window ("none");
    REQUIRE (window.openSession (dir / "song.crest"));
    settle();
    REQUIRE (window.writeChangeReport (dir / "song-report.html", false));
    CHECK_FALSE (window.writeChangeReport (dir / "again.html", false));   // one at a time
    REQUIRE (waitFor ([&] { return ! window.isWritingReport(); }, 60000));
    const auto page = readBytes (dir / "song-report.html");
    CHECK (page.find ("What mastering changed") != std::string::npos);
    CHECK (page.find ("song.crest (through its master chain)") != std::string::npos);
    CHECK (page.find ("band 1 (below 120 Hz)") != std::string::npos);
    CHECK (page.find ("data:audio/mpeg;base64,") != std::string::npos);
    CHECK_FALSE (std::filesystem::exists (dir / "again.html"));
}
