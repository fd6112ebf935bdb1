#include "AtomicTextFile.h"

#include "Core/CrestError.h"
#include "FileSync.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace crest
{
namespace fs = std::filesystem;

fs::path backupPathFor (const fs::path& target)
{
    return fs::path (target.string() + ".bak");
}

void saveTextAtomically (const fs::path& target, std::string_view contents)
{
    if (auto problem = folderProblem (target); ! problem.empty())
        throw CrestError (target, problem);

    const auto temporary = temporarySibling (target, "saving");
    const int fd = ::open (temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        throw CrestError (target, std::string ("cannot save (") + std::strerror (errno) + ")");
    // The new version keeps the old one's permissions.
    struct stat previous {};
    if (::stat (target.c_str(), &previous) == 0)
        ::fchmod (fd, previous.st_mode & 07777);

    auto abandon = [&] (const std::string& what, int error) {
        ::close (fd);
        ::unlink (temporary.c_str());
        const bool full = error == ENOSPC || error == EDQUOT || error == EFBIG;
        throw CrestError (target, (full ? std::string ("disk full while saving") : what + " (" + std::strerror (error) + ")")
                                      + "; the previous version is unchanged");
    };

    size_t done = 0;
    while (done < contents.size())
    {
        const auto n = ::write (fd, contents.data() + done, contents.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            abandon ("write failed", n < 0 ? errno : ENOSPC);
        done += (size_t) n;
    }
    if (::fsync (fd) != 0)
        abandon ("cannot flush to disk", errno);
    if (::close (fd) != 0)
    {
        const int error = errno;
        ::unlink (temporary.c_str());
        throw CrestError (target, std::string ("cannot save (") + std::strerror (error) + "); the previous version is unchanged");
    }

    std::error_code ec;
    if (fs::exists (target, ec))
    {
        // A hard link costs no space on a full disk; where the filesystem
        // has none (FAT, some network shares) fall back to a copy.
        const auto backup = backupPathFor (target);
        const auto backupTemporary = temporarySibling (backup, "linking");
        bool staged = ::link (target.c_str(), backupTemporary.c_str()) == 0;
        if (! staged)
            staged = fs::copy_file (target, backupTemporary, fs::copy_options::overwrite_existing, ec);
        if (staged && ::rename (backupTemporary.c_str(), backup.c_str()) != 0)
            ::unlink (backupTemporary.c_str());
    }

    if (::rename (temporary.c_str(), target.c_str()) != 0)
    {
        const int error = errno;
        ::unlink (temporary.c_str());
        throw CrestError (target, std::string ("cannot replace the file (") + std::strerror (error) + "); the previous version is unchanged");
    }
    syncPath (target.parent_path().empty() ? fs::path (".") : target.parent_path());
}

std::string loadTextFile (const fs::path& file, size_t maxBytes)
{
    std::error_code ec;
    if (! fs::exists (file, ec))
        throw CrestError (file, "file not found");
    if (fs::is_directory (file, ec))
        throw CrestError (file, "is a folder, not a file");
    const auto size = fs::file_size (file, ec);
    if (ec)
        throw CrestError (file, "cannot read (" + ec.message() + ")");
    if (size > maxBytes)
        throw CrestError (file, "file is too large (" + std::to_string (size) + " bytes; the limit is " + std::to_string (maxBytes) + ")");
    std::ifstream in (file, std::ios::binary);
    if (! in)
        throw CrestError (file, std::string ("cannot open (") + std::strerror (errno) + ")");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}
} // namespace crest
