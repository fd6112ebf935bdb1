// The album file: everything it holds reads back the same, times to the
// very sample at any rate; gaps may be given in CD frames; identifiers
// (ISRC, UPC/EAN) are checked; a broken or foreign file is refused naming
// the field, and no mangling of a good file crashes the reader. Saving
// keeps sources relative to the album and never writes over a non-album.
#include "Album/AlbumFile.h"
#include "Album/AlbumJson.h"

#include "Core/CrestError.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <random>

using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

namespace
{
AlbumDocument sampleAlbum (double rate)
{
    AlbumDocument album;
    album.sampleRate = rate;
    album.title = "Night Drive";
    album.performer = "The Crest Trio";
    album.upc = "0036000291452";
    album.sharedChain.add ("limiter").set ("ceilingDb", -1.0);
    album.strategy = LoudnessStrategy::anchored;
    album.targetLufs = -14.0;
    album.ceilingDbtp = -1.0;
    for (int i = 0; i < 3; ++i)
    {
        AlbumTrack t;
        t.id = album.freshTrackId();
        t.source = "mixes/" + std::to_string (i + 1) + ".wav";
        t.title = "Song " + std::to_string (i + 1);
        t.performer = "The Crest Trio";
        t.composer = "A. Writer";
        t.isrc = "USRC1760000" + std::to_string (i + 1);
        t.gapBeforeSamples = i == 0 ? (int64_t) (2 * rate) : 12345 + i;   // odd sample counts
        t.startOffsetSamples = 7 * i;
        album.tracks.push_back (t);
    }
    album.tracks[1].crossfadeSamples = 99991;
    album.tracks[1].crossfadeCurve = CrossfadeCurve::sCurve;
    album.tracks[2].gapBeforeSamples = 0;
    album.tracks[2].trimDb = -1.5;
    album.tracks[2].eq.set ("band3.on", 1.0);
    album.tracks[2].eq.set ("band3.gainDb", 2.0);
    album.tracks[0].chain = MasterChainDocument {};
    album.tracks[0].chain->add ("saturation");
    album.tracks[0].lengthSamples = 1234567;
    album.anchorTrack = "track-2";
    return album;
}
} // namespace

TEST_CASE ("an album reads back as it was written, times to the sample", "[album][json]")
{
    for (const double rate : { 44100.0, 48000.0, 88200.0, 96000.0 })
    {
        INFO (rate << " Hz");
        const auto album = sampleAlbum (rate);
        const auto text = writeAlbumJson (album);
        const auto back = parseAlbumJson (text, "a.crest-album");
        CHECK (back == album);
        CHECK (back.tracks[1].crossfadeSamples == 99991);
        CHECK (writeAlbumJson (back) == text);
    }
}

TEST_CASE ("gaps and crossfades may be given in CD frames or samples", "[album][json]")
{
    const auto album = parseAlbumJson (R"({"format": "crest-album", "version": 1, "sampleRate": 44100,
        "tracks": [{"id": "a", "source": "a.wav", "gapFrames": 150, "crossfade": {"lengthFrames": 75, "curve": "linear"}},
                   {"id": "b", "source": "b.wav", "gapSamples": 0}]})",
                                       "frames.crest-album");
    CHECK (album.tracks[0].gapBeforeSamples == 88200);
    CHECK (album.tracks[0].crossfadeSamples == 44100);
    CHECK (album.tracks[0].crossfadeCurve == CrossfadeCurve::linear);
    CHECK (album.strategy == LoudnessStrategy::none);
}

TEST_CASE ("ISRCs and UPC/EAN codes are checked and normalised", "[album][json]")
{
    CHECK (normalisedIsrc ("us-rc1-76-07839") == std::optional<std::string> ("USRC17607839"));
    CHECK_FALSE (normalisedIsrc ("USRC1760783"));     // eleven
    CHECK_FALSE (normalisedIsrc ("1SRC17607839"));    // country must be letters
    CHECK_FALSE (normalisedIsrc ("USRC17A07839"));    // year and number digits
    CHECK (normalisedUpc ("036000291452") == std::optional<std::string> ("0036000291452"));   // UPC-A gets its zero
    CHECK (normalisedUpc ("4006381333931") == std::optional<std::string> ("4006381333931"));
    CHECK_FALSE (normalisedUpc ("4006381333932"));    // wrong check digit
    CHECK_FALSE (normalisedUpc ("40063813339"));
}

