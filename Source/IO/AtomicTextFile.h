// Saves text so that no failure can damage what was there before: the new
// contents go to a temporary file in the same folder (every write checked,
// fsync), the previous version is kept as "<name>.bak" (a hard link, so it
// costs no space on a full disk), then the temporary file is renamed over
// the target and the folder is synced. If the backup cannot be made,
// nothing is saved. A read-only file is refused. `target` must already be
// resolved (see OutputTarget): a symlink here would be replaced. JUCE-free.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace crest
{
void saveTextAtomically (const std::filesystem::path& target, std::string_view contents);

// Reads a whole text file, refusing anything larger than maxBytes.
std::string loadTextFile (const std::filesystem::path& file, size_t maxBytes);

// "<name>.bak", or for a name too long for that suffix, a shortened name
// with a hash of the whole: "<start of name>~1a2b3c4d.bak".
std::filesystem::path backupPathFor (const std::filesystem::path& target);
} // namespace crest
