// Delivery targets: the loudness, true-peak ceiling and delivery format a
// service or standard asks for, from the presets in Resources/targets (one
// JSON file each, compiled in; the figures' sources are in each file and
// in docs/targets.md). JUCE-free; any thread but the audio thread.
#pragma once

#include "IO/OutputFormat.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crest
{
struct TargetPreset
{
    std::string key;                    // "spotify": what --target takes
    std::string name;                   // "Spotify"
    std::optional<double> integratedLufs;   // none: the master keeps its own loudness (CD)
    double truePeakDbtp = -1.0;
    Container container = Container::wav;
    SampleEncoding encoding = SampleEncoding::int24;
    std::optional<double> sampleRate;   // none: the source's rate
    std::string source;                 // where the figures come from
};

// Every preset, in key order.
std::vector<TargetPreset> targetPresets();
// The preset for `key` (case-insensitive), if there is one.
std::optional<TargetPreset> findTargetPreset (std::string_view key);

// The compiled-in files: key and JSON text (generated from Resources/targets).
const std::vector<std::pair<std::string_view, std::string_view>>& embeddedTargetPresets();
} // namespace crest
