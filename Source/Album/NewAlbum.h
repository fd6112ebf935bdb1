// A new album from masters, as `crest album new` and the app's "New album
// from files" make it: the default mastering chain shared by every
// track, the album strategy at -14 LUFS under -1 dBTP, each track named
// after its file and given the usual 2 s pause before it. For a CD the
// album is at 44.1 kHz; otherwise at the first file's rate (48 kHz for a
// session or an unreadable first file, which the render then names).
// JUCE-free.
#pragma once

#include "AlbumDocument.h"

#include <filesystem>
#include <vector>

namespace crest
{
AlbumDocument newAlbum (const std::vector<std::filesystem::path>& sources, bool cd, const std::string& title = {},
                        const std::string& performer = {});
}
