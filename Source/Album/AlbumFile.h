// Album files on disk (".crest-album"): load resolves each track's source
// against the album's folder; save writes them relative to it, atomically,
// keeping the previous version as "<name>.bak", and never over anything
// that is not a Crest album nor over one of the album's own sources. Both
// throw CrestError and change nothing on failure. JUCE-free.
#pragma once

#include "AlbumDocument.h"

#include <filesystem>

namespace crest
{
inline constexpr const char* albumExtension = ".crest-album";

AlbumDocument loadAlbumFile (const std::filesystem::path& file);
// `replace`: an existing album there may be replaced (Save); otherwise only a new file is written.
void saveAlbumFile (AlbumDocument album, const std::filesystem::path& file, bool replace);
bool isCrestAlbumFile (const std::filesystem::path& file);
} // namespace crest
