// Decides where an output may be written, before anything is written. The
// rules a user can rely on (docs/files-and-safety.md):
//  - an output that is, through any path, `..`, symlink or hard link, the
//    same file as one of the inputs (media, the session) is refused, naming
//    both;
//  - an existing output is replaced only when the caller says so (--force,
//    or the app asked the user), and only if it is a regular file of the
//    expected kind (an audio file for a render, a Crest session for a save);
//  - a symlink is followed: the file it points to is replaced, the link stays;
//  - a character device or pipe (/dev/null, a FIFO, "-" for stdout) is
//    written to directly, never replaced; other special files are refused;
//  - a folder, or a name ending in '/', is refused as a folder.
// Any thread but the audio thread. JUCE-free.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace crest
{
struct OutputRules
{
    std::string kindName;                      // "audio file", "Crest session"
    std::function<bool (const std::filesystem::path&)> isExpectedKind;
    std::vector<std::filesystem::path> inputs; // files that must never be written
    bool mayReplace = false;                   // --force, or the user said yes
    bool mayStream = true;                     // devices, pipes and stdout allowed
};

struct OutputTarget
{
    enum class Kind
    {
        newFile,       // nothing there yet
        replaceFile,   // an existing regular file of the expected kind
        stream         // stdout, a character device or a pipe: written in one pass
    };

    std::filesystem::path requested;   // as the user gave it, for messages
    std::filesystem::path path;        // where to write, symlinks resolved
    Kind kind = Kind::newFile;
    bool toStdout = false;

    bool isStream() const noexcept { return kind == Kind::stream; }
};

// Throws CrestError naming the output (and the input it would hit).
OutputTarget checkOutputTarget (const std::filesystem::path& requested, const OutputRules& rules);

// True if both paths name the same existing file (same device and inode).
bool isSameFile (const std::filesystem::path& a, const std::filesystem::path& b);
} // namespace crest
