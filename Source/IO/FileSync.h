// Durable-file helpers: fsync a file or folder by path, and make a unique
// temporary name beside a target. POSIX; JUCE-free.
#pragma once

#include <filesystem>
#include <string>

namespace crest
{
// Returns an empty string on success, else the system's reason.
std::string syncPath (const std::filesystem::path& path);
// A short unique name in target's folder: ".crest-TAG-PID-N.tmp".
std::filesystem::path temporarySibling (const std::filesystem::path& target, const std::string& tag);
// Says why a file cannot be created at `target`, or "" if its folder is fine.
std::string folderProblem (const std::filesystem::path& target);
} // namespace crest
