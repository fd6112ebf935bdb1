#include "MediaRelink.h"

#include <set>

namespace crest
{
namespace fs = std::filesystem;

std::vector<std::string> missingMediaFiles (const SessionDocument& session)
{
    std::vector<std::string> missing;
    std::set<std::string> seen;
    for (const auto& track : session.tracks)
        for (const auto& clip : track.clips)
        {
            if (! seen.insert (clip.file).second)
                continue;
            std::error_code ec;
            if (! fs::exists (fs::path (clip.file), ec))
                missing.push_back (clip.file);
        }
    return missing;
}

RelinkSearch searchForMissingMedia (const std::vector<std::string>& missing, const fs::path& folder, int64_t maxFiles)
{
    RelinkSearch result;
    std::map<std::string, std::vector<std::string>> wanted;   // file name -> missing files of that name
    for (const auto& file : missing)
        wanted[fs::path (file).filename().string()].push_back (file);

    // Best candidate per name: shallowest, then first in path order.
    std::map<std::string, std::pair<int, std::string>> best;
    std::error_code ec;
    fs::recursive_directory_iterator it (folder, fs::directory_options::skip_permission_denied, ec), end;
    for (; ! ec && it != end; it.increment (ec))
    {
        if (++result.filesLookedAt > maxFiles)
        {
            result.stoppedEarly = true;
            break;
        }
        std::error_code typeError;
        if (! it->is_regular_file (typeError))
            continue;
        const auto name = it->path().filename().string();
        if (wanted.count (name) == 0)
            continue;
        const int depth = it.depth();
        const auto path = it->path().lexically_normal().string();
        auto& slot = best[name];
        if (slot.second.empty() || depth < slot.first || (depth == slot.first && path < slot.second))
            slot = { depth, path };
    }
    for (const auto& file : missing)
    {
        const auto name = fs::path (file).filename().string();
        if (auto found = best.find (name); found != best.end())
            result.found[file] = found->second.second;
        else
            result.stillMissing.push_back (file);
    }
    return result;
}
} // namespace crest
