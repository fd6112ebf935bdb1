// Every value of a channel strip, by one key: "filters.highPassHz",
// "gate.enabled", "eq.band3.gainDb", "compressor.ratio", "reverb.mix",
// or a strip-wide one ("invertPolarity", "compressorFirst", "widthPercent"). The session
// file stores the strip by these keys, the model holds them as track
// properties, the engine applies them to the modules, the GUI edits them:
// one registry, one range and default for each. JUCE-free.
#pragma once

#include "ParameterSpec.h"

#include <string>
#include <string_view>
#include <vector>

namespace crest
{
enum class StripModule
{
    none,   // strip-wide
    filters,
    gate,
    eq,
    compressor,
    // Space, run after the compressor as built-in inserts: on a track, or
    // at 100 % mix on an aux bus fed by sends.
    chorus,
    delay,
    reverb
};

inline constexpr StripModule allStripModules[] = { StripModule::none, StripModule::filters, StripModule::gate, StripModule::eq,
                                                   StripModule::compressor, StripModule::chorus, StripModule::delay, StripModule::reverb };

std::string_view stripModuleName (StripModule module) noexcept;

struct StripParameter
{
    std::string key;
    ParameterSpec spec;        // its id is the key's last part; range, default, unit
    StripModule module = StripModule::none;
    int index = -1;            // the module's parameter index; -1: the module's on switch, or strip-wide

    bool isModuleSwitch() const noexcept { return module != StripModule::none && index < 0; }
};

// In processing order: strip-wide values, then each module's switch and parameters.
const std::vector<StripParameter>& stripParameters();
const StripParameter* findStripParameter (std::string_view key) noexcept;

namespace stripKeys
{
    inline constexpr std::string_view invertPolarity = "invertPolarity";
    inline constexpr std::string_view compressorFirst = "compressorFirst";
    inline constexpr std::string_view widthPercent = "widthPercent";
} // namespace stripKeys
} // namespace crest
