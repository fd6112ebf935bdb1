#include "SessionFile.h"

#include "Core/CrestError.h"
#include "IO/AtomicTextFile.h"
#include "IO/OutputTarget.h"
#include "SessionJson.h"

namespace crest
{
namespace fs = std::filesystem;

fs::path documentFolder (const fs::path& file)
{
    std::error_code ec;
    const auto real = fs::weakly_canonical (fs::absolute (file), ec);
    return (ec ? fs::absolute (file) : real).parent_path();
}

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
    const auto folder = documentFolder (file);
    for (auto& track : document.tracks)
        for (auto& clip : track.clips)
            clip.file = resolveMediaPath (clip.file, folder).string();
    for (auto& ref : document.references)
        ref.file = resolveMediaPath (ref.file, folder).string();
    return document;
}

bool isCrestSessionFile (const fs::path& file)
{
    try
    {
        parseSessionJson (loadTextFile (file, maxSessionFileBytes), file.string());
        return true;
    }
    catch (const CrestError&)
    {
        return false;
    }
}

void saveSessionFile (SessionDocument document, const fs::path& file, SaveMode mode)
{
    OutputRules rules;
    rules.kindName = "Crest session";
    rules.isExpectedKind = isCrestSessionFile;
    rules.mayReplace = mode == SaveMode::replaceSession;
    rules.mayStream = false;
    for (const auto& track : document.tracks)
        for (const auto& clip : track.clips)
            rules.inputs.emplace_back (clip.file);
    for (const auto& ref : document.references)
        rules.inputs.emplace_back (ref.file);
    const auto target = checkOutputTarget (file, rules);

    const auto folder = documentFolder (target.path);
    for (auto& track : document.tracks)
        for (auto& clip : track.clips)
            clip.file = storedMediaPath (fs::path (clip.file), folder);
    for (auto& ref : document.references)
        ref.file = storedMediaPath (fs::path (ref.file), folder);
    saveTextAtomically (target.path, writeSessionJson (document));
}
} // namespace crest
