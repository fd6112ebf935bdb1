// The Export dialog driven as a user does: choose what and where, press
// Export, watch it finish, read the report; an unwritable folder (a disk
// mounted read-only) ends with a message naming it, and the earlier
// export and the session are as they were.
#include "Gui/ExportDialog.h"

#include "GuiDriver.h"

#include "Helpers/SessionBuilder.h"
#include "Helpers/SmallDisk.h"
#include "Helpers/TestFiles.h"
#include "IO/AudioFileReader.h"
#include "IO/MediaPool.h"
#include "Session/SessionFile.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

namespace
{
std::filesystem::path songIn (const TempFolder& dir)
{
    writeAudio (dir / "a.wav", 2, 48000, 48000 * 3, [] (int64_t n, int c) { return 0.2f * (float) std::sin (2 * M_PI * (220 + 110 * c) * (double) n / 48000); });
    auto session = sessionOf ({ dir / "a.wav" });
    session.tracks[0].channels = 2;
    session.masterChain.add ("limiter");
    saveSessionFile (session, dir / "song.crest");
    return dir / "song.crest";
}

bool waitUntilDone (ExportDialog& dialog, int timeoutMs)
{
    const auto until = juce::Time::getMillisecondCounter() + (juce::uint32) timeoutMs;
    while (dialog.isRunning())
    {
        if (juce::Time::getMillisecondCounter() > until)
            return false;
        runMessagesFor (20);
    }
    settle();
    return true;
}
} // namespace

TEST_CASE ("export dialog: the master with two targets, a progress bar, and the compliance report at the end", "[gui][export]")
{
    TempFolder dir;
    const auto file = songIn (dir);
    SessionModel model;
    model.load (loadSessionFile (file));
    MediaPool media (dir / "cache");
    ExportDialog dialog (model, media, file);
    dialog.setTargetChosen ("spotify", true);
    dialog.setTargetChosen ("youtube", true);
    CHECK (dialog.request().output == dir / "song-master.wav");
    findButton (dialog, "Export")->triggerClick();
    settle();
    CHECK (dialog.isRunning());
    REQUIRE (waitUntilDone (dialog, 60000));
    INFO (dialog.reportText());
    CHECK_FALSE (dialog.lastExportFailed());
    CHECK (fs::exists (dir / "song-master.wav"));
    CHECK (dialog.reportText().contains ("PASS  Spotify"));
    CHECK (dialog.reportText().contains ("PASS  YouTube"));
    CHECK (dialog.reportText().contains ("true peak"));
}

TEST_CASE ("export dialog: stems as FLAC at 44.1 kHz", "[gui][export]")
{
    TempFolder dir;
    const auto file = songIn (dir);
    SessionModel model;
    model.load (loadSessionFile (file));
    MediaPool media (dir / "cache");
    ExportDialog dialog (model, media, file);
    dialog.setSource (ExportSource::stems);
    dialog.setFormat ({ Container::flac, SampleEncoding::int16, DitherKind::tpdf });
    dialog.setSampleRate (44100);
    dialog.startExport();
    REQUIRE (waitUntilDone (dialog, 60000));
    INFO (dialog.reportText());
    REQUIRE_FALSE (dialog.lastExportFailed());
    int stems = 0;
    for (const auto& entry : fs::directory_iterator (dir / "song stems"))
    {
        CHECK (entry.path().extension() == ".flac");
        CHECK (readAudioFileInfo (entry.path()).sampleRate == 44100);
        ++stems;
    }
    CHECK (stems == 1 + (int) loadSessionFile (file).buses.size());
}

TEST_CASE ("export dialog: an unwritable folder ends with a message naming it; the earlier export and the session are unharmed", "[gui][export][safety]")
{
    TempFolder dir;
    const auto file = songIn (dir);
    const auto sessionBytes = readBytes (file);
    SmallDisk disk (dir / "disk", "4m");
    if (! disk.mounted)
    {
        WARN ("cannot mount a tmpfs here (not root?): unwritable export test not run");
        return;
    }
    SessionModel model;
    model.load (loadSessionFile (file));
    MediaPool media (dir / "cache");
    ExportDialog dialog (model, media, file);
    dialog.setSource (ExportSource::mix);
    dialog.setOutput (disk.path / "song-mix.wav");
    dialog.startExport();
    REQUIRE (waitUntilDone (dialog, 60000));
    REQUIRE_FALSE (dialog.lastExportFailed());
    const auto earlier = readBytes (disk.path / "song-mix.wav");

    REQUIRE (disk.setReadOnly (true));
    dialog.setOutput (disk.path / "song-mix-2.wav");
    dialog.startExport();
    REQUIRE (waitUntilDone (dialog, 60000));
    CHECK (dialog.lastExportFailed());
    CHECK (dialog.reportText().contains ("Export failed"));
    CHECK (dialog.reportText().contains (juce::String (disk.path.string())));
    CHECK (readBytes (disk.path / "song-mix.wav") == earlier);
    CHECK_FALSE (fs::exists (disk.path / "song-mix-2.wav"));
    CHECK (readBytes (file) == sessionBytes);
    disk.setReadOnly (false);
}

TEST_CASE ("export dialog: a vinyl premaster's preflight warnings, with their times, are in the report", "[gui][export][vinyl]")
{
    TempFolder dir;
    // A bass in the side only, from 1.0 to 2.0 s.
    writeAudio (dir / "a.wav", 2, 48000, 48000 * 3, [] (int64_t n, int c) {
        const double t = (double) n / 48000;
        const double side = t >= 1.0 && t < 2.0 ? 0.3 * std::sin (2 * M_PI * 60 * t) : 0.0;
        return (float) (0.05 * std::sin (2 * M_PI * 880 * t) + (c == 0 ? side : -side));
    });
    auto session = sessionOf ({ dir / "a.wav" });
    session.tracks[0].channels = 2;
    session.panLaw = PanLaw::zeroDb;
    saveSessionFile (session, dir / "song.crest");
    SessionModel model;
    model.load (loadSessionFile (dir / "song.crest"));
    MediaPool media (dir / "cache");
    ExportDialog dialog (model, media, dir / "song.crest");
    dialog.setTargetChosen ("vinyl-lp", true);
    findButton (dialog, "Export")->triggerClick();
    settle();
    REQUIRE (waitUntilDone (dialog, 60000));
    INFO (dialog.reportText());
    CHECK (dialog.reportText().contains ("PASS  Vinyl LP premaster"));
    CHECK (dialog.reportText().contains ("Vinyl preflight (12-inch at 33 1/3 rpm)"));
    CHECK (dialog.reportText().contains ("stereo bass from 0:01."));
}
