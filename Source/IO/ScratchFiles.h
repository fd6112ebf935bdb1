// In-between files that must not outlive the work that made them, however
// it ends (done, an error, a cancel): removed, quietly, on scope exit.
// Names come from temporarySibling, so a full or read-only disk fails where
// the real output would.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace crest
{
class ScratchFiles
{
public:
    ScratchFiles() = default;
    ~ScratchFiles();
    ScratchFiles (const ScratchFiles&) = delete;
    ScratchFiles& operator= (const ScratchFiles&) = delete;

    // A new name beside `target`, removed with the rest.
    std::filesystem::path add (const std::filesystem::path& target, const std::string& tag);
    // A file made elsewhere, removed with the rest.
    void own (const std::filesystem::path& file);

private:
    std::vector<std::filesystem::path> files;
};

// A folder of in-between files beside `target`, made now (throws CrestError
// naming the folder it cannot make) and removed with all it holds.
class ScratchFolder
{
public:
    ScratchFolder (const std::filesystem::path& target, const std::string& tag);
    ~ScratchFolder();
    ScratchFolder (const ScratchFolder&) = delete;
    ScratchFolder& operator= (const ScratchFolder&) = delete;

    const std::filesystem::path path;
};
} // namespace crest
