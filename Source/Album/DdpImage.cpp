#include "DdpImage.h"

#include "Core/CrestError.h"
#include "IO/AtomicTextFile.h"
#include "IO/AudioFileReader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

namespace crest
{
namespace fs = std::filesystem;

namespace
{
    constexpr int64_t framesPerSector = 588;

    // A fixed-width field: left-aligned text, or a right-aligned number, space-padded.
    void put (std::string& record, size_t at, size_t width, const std::string& text)
    {
        record.replace (at, width, (text + std::string (width, ' ')).substr (0, width));
    }
    void putNumber (std::string& record, size_t at, size_t width, int64_t value)
    {
        auto digits = std::to_string (value);
        put (record, at, width, std::string (width > digits.size() ? width - digits.size() : 0, ' ') + digits);
    }
    std::string msf (int64_t sectors)
    {
        char text[8];
        std::snprintf (text, sizeof (text), "%02d%02d%02d", (int) (sectors / (75 * 60)), (int) (sectors / 75 % 60), (int) (sectors % 75));
        return text;
    }

    std::string pqPacket (const std::string& track, int index, int64_t sector, const std::string& isrc, const std::string& upc)
    {
        std::string p (64, ' ');
        put (p, 0, 4, "VVVS");
        put (p, 4, 2, track);
        char idx[4];
        std::snprintf (idx, sizeof (idx), "%02d", index);
        put (p, 6, 2, idx);
        put (p, 10, 6, msf (sector));
        put (p, 16, 2, "01");   // audio, no copy permission flags, no pre-emphasis; an ordinary entry
        put (p, 20, 12, isrc);
        put (p, 32, 13, upc);
        return p;
    }

    std::string mapPacket (const std::string& type, int64_t length, const std::string& subcode, bool audio, const std::string& file)
    {
        std::string m (128, ' ');
        put (m, 0, 4, "VVVM");
        put (m, 4, 2, type);
        putNumber (m, 14, 8, length);
        put (m, 30, 8, subcode);
        if (audio)
        {
            put (m, 38, 2, "DA");
            put (m, 40, 1, "7");
            put (m, 41, 1, "0");
            putNumber (m, 46, 4, 150);
        }
        else if (subcode == "CDTEXT")
            put (m, 55, 2, "00");
        putNumber (m, 71, 3, 17);
        put (m, 74, 17, file);
        return m;
    }

    void writeBytes (const fs::path& file, const std::string& bytes)
    {
        std::ofstream out (file, std::ios::binary);
        out.write (bytes.data(), (std::streamsize) bytes.size());
        out.close();
        if (! out)
            throw CrestError (file, "could not be written");
    }

    std::string readAll (const fs::path& file, size_t maxBytes)
    {
        std::error_code ec;
        const auto size = fs::file_size (file, ec);
        if (ec)
            throw CrestError (file, "is missing from the DDP image");
        if (size > maxBytes)
            throw CrestError (file, "is too large for its part of a DDP image");
        std::ifstream in (file, std::ios::binary);
        std::string bytes ((size_t) size, '\0');
        in.read (bytes.data(), (std::streamsize) size);
        if (! in)
            throw CrestError (file, "could not be read");
        return bytes;
    }

    // A right-aligned number in a field, padded with spaces or zeros; blank is 0.
    int64_t number (const std::string& field, const fs::path& file, const char* name)
    {
        int64_t v = 0;
        bool digits = false;
        for (const char c : field)
        {
            if (c == ' ')
                continue;
            if (c < '0' || c > '9')
                throw CrestError (file, std::string (name) + " \"" + field + "\" is not a number");
            v = v * 10 + (c - '0');
            digits = true;
        }
        return digits ? v : 0;
    }

    std::string trimmed (std::string s)
    {
        while (! s.empty() && s.back() == ' ')
            s.pop_back();
        return s;
    }

    CdText cdTextOf (const AlbumDocument& album)
    {
        CdText text;
        text.titles.push_back (album.title);
        text.performers.push_back (album.performer);
        text.songwriters.push_back ({});
        text.codes.push_back (album.upc);
        for (const auto& t : album.tracks)
        {
            text.titles.push_back (t.title);
            text.performers.push_back (t.performer);
            text.songwriters.push_back (t.composer);
            text.codes.push_back (t.isrc);
        }
        return text;
    }

