// CD-Text as a disc carries it in its lead-in (and a DDP image in
// CDTEXT.BIN): 18-byte packs, one language block (English, ISO 8859-1),
// the album's and each track's title (0x80), performer (0x81) and
// songwriter (0x82), the UPC/EAN and ISRCs (0x8E), then three size packs
// (0x8F); each pack closed by its CRC-16 (x^16 + x^12 + x^5 + 1,
// inverted, high byte first). Written and read back by the same rules
// (docs/research/ddp-and-cd-text.md). JUCE-free.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace crest
{
struct CdText
{
    // Index 0 is the disc; 1..n the tracks.
    std::vector<std::string> titles, performers, songwriters, codes;   // codes: UPC/EAN for the disc, ISRC per track

    bool operator== (const CdText&) const = default;
};

using CdTextPack = std::array<uint8_t, 18>;

uint16_t cdTextCrc (const uint8_t* bytes, size_t length) noexcept;
// Throws CrestError when a text cannot be carried (not Latin-1, or more
// than one block of 253 text packs holds).
std::vector<uint8_t> encodeCdText (const CdText& text);
// Throws CrestError for a pack whose CRC does not match or a file that is
// not a whole number of packs.
CdText decodeCdText (const std::vector<uint8_t>& bytes, size_t tracks);
} // namespace crest
