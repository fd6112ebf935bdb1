// The master chain in JSON: the "master" object of a session file and the
// whole of a chain preset file (docs/session-format.md,
// Resources/chains). Both are read by the same code, as hostile input:
// every kind, parameter and value is checked, and a problem throws
// CrestError naming the file and the field. JUCE-free.
#pragma once

#include "MasterChainDocument.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace crest
{
// A chain longer than this is a mistake or an attack, not a master.
inline constexpr size_t maxMasterModules = 32;

// `list` is the JSON array of modules; `where` prefixes field names in
// messages ("master.chain"), `source` names the file.
MasterChainDocument readMasterChain (const nlohmann::ordered_json& list, const std::string& where, const std::string& source);
nlohmann::ordered_json writeMasterChain (const MasterChainDocument& chain);

// A chain preset file: {"format": "crest-master-chain", "version": 1,
// "name": ..., "description": ..., "chain": [...]}.
struct MasterChainPreset
{
    std::string name, description;
    MasterChainDocument chain;
};
MasterChainPreset parseMasterChainPreset (std::string_view text, const std::string& source);
std::string writeMasterChainPreset (const MasterChainPreset& preset);
} // namespace crest