    bool hasCdText (const CdText& t)
    {
        for (const auto* list : { &t.titles, &t.performers, &t.songwriters })
            for (const auto& s : *list)
                if (! s.empty())
                    return true;
        return false;
    }
} // namespace

void writeDdpImage (const AlbumDocument& album, const AlbumLayout& layout, const fs::path& program, const fs::path& folder, bool replace)
{
    if (fs::exists (folder))
    {
        if (! replace)
            throw CrestError (folder, "already exists; a DDP image is written only into a new folder (or with --force)");
        if (! fs::exists (folder / "DDPID"))
            throw CrestError (folder, "is not a DDP image; Crest replaces only its own images");
        fs::remove_all (folder);
    }
    const auto work = fs::path (folder.string() + ".part");
    std::error_code ec;
    fs::remove_all (work, ec);
    fs::create_directories (work);

    // IMAGE.DAT: the program as it is, little-endian 16-bit, padded to the lead-out.
    AudioFileReader reader (program);
    const auto& info = reader.info();
    if (info.sampleRate != 44100 || info.channels != 2)
        throw CrestError (program, "is not 44.1 kHz stereo; a DDP image carries a CD's audio");
    const int64_t leadOut = (layout.totalSamples + framesPerSector - 1) / framesPerSector;
    {
        std::ofstream image (work / "IMAGE.DAT", std::ios::binary);
        std::vector<float> block (2 * 4096);
        std::vector<char> bytes (4 * 4096);
        for (int64_t at = 0; at < leadOut * framesPerSector; at += 4096)
        {
            const auto n = std::min<int64_t> (4096, leadOut * framesPerSector - at);
            const auto fromFile = std::clamp<int64_t> (info.frames - at, 0, n);
            if (fromFile > 0)
                reader.readInterleaved (block.data(), fromFile);
            std::fill (block.begin() + 2 * fromFile, block.begin() + 2 * n, 0.0f);
            for (int64_t i = 0; i < 2 * n; ++i)
            {
                const auto v = (int16_t) std::clamp<long> (std::lround (block[(size_t) i] * 32768.0f), -32768, 32767);
                bytes[(size_t) (2 * i)] = (char) (v & 0xFF);
                bytes[(size_t) (2 * i + 1)] = (char) ((v >> 8) & 0xFF);
            }
            image.write (bytes.data(), (std::streamsize) (4 * n));
        }
        image.close();
        if (! image)
            throw CrestError (work / "IMAGE.DAT", "could not be written");
    }

    // PQDESCR: lead-in with the UPC, each track's indexes with its ISRC, the lead-out twice.
    std::string pq = pqPacket ("00", 0, 0, "", album.upc);
    for (size_t i = 0; i < layout.spans.size(); ++i)
    {
        char track[4];
        std::snprintf (track, sizeof (track), "%02d", (int) i + 1);
        const auto& span = layout.spans[i];
        const auto& isrc = album.tracks[i].isrc;
        if (span.gapStart < span.start || i == 0)
            pq += pqPacket (track, 0, i == 0 ? 0 : span.gapStart / framesPerSector, isrc, "");
        pq += pqPacket (track, 1, span.start / framesPerSector, isrc, "");
    }
    pq += pqPacket ("AA", 1, leadOut, "", "");
    pq += pqPacket ("AA", 1, leadOut, "", "");
    writeBytes (work / "PQDESCR", pq);

    // CD-Text, when there is any.
    std::string map;
    const auto text = cdTextOf (album);
    if (hasCdText (text))
    {
        const auto packs = encodeCdText (text);
        writeBytes (work / "CDTEXT.BIN", std::string (packs.begin(), packs.end()));
        map += mapPacket ("S0", (int64_t) packs.size(), "CDTEXT", false, "CDTEXT.BIN");
    }
    map += mapPacket ("S0", (int64_t) pq.size(), "PQ DESCR", false, "PQDESCR");
    map += mapPacket ("D0", leadOut, "", true, "IMAGE.DAT");
    writeBytes (work / "DDPMS", map);

    std::string id (128, ' ');
    put (id, 0, 8, "DDP 2.00");
    put (id, 8, 13, album.upc);
    put (id, 38, 48, "Crest: " + album.title);
    put (id, 87, 2, "CD");
    writeBytes (work / "DDPID", id);

    fs::rename (work, folder);
}

DdpImage readDdpImage (const fs::path& folder)
{
    DdpImage image;
    const auto idFile = folder / "DDPID";
    const auto id = readAll (idFile, 4096);
    if (id.size() < 128 || id.substr (0, 8) != "DDP 2.00")
        throw CrestError (idFile, "is not a DDP 2.00 identifier (it starts \"" + id.substr (0, std::min<size_t> (8, id.size())) + "\")");
    if (id.substr (87, 2) != "CD")
        throw CrestError (idFile, "describes a \"" + id.substr (87, 2) + "\" disc, not a CD");
    image.upc = trimmed (id.substr (8, 13));

    const auto mapFile = folder / "DDPMS";
    const auto map = readAll (mapFile, 128 * 64);
    if (map.empty() || map.size() % 128 != 0)
        throw CrestError (mapFile, "is not a whole number of 128-byte map packets");
    fs::path pqFile, textFile;
    int64_t sectors = -1;
    for (size_t at = 0; at < map.size(); at += 128)
    {
        const auto m = map.substr (at, 128);
        if (m.substr (0, 4) != "VVVM")
            throw CrestError (mapFile, "packet " + std::to_string (at / 128) + " is not a valid map packet");
        const auto file = trimmed (m.substr (74, 17));
        if (file.empty() || file.find ('/') != std::string::npos || file.find ("..") != std::string::npos)
            throw CrestError (mapFile, "packet " + std::to_string (at / 128) + " names no file of the image");
        const auto type = m.substr (4, 2), subcode = trimmed (m.substr (30, 8));
        if (type == "D0" && m.substr (38, 2) == "DA")
        {
            if (! image.imageFile.empty())
                throw CrestError (mapFile, "has more than one audio stream");
            image.imageFile = folder / file;
            sectors = number (m.substr (14, 8), mapFile, "the audio stream's length");
        }
        else if (type == "S0" && subcode == "PQ DESCR")
            pqFile = folder / file;
        else if (type == "S0" && subcode == "CDTEXT")
            textFile = folder / file;
    }
    if (image.imageFile.empty() || pqFile.empty())
        throw CrestError (mapFile, "has no audio stream or no PQ descriptors");
    std::error_code ec;
    const auto imageBytes = (int64_t) fs::file_size (image.imageFile, ec);
    if (ec || imageBytes != sectors * ddpSectorBytes)
        throw CrestError (image.imageFile, "holds " + std::to_string (ec ? 0 : imageBytes) + " bytes; the map says "
                                               + std::to_string (sectors) + " sectors of 2352");

    const auto pq = readAll (pqFile, 64 * 512);
    if (pq.empty() || pq.size() % 64 != 0)
        throw CrestError (pqFile, "is not a whole number of 64-byte PQ packets");
    for (size_t at = 0; at < pq.size(); at += 64)
    {
        const auto p = pq.substr (at, 64);
        if (p.substr (0, 4) != "VVVS")
            throw CrestError (pqFile, "packet " + std::to_string (at / 64) + " is not a valid PQ packet");
        const auto track = p.substr (4, 2);
        const auto index = number (p.substr (6, 2), pqFile, "an index");
        const auto minutes = number (p.substr (10, 2), pqFile, "minutes"), seconds = number (p.substr (12, 2), pqFile, "seconds"),
                   frames = number (p.substr (14, 2), pqFile, "frames");
        if (seconds > 59 || frames > 74)
            throw CrestError (pqFile, "packet " + std::to_string (at / 64) + " has the time " + p.substr (10, 6) + ", which is not minutes, seconds and frames");
        const int64_t sector = (minutes * 60 + seconds) * 75 + frames;
        if (track == "00")
        {
            if (image.upc.empty())
                image.upc = trimmed (p.substr (32, 13));
            continue;
        }
        if (track == "AA")
        {
            image.leadOut = sector;
            continue;
        }
        const auto n = (size_t) number (track, pqFile, "a track number");
        if (n == 0 || n > 99 || n > image.tracks.size() + 1)
            throw CrestError (pqFile, "packet " + std::to_string (at / 64) + " names track " + track + " out of order");
        if (n == image.tracks.size() + 1)
            image.tracks.push_back ({});
        auto& t = image.tracks[n - 1];
        if (index == 0)
            t.index00 = sector;
        else if (index == 1)
            t.index01 = sector;
        if (t.isrc.empty())
            t.isrc = trimmed (p.substr (20, 12));
    }
    if (image.leadOut != sectors)
        throw CrestError (pqFile, "puts the lead-out at sector " + std::to_string (image.leadOut) + "; the audio has " + std::to_string (sectors));
    if (! textFile.empty())
    {
        const auto bytes = readAll (textFile, 18 * 256 + 4);
        image.cdText = decodeCdText (std::vector<uint8_t> (bytes.begin(), bytes.end()), image.tracks.size());
    }
    return image;
}

std::vector<std::string> verifyDdpImage (const DdpImage& image, const AlbumDocument& album, const AlbumLayout& layout, const fs::path& program)
{
    std::vector<std::string> problems;
    if (image.tracks.size() != layout.spans.size())
        problems.push_back ("the image has " + std::to_string (image.tracks.size()) + " tracks; the album " + std::to_string (layout.spans.size()));
    if (image.upc != album.upc)
        problems.push_back ("the image's UPC/EAN is \"" + image.upc + "\"; the album's \"" + album.upc + "\"");
    for (size_t i = 0; i < std::min (image.tracks.size(), layout.spans.size()); ++i)
    {
        const auto& t = image.tracks[i];
        const auto& span = layout.spans[i];
        if (t.index01 * framesPerSector != span.start)
            problems.push_back (describeTrack (album, i) + ": INDEX 01 at sector " + std::to_string (t.index01) + ", the render's mark at sample "
                                + std::to_string (span.start));
        const int64_t expected00 = i == 0 ? 0 : span.gapStart < span.start ? span.gapStart : -1;
        if (expected00 >= 0 && t.index00 * framesPerSector != expected00)
            problems.push_back (describeTrack (album, i) + ": INDEX 00 at sector " + std::to_string (t.index00) + ", the pause begins at sample "
                                + std::to_string (expected00));
        if (t.isrc != album.tracks[i].isrc)
            problems.push_back (describeTrack (album, i) + ": ISRC \"" + t.isrc + "\" in the image, \"" + album.tracks[i].isrc + "\" on the album");
    }
    if (image.leadOut * framesPerSector != layout.totalSamples)
        problems.push_back ("the lead-out is at sector " + std::to_string (image.leadOut) + "; the render ends at sample "
                            + std::to_string (layout.totalSamples));
    if (image.cdText && image.cdText->titles.size() == album.tracks.size() + 1)
        for (size_t i = 0; i < album.tracks.size(); ++i)
            if (image.cdText->titles[i + 1] != album.tracks[i].title)
                problems.push_back (describeTrack (album, i) + ": CD-Text title \"" + image.cdText->titles[i + 1] + "\"");

    // The audio, sample for sample.
    AudioFileReader reader (program);
    std::ifstream in (image.imageFile, std::ios::binary);
    std::vector<float> block (2 * 4096);
    std::vector<char> bytes (4 * 4096);
    const int64_t frames = reader.info().frames;
    for (int64_t at = 0; at < frames; at += 4096)
    {
        const auto n = std::min<int64_t> (4096, frames - at);
        reader.readInterleaved (block.data(), n);
        in.read (bytes.data(), (std::streamsize) (4 * n));
        if (! in)
        {
            problems.push_back ("IMAGE.DAT ends before the render does");
            break;
        }
        for (int64_t i = 0; i < 2 * n; ++i)
        {
            const auto v = (int16_t) ((uint8_t) bytes[(size_t) (2 * i)] | ((uint8_t) bytes[(size_t) (2 * i + 1)] << 8));
            if ((float) v / 32768.0f != block[(size_t) i])
            {
                problems.push_back ("IMAGE.DAT differs from the render at frame " + std::to_string (at + i / 2));
                return problems;
            }
        }
    }
    return problems;
}
} // namespace crest
