#include "FileSync.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace crest
{
namespace fs = std::filesystem;

std::string syncPath (const fs::path& path)
{
    const int fd = ::open (path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::strerror (errno);
    std::string problem;
    if (::fsync (fd) != 0)
        problem = std::strerror (errno);
    ::close (fd);
    return problem;
}

fs::path temporarySibling (const fs::path& target, const std::string& tag)
{
    // Short and independent of the target's name, so a target whose name
    // is at the file-system limit still gets a legal temporary name.
    static std::atomic<int> counter { 0 };
    const auto name = ".crest-" + tag + "-" + std::to_string (::getpid()) + "-" + std::to_string (counter++) + ".tmp";
    return target.parent_path() / name;
}

std::string folderProblem (const fs::path& target)
{
    const auto folder = target.parent_path().empty() ? fs::path (".") : target.parent_path();
    std::error_code ec;
    const auto status = fs::status (folder, ec);
    if (! fs::exists (status))
        return "cannot write: folder " + folder.string() + " does not exist";
    if (! fs::is_directory (status))
        return "cannot write: " + folder.string() + " is not a folder";
    if (::access (folder.c_str(), W_OK) != 0)
        return "cannot write: folder " + folder.string() + " is not writable (" + std::strerror (errno) + ")";
    if (fs::is_directory (target, ec))
        return "cannot write: a folder of that name exists";
    return {};
}
} // namespace crest
