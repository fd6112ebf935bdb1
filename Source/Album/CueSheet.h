// The CUE sheet of an album's continuous file: the album's CATALOG (its
// UPC/EAN), TITLE and PERFORMER; for each track its TITLE, PERFORMER,
// SONGWRITER (the composer), ISRC, INDEX 00 where its gap begins and
// INDEX 01 at its mark, in mm:ss:ff (75 frames a second). Laid out on CD
// frames, every time is exact; at other rates each is the nearest frame.
// JUCE-free.
#pragma once

#include "AlbumLayout.h"

#include <string>

namespace crest
{
std::string cueSheet (const AlbumDocument& album, const AlbumLayout& layout, const std::string& programFileName);
// "mm:ss:ff" for a sample position at `sampleRate`.
std::string cueTime (int64_t samples, double sampleRate);
} // namespace crest
