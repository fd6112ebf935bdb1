#include "CdText.h"

#include "Core/CrestError.h"

namespace crest
{
namespace
{
    constexpr uint8_t typeTitle = 0x80, typePerformer = 0x81, typeSongwriter = 0x82, typeCodes = 0x8E, typeSize = 0x8F;
    constexpr size_t maxTextPacks = 253;

    // UTF-8 (as Crest holds text) to ISO 8859-1 (as the disc carries it).
    std::string toLatin1 (const std::string& utf8)
    {
        std::string out;
        for (size_t i = 0; i < utf8.size(); ++i)
        {
            const auto c = (uint8_t) utf8[i];
            if (c < 0x80)
                out += (char) c;
            else if ((c == 0xC2 || c == 0xC3) && i + 1 < utf8.size())
                out += (char) (((c & 0x03) << 6) | ((uint8_t) utf8[++i] & 0x3F));
            else
                throw CrestError ("CD-Text carries Latin-1 only: \"" + utf8 + "\" has a character outside it");
        }
        return out;
    }

    std::string toUtf8 (const std::string& latin1)
    {
        std::string out;
        for (const char ch : latin1)
        {
            const auto c = (uint8_t) ch;
            if (c < 0x80)
                out += (char) c;
            else
            {
                out += (char) (0xC0 | (c >> 6));
                out += (char) (0x80 | (c & 0x3F));
            }
        }
        return out;
    }

    bool anyText (const std::vector<std::string>& strings)
    {
        for (const auto& s : strings)
            if (! s.empty())
                return true;
        return false;
    }
} // namespace

uint16_t cdTextCrc (const uint8_t* bytes, size_t length) noexcept
{
    uint16_t crc = 0;
    for (size_t i = 0; i < length; ++i)
    {
        crc ^= (uint16_t) (bytes[i] << 8);
        for (int bit = 0; bit < 8; ++bit)
            crc = (uint16_t) (crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1);
    }
    return (uint16_t) ~crc;
}

std::vector<uint8_t> encodeCdText (const CdText& text)
{
    std::vector<CdTextPack> packs;
    std::array<int, 16> packsOfType {};
    const size_t tracks = text.titles.size() > 0 ? text.titles.size() - 1 : 0;
    auto addType = [&] (uint8_t type, const std::vector<std::string>& strings) {
        if (! anyText (strings))
            return;
        // The strings, NUL-terminated, one after another; each pack says which
        // track's string its payload starts in, and how far into it.
        std::vector<std::pair<uint8_t, int>> owner;   // per byte: track, character position
        std::string stream;
        for (size_t t = 0; t <= tracks; ++t)
        {
            const auto s = toLatin1 (t < strings.size() ? strings[t] : std::string());
            for (size_t k = 0; k <= s.size(); ++k)
                owner.push_back ({ (uint8_t) t, (int) k });
            stream += s;
            stream += '\0';
        }
        for (size_t at = 0; at < stream.size(); at += 12)
        {
            CdTextPack p {};
            p[0] = type;
            p[1] = owner[at].first;
            p[2] = 0;   // sequence: set below
            p[3] = (uint8_t) std::min (owner[at].second, 15);
            for (size_t k = 0; k < 12; ++k)
                p[4 + k] = at + k < stream.size() ? (uint8_t) stream[at + k] : 0;
            packs.push_back (p);
            ++packsOfType[type & 0x0F];
        }
    };
    addType (typeTitle, text.titles);
    addType (typePerformer, text.performers);
    addType (typeSongwriter, text.songwriters);
    addType (typeCodes, text.codes);
    if (packs.size() > maxTextPacks)
        throw CrestError ("the CD-Text is too long for a disc (" + std::to_string (packs.size()) + " packs; a block holds "
                          + std::to_string (maxTextPacks) + "): shorten the titles");

    // The size information: three packs, 36 bytes.
    std::array<uint8_t, 36> size {};
    size[0] = 0x00;   // ISO 8859-1
    size[1] = 1;
    size[2] = (uint8_t) tracks;
    size[3] = 0x00;
    packsOfType[typeSize & 0x0F] = 3;
    for (int t = 0; t < 16; ++t)
        size[(size_t) (4 + t)] = (uint8_t) packsOfType[(size_t) t];
    size[20] = (uint8_t) (packs.size() + 3 - 1);   // the last sequence number of block 0
    size[28] = 0x09;                               // English
    for (int k = 0; k < 3; ++k)
    {
        CdTextPack p {};
        p[0] = typeSize;
        p[1] = (uint8_t) k;
        for (size_t b = 0; b < 12; ++b)
            p[4 + b] = size[(size_t) (12 * k) + b];
        packs.push_back (p);
    }
    std::vector<uint8_t> bytes;
    for (size_t i = 0; i < packs.size(); ++i)
    {
        auto& p = packs[i];
        p[2] = (uint8_t) i;
        const auto crc = cdTextCrc (p.data(), 16);
        p[16] = (uint8_t) (crc >> 8);
        p[17] = (uint8_t) (crc & 0xFF);
        bytes.insert (bytes.end(), p.begin(), p.end());
    }
    return bytes;
}

CdText decodeCdText (const std::vector<uint8_t>& bytes, size_t tracks)
{
    // A trailing byte or two (some writers add one) is not a pack.
    const size_t count = bytes.size() / 18;
    if (count == 0)
        throw CrestError ("the CD-Text holds no packs");
    CdText text;
    for (auto* list : { &text.titles, &text.performers, &text.songwriters, &text.codes })
        list->assign (tracks + 1, std::string());
    std::array<std::string, 4> streams;
    for (size_t i = 0; i < count; ++i)
    {
        const uint8_t* p = bytes.data() + 18 * i;
        const uint16_t crc = (uint16_t) ((p[16] << 8) | p[17]);
        if (cdTextCrc (p, 16) != crc)
            throw CrestError ("CD-Text pack " + std::to_string (i) + " fails its CRC");
        const int slot = p[0] == typeTitle ? 0 : p[0] == typePerformer ? 1 : p[0] == typeSongwriter ? 2 : p[0] == typeCodes ? 3 : -1;
        if (slot >= 0)
            streams[(size_t) slot].append ((const char*) p + 4, 12);
    }
    const std::array<std::vector<std::string>*, 4> lists { &text.titles, &text.performers, &text.songwriters, &text.codes };
    for (size_t s = 0; s < 4; ++s)
    {
        size_t t = 0, start = 0;
        const auto& stream = streams[s];
        for (size_t k = 0; k < stream.size() && t <= tracks; ++k)
            if (stream[k] == '\0')
            {
                (*lists[s])[t++] = toUtf8 (stream.substr (start, k - start));
                start = k + 1;
            }
    }
    return text;
}
} // namespace crest
