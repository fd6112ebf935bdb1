#include "SessionFile.h"

#include "IO/AtomicTextFile.h"
#include "SessionJson.h"

namespace crest
{
namespace fs = std::filesystem;

namespace
{
    fs::path folderOf (const fs::path& file)
    {
        return fs::absolute (file).parent_path();
    }
} // namespace

fs::path resolveMediaPath (const std::string& stored, const fs::path& sessionFolder)
{
    fs::path p (stored);
    return (p.is_absolute() ? p : sessionFolder / p).lexically_normal();
}

std::string storedMediaPath (const fs::path& media, const fs::path& sessionFolder)
{
    const auto absolute = fs::absolute (media).lexically_normal();
    auto relative = absolute.lexically_relative (fs::absolute (sessionFolder).lexically_normal());
    return relative.empty() ? absolute.generic_string() : relative.generic_string();
}

SessionDocument loadSessionFile (const fs::path& file)
{
    const auto text = loadTextFile (file, maxSessionFileBytes);
    auto document = parseSessionJson (text, file.string());
    const auto folder = folderOf (file);
    for (auto& track : document.tracks)
        for (auto& clip : track.clips)
            clip.file = resolveMediaPath (clip.file, folder).string();
    return document;
}

void saveSessionFile (SessionDocument document, const fs::path& file)
{
    const auto folder = folderOf (file);
    for (auto& track : document.tracks)
        for (auto& clip : track.clips)
            clip.file = storedMediaPath (fs::path (clip.file), folder);
    saveTextAtomically (file, writeSessionJson (document));
}
} // namespace crest
