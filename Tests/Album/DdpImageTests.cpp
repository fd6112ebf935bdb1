// The DDP 2.00 image: CD-Text packs carry their CRC as plants check it
// (a pack cue2ddp wrote is the test vector), text round-trips in Latin-1;
// an album's image read back equals the rendered audio bit for bit, its PQ
// times equal the CUE sheet's, and a damaged image is caught.
#include "Album/AlbumRender.h"
#include "Album/DdpImage.h"

#include "Core/CrestError.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <regex>

using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

TEST_CASE ("a CD-Text pack's CRC is the one a plant checks", "[album][cdtext]")
{
    // The first pack of a cue2ddp image: title, disc, sequence 0, "Disc Title\0T" -> A7 14.
    const uint8_t pack[16] = { 0x80, 0x00, 0x00, 0x00, 'D', 'i', 's', 'c', ' ', 'T', 'i', 't', 'l', 'e', 0x00, 'T' };
    CHECK (cdTextCrc (pack, 16) == 0xA714);
}

TEST_CASE ("CD-Text reads back as written, in Latin-1; other characters are refused", "[album][cdtext]")
{
    CdText text;
    text.titles = { "Nuit blanche", "Café au lait", "A title long enough to spill over several packs", "" };
    text.performers = { "Les Crêtes", "", "", "Guest" };
    text.songwriters = { "", "", "", "" };
    text.codes = { "4006381333931", "FRZ031400001", "", "FRZ031400003" };
    const auto packs = encodeCdText (text);
    CHECK (packs.size() % 18 == 0);
    CHECK (packs[packs.size() - 18] == 0x8F);   // the size information closes the block
    CHECK (decodeCdText (packs, 3) == text);

    auto damaged = packs;
    damaged[20] ^= 0x01;
    CHECK_THROWS_WITH (decodeCdText (damaged, 3), Catch::Contains ("CRC"));
    text.titles[1] = "東京";
    CHECK_THROWS_WITH (encodeCdText (text), Catch::Contains ("Latin-1"));
}

TEST_CASE ("an album's DDP image reads back equal to the render, its PQ times the CUE's", "[album][ddp]")
{
    TempFolder dir;
    AlbumDocument album;
    album.sampleRate = 44100;
    album.title = "Tones";
    album.performer = "Crest";
    album.upc = "4006381333931";
    for (int i = 0; i < 3; ++i)
    {
        AlbumTrack t;
        t.id = album.freshTrackId();
        t.title = "Tone " + std::to_string (i + 1);
        t.performer = "Crest";
        t.isrc = "USRC1760000" + std::to_string (i + 1);
        t.source = dir / (t.id + ".wav");
        writeAudio (t.source, 2, 44100, (int64_t) (4.6 * 44100) + 31 * i,
                    [i] (int64_t n, int c) { return (float) (0.3 * std::sin (2 * M_PI * (220 * (i + 1) + 3 * c) * (double) n / 44100)); });
        t.chain = MasterChainDocument {};
        t.gapBeforeSamples = (int64_t) ((i == 0 ? 2.0 : 1.5) * 44100);
        album.tracks.push_back (t);
    }
    AlbumRenderRequest request;
    request.album = album;
    request.folder = dir / "out";
    request.name = "tones";
    request.cd = true;
    const auto result = renderAlbum (request);
    REQUIRE (fs::is_directory (result.ddp));

    const auto image = readDdpImage (result.ddp);
    CHECK (image.upc == "4006381333931");
    REQUIRE (image.tracks.size() == 3);
    CHECK (verifyDdpImage (image, album, result.layout, result.program).empty());
    CHECK ((int64_t) fs::file_size (image.imageFile) == image.leadOut * ddpSectorBytes);
    REQUIRE (image.cdText.has_value());
    CHECK (image.cdText->titles[2] == "Tone 2");
    CHECK (image.tracks[1].isrc == "USRC17600002");

    // The same times as the CUE sheet, index for index.
    std::ifstream in (result.cue);
    const std::string cue ((std::istreambuf_iterator<char> (in)), {});
    std::regex index ("INDEX 0([01]) (\\d\\d):(\\d\\d):(\\d\\d)");
    std::vector<std::pair<int, int64_t>> cueIndexes;
    for (auto it = std::sregex_iterator (cue.begin(), cue.end(), index); it != std::sregex_iterator(); ++it)
        cueIndexes.push_back ({ std::stoi ((*it)[1]), (std::stoll ((*it)[2]) * 60 + std::stoll ((*it)[3])) * 75 + std::stoll ((*it)[4]) });
    std::vector<std::pair<int, int64_t>> pqIndexes;
    for (const auto& t : image.tracks)
    {
        if (t.index00 >= 0)
            pqIndexes.push_back ({ 0, t.index00 });
        pqIndexes.push_back ({ 1, t.index01 });
    }
    CHECK (pqIndexes == cueIndexes);
    CHECK (image.tracks[0].index01 == 150);   // the 2 s pause is in the image

    // IMAGE.DAT is little-endian 16-bit: its first frames of track 1 are the render's.
    const auto program = readAudio (result.program);
    std::ifstream dat (image.imageFile, std::ios::binary);
    dat.seekg (150 * ddpSectorBytes + 4 * 100);
    unsigned char bytes[2];
    dat.read ((char*) bytes, 2);
    const auto first = (int16_t) (bytes[0] | (bytes[1] << 8));
    CHECK ((float) first / 32768.0f == program.samples[(size_t) (2 * (150 * 588 + 100))]);

    // A damaged image is caught: one sample changed, or the file cut short.
    {
        std::fstream poke (image.imageFile, std::ios::in | std::ios::out | std::ios::binary);
        poke.seekp (200 * ddpSectorBytes + 7);
        poke.put ((char) 0x55);
    }
    const auto problems = verifyDdpImage (readDdpImage (result.ddp), album, result.layout, result.program);
    REQUIRE (problems.size() == 1);
    CHECK_THAT (problems[0], Catch::Contains ("IMAGE.DAT differs") && Catch::Contains (std::to_string (200 * 588 + 1)));
    fs::resize_file (image.imageFile, fs::file_size (image.imageFile) - 100);
    CHECK_THROWS_WITH (readDdpImage (result.ddp), Catch::Contains ("IMAGE.DAT") && Catch::Contains ("sectors of 2352"));

    // Not replaced without asking; a folder that is not an image is never replaced.
    CHECK_THROWS_WITH (renderAlbum (request), Catch::Contains ("already exists"));
    fs::create_directories (dir / "other");
    writeBytes (dir / "other" / "keep.txt", "mine");
    CHECK_THROWS_WITH (writeDdpImage (album, result.layout, result.program, dir / "other", true), Catch::Contains ("not a DDP image"));
    CHECK (readBytes (dir / "other" / "keep.txt") == "mine");
}
