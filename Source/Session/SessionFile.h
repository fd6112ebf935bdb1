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
void saveSessionFile (SessionDocument document, const std::filesystem::path& file);

// Media paths: relative (as stored) <-> absolute (as held in the model).
std::filesystem::path resolveMediaPath (const std::string& stored, const std::filesystem::path& sessionFolder);
std::string storedMediaPath (const std::filesystem::path& media, const std::filesystem::path& sessionFolder);
} // namespace crest
