// Master chain presets: the ones Crest ships (Resources/chains, one JSON
// file each, compiled in and installed) and any preset file a user saved
// or was given. "default" is the chain a mastering session starts with.
// JUCE-free; any thread but the audio thread.
#pragma once

#include "Session/MasterChainJson.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crest
{
struct NamedChainPreset
{
    std::string key;              // "gentle": what --chain takes
    MasterChainPreset preset;
};

// Every shipped preset, in key order.
std::vector<NamedChainPreset> chainPresets();
std::optional<MasterChainPreset> findChainPreset (std::string_view key);

// The default mastering chain: EQ (on, flat), multiband (off until wanted),
// saturation (off), width (on, neutral), the true-peak limiter at -1 dBTP.
MasterChainDocument defaultMasteringChain();

// A shipped preset's key, or else a preset file's path. Throws CrestError
// naming the file (or listing the keys) when it cannot be read.
MasterChainPreset loadChainPreset (const std::string& keyOrPath);
// Writes a preset file atomically; never over an existing file unless
// `replace`. Throws CrestError naming the file.
void saveChainPreset (const MasterChainPreset& preset, const std::filesystem::path& file, bool replace);

// The compiled-in files: key and JSON text (generated from Resources/chains).
const std::vector<std::pair<std::string_view, std::string_view>>& embeddedChainPresets();
} // namespace crest
