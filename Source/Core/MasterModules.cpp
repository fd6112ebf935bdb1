#include "MasterModules.h"

#include "ModuleSpecs.h"

#include <vector>

namespace crest
{
std::span<const MasterModuleKind> masterModuleKinds()
{
    static const std::vector<MasterModuleKind> kinds = {
        { "eq", "EQ", moduleSpecs::masterEq() },
        { "lpeq", "Linear-phase EQ", moduleSpecs::masterEq() },
        { "multiband", "Multiband", moduleSpecs::multibandCompressor() },
        { "saturation", "Saturation", moduleSpecs::saturation },
        { "width", "Width", moduleSpecs::stereoWidth },
        { "limiter", "Limiter", moduleSpecs::truePeakLimiter },
    };
    return kinds;
}

const MasterModuleKind* findMasterModuleKind (std::string_view key) noexcept
{
    for (const auto& kind : masterModuleKinds())
        if (kind.key == key)
            return &kind;
    return nullptr;
}

std::optional<size_t> masterParameterIndex (const MasterModuleKind& kind, std::string_view parameterId) noexcept
{
    for (size_t i = 0; i < kind.parameters.size(); ++i)
        if (kind.parameters[i].id == parameterId)
            return i;
    return std::nullopt;
}

std::span<const std::string_view> masterParameterWords (std::string_view parameterId) noexcept
{
    // FilterShape's order, and MasterEq::Mode's.
    static constexpr std::string_view shapes[] = { "lowPass", "highPass", "bandPass", "notch", "bell", "lowShelf", "highShelf" };
    static constexpr std::string_view modes[] = { "stereo", "mid", "side" };
    static constexpr std::string_view curves[] = { "tape", "tube" };
    if (parameterId.ends_with (".shape"))
        return shapes;
    if (parameterId.ends_with (".mode"))
        return modes;
    if (parameterId == "curve")
        return curves;
    return {};
}
} // namespace crest
