#include "AtomicTextFile.h"

#include "Core/CrestError.h"
#include "FileSync.h"

#include <cerrno>
#include <cstdio>
#include <functional>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace crest
{
namespace fs = std::filesystem;

namespace
{
    size_t nameLimit (const fs::path& folder)
    {
        const long limit = ::pathconf (folder.empty() ? "." : folder.c_str(), _PC_NAME_MAX);
        return limit > 0 ? (size_t) limit : 255;
    }
} // namespace

fs::path backupPathFor (const fs::path& target)
{
    const auto name = target.filename().string();
    const size_t limit = nameLimit (target.parent_path());
    if (name.size() + 4 <= limit)
        return fs::path (target.string() + ".bak");
    // The name is too long for ".bak": keep as much of it as fits (cut on a
    // UTF-8 character boundary), then a hash of the whole name, so two long
    // names never share a backup.
    char hash[16];
    std::snprintf (hash, sizeof (hash), "~%08x", (unsigned) (std::hash<std::string> {}(name) & 0xffffffffu));
    size_t keep = limit - 4 - std::strlen (hash);
    while (keep > 0 && (((unsigned char) name[keep]) & 0xC0) == 0x80)
        --keep;
    return target.parent_path() / (name.substr (0, keep) + hash + ".bak");
}

void saveTextAtomically (const fs::path& target, std::string_view contents)
{
    if (auto problem = folderProblem (target); ! problem.empty())
        throw CrestError (target, problem);
    struct stat previous {};
    const bool replacing = ::stat (target.c_str(), &previous) == 0;
    if (replacing && ((previous.st_mode & 0222) == 0 || ::access (target.c_str(), W_OK) != 0))
        throw CrestError (target, "is read-only; nothing was saved (save under another name, or make it writable)");

    const auto temporary = temporarySibling (target, "saving");
    const int fd = ::open (temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        throw CrestError (target, std::string ("cannot save (") + std::strerror (errno) + ")");
    // The new version keeps the old one's permissions.
    if (replacing)
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

    if (replacing)
    {
        // The previous version becomes the backup before the new one lands;
        // if that fails, nothing is replaced. A hard link costs no space on
        // a full disk; where the filesystem has none (FAT, some network
        // shares) fall back to a copy.
        const auto backup = backupPathFor (target);
        const auto backupTemporary = temporarySibling (target, "backup");
        std::error_code ec;
        bool staged = ::link (target.c_str(), backupTemporary.c_str()) == 0;
        if (! staged)
            staged = fs::copy_file (target, backupTemporary, fs::copy_options::overwrite_existing, ec);
        const int error = staged ? (::rename (backupTemporary.c_str(), backup.c_str()) == 0 ? 0 : errno) : (ec ? ec.value() : EIO);
        // rename() of two links to one file (another process just made the
        // same backup) succeeds and does nothing: the link must still go.
        ::unlink (backupTemporary.c_str());
        if (error != 0)
        {
            ::unlink (temporary.c_str());
            const bool full = error == ENOSPC || error == EDQUOT || error == EFBIG;
            throw CrestError (target, "cannot keep the previous version as " + backup.filename().string() + " ("
                                          + (full ? std::string ("disk full") : std::strerror (error))
                                          + "); nothing was saved, the previous version is unchanged");
        }
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