TEST_CASE ("a broken or foreign album file is refused naming the file and the field", "[album][json]")
{
    auto refuses = [] (const std::string& text, const std::string& words) {
        INFO (text);
        CHECK_THROWS_WITH (parseAlbumJson (text, "bad.crest-album"), Catch::Contains ("bad.crest-album") && Catch::Contains (words));
    };
    refuses (R"({"format": "crest-session", "version": 1})", "not a Crest album");
    refuses (R"({"format": "crest-album", "version": 99})", "newer Crest");
    refuses (R"({"format": "crest-album", "version": 1, "upc": "4006381333932"})", "check digit");
    refuses (R"({"format": "crest-album", "version": 1, "tracks": [{"id": "a", "source": "a.wav", "isrc": "XX"}]})", "tracks[0].isrc");
    refuses (R"({"format": "crest-album", "version": 1, "tracks": [{"id": "a", "source": "a.wav"}, {"id": "a", "source": "b.wav"}]})",
             "used by another track");
    refuses (R"({"format": "crest-album", "version": 1, "tracks": [{"id": "a"}]})", "tracks[0].source is missing");
    refuses (R"({"format": "crest-album", "version": 1, "tracks": [{"id": "a", "source": "a.wav", "gapSeconds": 1, "gapFrames": 75}]})",
             "more than once");
    refuses (R"({"format": "crest-album", "version": 1, "tracks": [{"id": "a", "source": "a.wav", "crossfade": {"curve": "wobbly"}}]})",
             "wobbly");
    refuses (R"({"format": "crest-album", "version": 1, "tracks": [{"id": "a", "source": "a.wav", "gapSeconds": -1}]})", "out of range");
    refuses (R"({"format": "crest-album", "version": 1, "loudness": {"strategy": "anchored", "anchor": "z"}, "tracks": []})", "names no track");
    refuses (R"({"format": "crest-album", "version": 1, "tracks": [{"id": "a", "source": "a.wav", "eq": {"band9.gainDb": 3}}]})", "tracks[0].eq");
    refuses (R"({"format": "crest-album", "version": 1, "sampleRate": 1000})", "sampleRate");
}

TEST_CASE ("no mangling of a good album file crashes the reader", "[album][json][fuzz]")
{
    const auto good = writeAlbumJson (sampleAlbum (44100));
    std::mt19937 random (7);
    int refused = 0;
    for (int round = 0; round < 3000; ++round)
    {
        auto text = good;
        const int edits = 1 + (int) (random() % 4);
        for (int e = 0; e < edits; ++e)
        {
            const auto at = random() % text.size();
            switch (random() % 3)
            {
                case 0: text[at] = (char) (random() % 256); break;
                case 1: text.erase (at, 1 + random() % 8); break;
                default: text.insert (at, 1, "{}[]\",:0-9e"[random() % 11]); break;
            }
            if (text.empty())
                text = "{";
        }
        try
        {
            const auto album = parseAlbumJson (text, "mangled.crest-album");
            (void) writeAlbumJson (album);
        }
        catch (const CrestError&)
        {
            ++refused;
        }
    }
    CHECK (refused > 1000);
}

TEST_CASE ("an album keeps its sources relative to itself and is never saved over a non-album", "[album][file]")
{
    TempFolder dir;
    fs::create_directories (dir / "mixes");
    auto album = sampleAlbum (44100);
    for (auto& t : album.tracks)
        t.source = dir / t.source.string();
    const auto file = dir / ("night" + std::string (albumExtension));
    saveAlbumFile (album, file, false);
    const auto text = [&] { std::ifstream in (file); return std::string (std::istreambuf_iterator<char> (in), {}); }();
    CHECK (text.find ("\"mixes/1.wav\"") != std::string::npos);
    const auto back = loadAlbumFile (file);
    CHECK (back.tracks[0].source == dir / "mixes/1.wav");
    CHECK (back.title == album.title);

    CHECK_THROWS_AS (saveAlbumFile (album, file, false), CrestError);   // there already: only with replace
    album.title = "Night Drive (remaster)";
    saveAlbumFile (album, file, true);
    CHECK (fs::exists (dir / ("night" + std::string (albumExtension) + ".bak")));
    CHECK (loadAlbumFile (file).title == "Night Drive (remaster)");

    // Never over something else, nor over one of its own sources.
    writeAudio (dir / "mixes/1.wav", 2, 44100, 441, [] (int64_t, int) { return 0.0f; });
    CHECK_THROWS_WITH (saveAlbumFile (album, dir / "mixes/1.wav", true), Catch::Contains ("1.wav"));
    CHECK (fs::file_size (dir / "mixes/1.wav") > 0);
    CHECK_THROWS_AS (loadAlbumFile (dir / "mixes/1.wav"), CrestError);
}

TEST_CASE ("the album inputs kept from fuzzing are read or refused cleanly", "[album][json][fuzz]")
{
    const fs::path corpus = fs::path (CREST_TEST_DATA_DIR) / "fuzz-album";
    int files = 0;
    for (const auto& entry : fs::directory_iterator (corpus))
    {
        INFO (entry.path());
        const auto text = readBytes (entry.path());
        try
        {
            const auto album = parseAlbumJson (text, entry.path().string());
            CHECK (parseAlbumJson (writeAlbumJson (album), "again") == album);
        }
        catch (const CrestError&)
        {
        }
        ++files;
    }
    CHECK (files >= 1);
}
