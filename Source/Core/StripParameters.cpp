#include "StripParameters.h"

#include "ModuleSpecs.h"

#include <algorithm>

namespace crest
{
std::string_view stripModuleName (StripModule module) noexcept
{
    switch (module)
    {
        case StripModule::none: return "strip";
        case StripModule::filters: return "filters";
        case StripModule::gate: return "gate";
        case StripModule::eq: return "eq";
        case StripModule::compressor: return "compressor";
        case StripModule::chorus: return "chorus";
        case StripModule::delay: return "delay";
        case StripModule::reverb: return "reverb";
    }
    return "strip";
}

const std::vector<StripParameter>& stripParameters()
{
    static const std::vector<StripParameter> all = [] {
        std::vector<StripParameter> list;
        list.push_back ({ std::string (stripKeys::invertPolarity), { "invertPolarity", "Polarity invert", "", 0, 1, 0 } });
        list.push_back ({ std::string (stripKeys::compressorFirst), { "compressorFirst", "Compressor before EQ", "", 0, 1, 0 } });
        list.push_back ({ std::string (stripKeys::widthPercent), { "widthPercent", "Width", "%", 0, 200, 100 } });
        auto addModule = [&] (StripModule module, std::span<const ParameterSpec> specs) {
            const std::string prefix = std::string (stripModuleName (module)) + ".";
            list.push_back ({ prefix + "enabled", { "enabled", "On", "", 0, 1, 0 }, module, -1 });
            for (size_t i = 0; i < specs.size(); ++i)
                if (! (module == StripModule::delay && specs[i].id == "tempoBpm"))   // the session's tempo, not the strip's
                    list.push_back ({ prefix + std::string (specs[i].id), specs[i], module, (int) i });
        };
        addModule (StripModule::filters, moduleSpecs::passFilter);
        addModule (StripModule::gate, moduleSpecs::gate);
        addModule (StripModule::eq, moduleSpecs::parametricEq());
        addModule (StripModule::compressor, moduleSpecs::compressor);
        addModule (StripModule::chorus, moduleSpecs::chorus);
        addModule (StripModule::delay, moduleSpecs::delay);
        addModule (StripModule::reverb, moduleSpecs::reverb);
        return list;
    }();
    return all;
}

const StripParameter* findStripParameter (std::string_view key) noexcept
{
    const auto& all = stripParameters();
    const auto found = std::find_if (all.begin(), all.end(), [key] (const StripParameter& p) { return p.key == key; });
    return found == all.end() ? nullptr : &*found;
}
} // namespace crest
