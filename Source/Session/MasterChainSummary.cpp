#include "MasterChainSummary.h"

#include "Core/MasterModules.h"

#include <cmath>
#include <cstdio>

namespace crest
{
std::vector<std::string> summarizeMasterChain (const MasterChainDocument& chain)
{
    std::vector<std::string> lines;
    for (const auto& module : chain.modules)
    {
        const auto* kind = findMasterModuleKind (module.kind);
        std::string line = std::string (kind->name) + (module.enabled ? "" : " (off)");
        std::string values;
        for (const auto& spec : kind->parameters)
        {
            const auto found = module.values.find (std::string (spec.id));
            if (found == module.values.end())
                continue;
            const auto words = masterParameterWords (spec.id);
            const auto index = (size_t) std::lround (found->second);
            char text[96];
            if (! words.empty() && index < words.size())
                std::snprintf (text, sizeof (text), "%s %s", std::string (spec.id).c_str(), std::string (words[index]).c_str());
            else
                std::snprintf (text, sizeof (text), "%s %g%s%s", std::string (spec.id).c_str(), std::round (found->second * 100) / 100,
                               spec.unit.empty() || spec.unit == ":1" ? "" : " ", std::string (spec.unit).c_str());
            values += (values.empty() ? ": " : ", ") + std::string (text);
        }
        lines.push_back (line + values);
    }
    return lines;
}
} // namespace crest
