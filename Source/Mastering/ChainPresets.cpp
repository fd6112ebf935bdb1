#include "ChainPresets.h"

#include "Core/CrestError.h"
#include "IO/AtomicTextFile.h"
#include "IO/OutputTarget.h"
#include "Session/GuardedJson.h"

#include <algorithm>
#include <cctype>

namespace crest
{
namespace
{
    std::string lowered (std::string_view text)
    {
        std::string s (text);
        std::transform (s.begin(), s.end(), s.begin(), [] (unsigned char c) { return (char) std::tolower (c); });
        return s;
    }

    bool isChainPresetFile (const std::filesystem::path& file)
    {
        try
        {
            parseMasterChainPreset (loadTextFile (file, maxSessionFileBytes), file.string());
            return true;
        }
        catch (const CrestError&)
        {
            return false;
        }
    }
} // namespace

std::vector<NamedChainPreset> chainPresets()
{
    std::vector<NamedChainPreset> list;
    for (const auto& [key, text] : embeddedChainPresets())
        list.push_back ({ std::string (key), parseMasterChainPreset (text, "Resources/chains/" + std::string (key) + ".json") });
    std::sort (list.begin(), list.end(), [] (auto& a, auto& b) { return a.key < b.key; });
    return list;
}

std::optional<MasterChainPreset> findChainPreset (std::string_view key)
{
    for (auto& p : chainPresets())
        if (p.key == lowered (key))
            return p.preset;
    return std::nullopt;
}

MasterChainDocument defaultMasteringChain()
{
    return findChainPreset ("default")->chain;
}

MasterChainPreset loadChainPreset (const std::string& keyOrPath)
{
    if (auto preset = findChainPreset (keyOrPath))
        return *preset;
    const std::filesystem::path file (keyOrPath);
    std::error_code ec;
    if (! std::filesystem::exists (file, ec))
    {
        std::string keys;
        for (const auto& p : chainPresets())
            keys += (keys.empty() ? "" : ", ") + p.key;
        throw CrestError (keyOrPath + ": no such chain preset file, and not one of Crest's chains (" + keys + ")");
    }
    return parseMasterChainPreset (loadTextFile (file, maxSessionFileBytes), file.string());
}

void saveChainPreset (const MasterChainPreset& preset, const std::filesystem::path& file, bool replace)
{
    OutputRules rules;
    rules.kindName = "master chain preset";
    rules.isExpectedKind = isChainPresetFile;
    rules.mayReplace = replace;
    rules.mayStream = false;
    const auto target = checkOutputTarget (file, rules);
    saveTextAtomically (target.path, writeMasterChainPreset (preset));
}
} // namespace crest
