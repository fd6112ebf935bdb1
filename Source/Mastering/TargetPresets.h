// Delivery targets: the loudness, true-peak ceiling and delivery format a
// service or standard asks for, from the presets in Resources/targets (one
// JSON file each, compiled in; the figures' sources are in each file and
// in docs/targets.md). JUCE-free; any thread but the audio thread.
#pragma once

#include "Analysis/VinylPreflight.h"
#include "IO/OutputFormat.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crest
{
// How a streaming service plays a track back (docs/streaming-preview.md):
// the level it normalises to, whether it normalises a whole album by one
// gain (and from what: the album's integrated loudness, or its loudest
// track's), whether it turns quiet tracks up and how far.
struct PlaybackRule
{
    double referenceLufs = -14.0;
    bool albumMode = false;              // what it does when an album plays in order
    bool albumIsLoudestTrack = false;    // the album's loudness: its loudest track's (else the whole album's integrated)
    bool turnsUp = false;                // quiet tracks turned up ...
    double upCeilingDbtp = -1.0;         // ... no further than this true peak
    bool official = false;               // the service's own documents (or code) say so; else third-party measurement
    std::string source;
};

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
    std::optional<PlaybackRule> playback;   // a streaming service's playback normalisation
    std::optional<VinylFormat> vinyl;       // a premaster for cutting: preflighted as delivered
};

// Every preset, in key order.
std::vector<TargetPreset> targetPresets();
// The preset for `key` (case-insensitive), if there is one.
std::optional<TargetPreset> findTargetPreset (std::string_view key);

// The compiled-in files: key and JSON text (generated from Resources/targets).
const std::vector<std::pair<std::string_view, std::string_view>>& embeddedTargetPresets();
} // namespace crest
