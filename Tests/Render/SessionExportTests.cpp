// The app's Export, under the GUI: master, mix and stems in the asked
// format and rate, deliveries to targets with their reports, and a folder
// that cannot be written refused by name with nothing already there harmed.
#include "Render/SessionExport.h"

#include "Core/CrestError.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/SmallDisk.h"
#include "Helpers/TestFiles.h"
#include "IO/AudioFileReader.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

namespace
{
SessionDocument twoTracks (const TempFolder& dir)
{
    writeAudio (dir / "a.wav", 1, 48000, 48000 * 4, [] (int64_t n, int) { return 0.25f * (float) std::sin (2 * M_PI * 220 * (double) n / 48000); });
    writeAudio (dir / "b.wav", 2, 48000, 48000 * 4, [] (int64_t n, int c) { return 0.2f * (float) std::sin (2 * M_PI * (330 + 110 * c) * (double) n / 48000); });
    auto session = sessionOf ({ dir / "a.wav", dir / "b.wav" });
    session.tracks[1].channels = 2;
    session.masterChain.add ("limiter").set ("inputGainDb", 6);
    return session;
}
} // namespace

TEST_CASE ("export: the master and the mix at the session's rate, measured after writing", "[render][export]")
{
    TempFolder dir;
    const auto session = twoTracks (dir);
    MediaPool media (dir / "cache");
    ExportRequest master;
    master.output = dir / "out" / "song-master.wav";
    fs::create_directories (dir / "out");
    double last = 0;
    master.progress = [&] (const std::string&, double f) { last = f; };
    const auto m = exportSession (session, master, media);
    REQUIRE (m.files.size() == 1);
    CHECK (readAudioFileInfo (master.output).sampleRate == 48000);
    CHECK (readAudioFileInfo (master.output).encoding.find ("24") != std::string::npos);
    CHECK (last == 1.0);

    ExportRequest mix = master;
    mix.source = ExportSource::mix;
    mix.output = dir / "out" / "song-mix.wav";
    const auto x = exportSession (session, mix, media);
    // The limiter's 6 dB: the master is louder than the mix it was made from.
    CHECK (m.files[0].measured.integratedLufs - x.files[0].measured.integratedLufs == Approx (6.0).margin (0.8));
    // Nothing left beside the exports.
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator (dir / "out"))
        ++entries;
    CHECK (entries == 2);
}

TEST_CASE ("export: stems at another rate and in another format, one per track and bus", "[render][export]")
{
    TempFolder dir;
    const auto session = twoTracks (dir);
    MediaPool media (dir / "cache");
    ExportRequest stems;
    stems.source = ExportSource::stems;
    stems.output = dir / "stems-out";
    stems.format = { Container::flac, SampleEncoding::int16, DitherKind::tpdf };
    stems.sampleRate = 44100;
    const auto result = exportSession (session, stems, media);
    REQUIRE (result.files.size() == session.tracks.size() + session.buses.size());
    for (const auto& f : result.files)
    {
        INFO (f.file);
        const auto info = readAudioFileInfo (f.file);
        CHECK (info.sampleRate == 44100);
        CHECK (f.file.extension() == ".flac");
        CHECK (info.frames == Approx (44100 * 4).margin (2));
    }
    CHECK (result.files[0].measured.truePeakDbtp < 0.0);
}

TEST_CASE ("export: the master delivered to targets beside it, each with its report", "[render][export][deliver]")
{
    TempFolder dir;
    const auto session = twoTracks (dir);
    MediaPool media (dir / "cache");
    ExportRequest master;
    master.output = dir / "song.wav";
    master.targets = { *findTargetPreset ("spotify"), *findTargetPreset ("apple") };
    const auto result = exportSession (session, master, media);
    REQUIRE (result.deliveries.size() == 2);
    for (const auto& d : result.deliveries)
    {
        INFO (d.target.key);
        CHECK (d.passes());
        CHECK (fs::exists (d.file));
        CHECK (fs::exists (d.reportText));
        CHECK (d.file.parent_path() == dir.path());
        CHECK (d.file.filename().string().rfind ("song-", 0) == 0);
    }
}

TEST_CASE ("export: a read-only or full disk is refused by name; an earlier export is unharmed", "[render][export][safety]")
{
    TempFolder dir;
    const auto session = twoTracks (dir);
    MediaPool media (dir / "cache");
    SmallDisk disk (dir / "disk", "2560k");
    if (! disk.mounted)
    {
        WARN ("cannot mount a tmpfs here (not root?): read-only export test not run");
        return;
    }
    ExportRequest small;
    small.source = ExportSource::mix;
    small.output = disk.path / "earlier.wav";
    small.format = { Container::wav, SampleEncoding::int16, DitherKind::tpdf };
    small.sampleRate = 8000;
    exportSession (session, small, media);
    const auto earlier = readBytes (small.output);

    // Full: a 4-second float master at 96 kHz (and its in-between files)
    // does not fit in what is left.
    ExportRequest big;
    big.output = disk.path / "big.wav";
    big.format = { Container::wav, SampleEncoding::float32 };
    big.sampleRate = 96000;
    CHECK_THROWS_AS (exportSession (session, big, media), CrestError);
    CHECK_FALSE (fs::exists (big.output));
    CHECK (readBytes (small.output) == earlier);

    // Read-only: refused before rendering, naming the place.
    REQUIRE (disk.setReadOnly (true));
    ExportRequest again = small;
    again.replaceExisting = true;
    CHECK_THROWS_WITH (exportSession (session, again, media), Catch::Contains (disk.path.string()));
    CHECK (readBytes (small.output) == earlier);
    disk.setReadOnly (false);
}
