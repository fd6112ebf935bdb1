// A DDP 2.00 image of an audio CD, the fileset a replication plant takes:
// DDPID (the level and the UPC/EAN), DDPMS (a map packet per stream),
// PQDESCR (the lead-in, each track's INDEX 00 and 01 with its ISRC, the
// lead-out twice), IMAGE.DAT (44.1 kHz 16-bit little-endian stereo, from
// the 2 s pause before track 1 to the lead-out, in 2352-byte sectors)
// and CDTEXT.BIN. Fixed-width ASCII fields as the notes in
// docs/research/ddp-and-cd-text.md give them. Crest reads its images back
// with readDdpImage and checks them against the render with
// verifyDdpImage. JUCE-free.
#pragma once

#include "AlbumLayout.h"
#include "CdText.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace crest
{
struct DdpTrack
{
    int64_t index00 = -1;      // sector of the pause's start, or -1 when it has none
    int64_t index01 = 0;       // sector of the track's start
    std::string isrc;
};

struct DdpImage
{
    std::string upc;
    std::vector<DdpTrack> tracks;
    int64_t leadOut = 0;       // sectors: the image's length
    std::optional<CdText> cdText;
    std::filesystem::path imageFile;
};

inline constexpr int64_t ddpSectorBytes = 2352;

// Writes the image of `program` (a 44.1 kHz 16-bit stereo file laid out
// on CD frames, starting with the 2 s pause) into `folder` (created; it
// must not exist unless `replace`). Throws CrestError naming what failed.
void writeDdpImage (const AlbumDocument& album, const AlbumLayout& layout, const std::filesystem::path& program,
                    const std::filesystem::path& folder, bool replace);

// Reads an image's DDPID, DDPMS, PQ descriptors and CD-Text; throws
// CrestError naming the file and the field for what is not a DDP 2.00
// audio image.
DdpImage readDdpImage (const std::filesystem::path& folder);

// What differs between the image and the render (the audio sample for
// sample, every PQ time against the layout, the ISRCs and UPC, the
// CD-Text): empty when they agree.
std::vector<std::string> verifyDdpImage (const DdpImage& image, const AlbumDocument& album, const AlbumLayout& layout,
                                         const std::filesystem::path& program);
} // namespace crest
