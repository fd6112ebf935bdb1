#include "OutputTarget.h"

#include "Core/CrestError.h"

#include <sys/stat.h>
#include <unistd.h>

namespace crest
{
namespace fs = std::filesystem;

namespace
{
    // Follows a chain of symlinks to the path it finally names, even when
    // that file does not exist yet (a dangling link is written through).
    fs::path resolveLinks (const fs::path& requested)
    {
        fs::path current = fs::absolute (requested);
        for (int hops = 0; hops < 40; ++hops)
        {
            std::error_code ec;
            if (! fs::is_symlink (current, ec))
            {
                auto canonical = fs::weakly_canonical (current, ec);
                return ec ? current.lexically_normal() : canonical;
            }
            const auto next = fs::read_symlink (current, ec);
            if (ec)
                throw CrestError (requested, "cannot follow the link (" + ec.message() + ")");
            current = next.is_absolute() ? next : current.parent_path() / next;
        }
        throw CrestError (requested, "too many levels of symbolic links");
    }

    std::string withArticle (const std::string& noun)
    {
        const bool vowel = ! noun.empty() && std::string ("aeiouAEIOU").find (noun[0]) != std::string::npos;
        return (vowel ? "an " : "a ") + noun;
    }

    std::string typeName (mode_t mode)
    {
        if (S_ISBLK (mode)) return "a block device";
        if (S_ISSOCK (mode)) return "a socket";
        return "a special file";
    }
} // namespace

bool isSameFile (const fs::path& a, const fs::path& b)
{
    struct stat sa {}, sb {};
    return ::stat (a.c_str(), &sa) == 0 && ::stat (b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

OutputTarget checkOutputTarget (const fs::path& requested, const OutputRules& rules)
{
    OutputTarget target;
    target.requested = requested;
    if (requested.empty())
        throw CrestError ("the output name is empty");
    if (requested == "-")
    {
        if (! rules.mayStream)
            throw CrestError ("-: " + withArticle (rules.kindName) + " cannot be written to standard output");
        target.path = "/dev/stdout";
        target.kind = OutputTarget::Kind::stream;
        target.toStdout = true;
        return target;
    }
    const auto text = requested.string();
    if (text.back() == '/')
        throw CrestError (requested, "is a folder name (it ends in '/'); give a file name for the " + rules.kindName);

    target.path = resolveLinks (requested);
    struct stat st {};
    if (::stat (target.path.c_str(), &st) != 0)
        return target;   // a new file: nothing there to harm

    if (S_ISDIR (st.st_mode))
        throw CrestError (requested, "is a folder; give a file name for the " + rules.kindName);
    for (const auto& input : rules.inputs)
        if (isSameFile (target.path, input))
            throw CrestError (requested, "is the same file as the input " + input.string() + "; refusing to overwrite it");
    if (S_ISCHR (st.st_mode) || S_ISFIFO (st.st_mode))
    {
        if (! rules.mayStream)
            throw CrestError (requested, "is a device or pipe, not a file; " + withArticle (rules.kindName) + " is saved only to a regular file");
        target.kind = OutputTarget::Kind::stream;
        return target;
    }
    if (! S_ISREG (st.st_mode))
        throw CrestError (requested, "is " + typeName (st.st_mode) + "; Crest writes only regular files, character devices and pipes");
    if (! rules.mayReplace)
        throw CrestError (requested, "already exists; use --force to replace it");
    if (rules.isExpectedKind && ! rules.isExpectedKind (target.path))
        throw CrestError (requested, "exists and is not " + withArticle (rules.kindName) + "; Crest will not replace it");
    target.kind = OutputTarget::Kind::replaceFile;
    return target;
}
} // namespace crest
