// The album file's JSON (docs/album-format.md): {"format": "crest-album",
// "version": 1, ...}. Read as hostile input, like a session: capped,
// every field checked, every problem a CrestError naming the file and the
// field. Sources are kept as written (AlbumFile resolves them). Times are
// written in seconds and read back to the same whole sample; a gap or a
// crossfade may also be given in CD frames ("gapFrames": 150). JUCE-free.
#pragma once

#include "AlbumDocument.h"

#include <string>
#include <string_view>

namespace crest
{
// More tracks than this is a mistake or an attack, not an album.
inline constexpr size_t maxAlbumTracks = 999;

AlbumDocument parseAlbumJson (std::string_view text, const std::string& sourceName);
std::string writeAlbumJson (const AlbumDocument& album);
} // namespace crest
