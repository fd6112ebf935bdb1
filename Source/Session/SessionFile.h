// Session files on disk: load resolves media paths against the session's
// folder; save writes them relative to it, atomically, keeping the previous
// version as "<name>.bak". Both throw CrestError and change nothing on
// failure. JUCE-free.
#pragma once

#include "SessionDocument.h"

#include <filesystem>

namespace crest
{
inline constexpr const char* sessionExtension = ".crest";

SessionDocument loadSessionFile (const std::filesystem::path& file);

enum class SaveMode
{
    createNew,        // refuse if anything is there (crest new, crest demo without --force)
    replaceSession    // Save, or Save As the user confirmed: may replace a Crest session
};

// Follows a symlink to the file it names; never saves over a clip's media
// or anything that is not a Crest session (see OutputTarget).
void saveSessionFile (SessionDocument document, const std::filesystem::path& file, SaveMode mode = SaveMode::replaceSession);

// True if `file` reads as a Crest session (of any version this build knows).
bool isCrestSessionFile (const std::filesystem::path& file);

// The folder a session or album file really lives in (symlinks followed),
// so that opening it through a link and saving through one agree: media
// paths are stored relative to it.
std::filesystem::path documentFolder (const std::filesystem::path& file);

// Media paths: relative (as stored) <-> absolute (as held in the model).
std::filesystem::path resolveMediaPath (const std::string& stored, const std::filesystem::path& sessionFolder);
std::string storedMediaPath (const std::filesystem::path& media, const std::filesystem::path& sessionFolder);
} // namespace crest
