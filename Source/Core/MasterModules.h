// The kinds of module a master chain can hold, by the key the session
// file and the preset files name them with ("eq", "lpeq", "multiband",
// "saturation", "width", "limiter"), each with its display name and its
// parameter table from ModuleSpecs. The reader, the model, the engine's
// factory and the GUI's generic editor all look modules up here, so a
// module's name and parameters are declared once. "lpeq" is the EQ in
// linear phase: the same bands, no phase shift, a fixed latency. JUCE-free.
#pragma once

#include "ParameterSpec.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace crest
{
struct MasterModuleKind
{
    std::string_view key;
    std::string_view name;
    std::span<const ParameterSpec> parameters;
};

// In the order a mastering engineer usually chains them.
std::span<const MasterModuleKind> masterModuleKinds();
const MasterModuleKind* findMasterModuleKind (std::string_view key) noexcept;
// The index of a parameter in its kind's table.
std::optional<size_t> masterParameterIndex (const MasterModuleKind& kind, std::string_view parameterId) noexcept;

// Values that files write as words rather than numbers: filter shapes
// ("bell") and EQ band modes ("mid"). Empty when the parameter is numeric.
std::span<const std::string_view> masterParameterWords (std::string_view parameterId) noexcept;
} // namespace crest
