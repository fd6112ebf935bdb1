#include "AlbumFile.h"

#include "AlbumJson.h"

#include "Core/CrestError.h"
#include "IO/AtomicTextFile.h"
#include "IO/OutputTarget.h"
#include "Session/GuardedJson.h"
#include "Session/SessionFile.h"

namespace crest
{
namespace fs = std::filesystem;

AlbumDocument loadAlbumFile (const fs::path& file)
{
    auto album = parseAlbumJson (loadTextFile (file, maxSessionFileBytes), file.string());
    const auto folder = documentFolder (file);
    for (auto& track : album.tracks)
        track.source = resolveMediaPath (track.source.string(), folder);
    return album;
}

bool isCrestAlbumFile (const fs::path& file)
{
    try
    {
        parseAlbumJson (loadTextFile (file, maxSessionFileBytes), file.string());
        return true;
    }
    catch (const CrestError&)
    {
        return false;
    }
}

void saveAlbumFile (AlbumDocument album, const fs::path& file, bool replace)
{
    OutputRules rules;
    rules.kindName = "Crest album";
    rules.isExpectedKind = isCrestAlbumFile;
    rules.mayReplace = replace;
    rules.mayStream = false;
    for (const auto& track : album.tracks)
        rules.inputs.push_back (track.source);
    const auto target = checkOutputTarget (file, rules);
    const auto folder = documentFolder (target.path);
    for (auto& track : album.tracks)
        track.source = storedMediaPath (track.source, folder);
    saveTextAtomically (target.path, writeAlbumJson (album));
}
} // namespace crest
