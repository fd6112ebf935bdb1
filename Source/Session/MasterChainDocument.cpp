#include "MasterChainDocument.h"

#include "Core/MasterModules.h"

#include <stdexcept>

namespace crest
{
namespace
{
    const ParameterSpec& specOf (std::string_view kindKey, std::string_view parameterId)
    {
        const auto* kind = findMasterModuleKind (kindKey);
        if (kind == nullptr)
            throw std::invalid_argument ("\"" + std::string (kindKey) + "\" is not a master module Crest knows");
        const auto index = masterParameterIndex (*kind, parameterId);
        if (! index)
            throw std::invalid_argument ("\"" + std::string (parameterId) + "\" is not a parameter of the " + std::string (kind->name) + " module");
        return kind->parameters[*index];
    }
} // namespace

double MasterModuleDocument::value (std::string_view parameterId) const
{
    const auto found = values.find (std::string (parameterId));
    return found != values.end() ? found->second : specOf (kind, parameterId).defaultValue;
}

void MasterModuleDocument::set (std::string_view parameterId, double v)
{
    const auto& spec = specOf (kind, parameterId);
    const double clamped = spec.clamp (v);
    if (clamped == spec.defaultValue)
        values.erase (std::string (parameterId));
    else
        values[std::string (parameterId)] = clamped;
}

MasterModuleDocument& MasterChainDocument::add (std::string_view kind)
{
    if (findMasterModuleKind (kind) == nullptr)
        throw std::invalid_argument ("\"" + std::string (kind) + "\" is not a master module Crest knows");
    std::string id (kind);
    for (int n = 2; find (id) != nullptr; ++n)
        id = std::string (kind) + std::to_string (n);
    MasterModuleDocument module;
    module.id = id;
    module.kind = std::string (kind);
    modules.push_back (std::move (module));
    return modules.back();
}

const MasterModuleDocument* MasterChainDocument::find (std::string_view id) const
{
    for (const auto& m : modules)
        if (m.id == id)
            return &m;
    return nullptr;
}
} // namespace crest
