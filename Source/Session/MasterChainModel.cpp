#include "MasterChainModel.h"

#include "Core/MasterModules.h"

#include <cmath>

namespace crest
{
namespace
{
    constexpr const char* valuePrefix = "value.";

    juce::ValueTree moduleTree (const MasterModuleDocument& module)
    {
        juce::ValueTree m (ids::MODULE);
        m.setProperty (ids::id, juce::String (module.id), nullptr);
        m.setProperty (ids::kind, juce::String (module.kind), nullptr);
        m.setProperty (ids::enabled, module.enabled, nullptr);
        for (const auto& [parameter, value] : module.values)
            m.setProperty (masterValueProperty (parameter), value, nullptr);
        return m;
    }
} // namespace

juce::Identifier masterValueProperty (std::string_view parameterId)
{
    return juce::Identifier (valuePrefix + std::string (parameterId));
}

std::string masterParameterOf (const juce::Identifier& property)
{
    const auto name = property.toString();
    return name.startsWith (valuePrefix) ? name.substring ((int) std::string_view (valuePrefix).size()).toStdString() : std::string();
}

juce::ValueTree masterChainTree (const MasterChainDocument& chain)
{
    juce::ValueTree master (ids::MASTER);
    for (const auto& module : chain.modules)
        master.appendChild (moduleTree (module), nullptr);
    return master;
}

MasterChainDocument masterChainOf (const juce::ValueTree& master)
{
    MasterChainDocument chain;
    for (const auto& m : master)
    {
        MasterModuleDocument module;
        module.id = m[ids::id].toString().toStdString();
        module.kind = m[ids::kind].toString().toStdString();
        module.enabled = m[ids::enabled];
        const auto* kind = findMasterModuleKind (module.kind);
        if (kind == nullptr)
            continue;   // the model only ever holds known kinds
        for (const auto& spec : kind->parameters)
            if (const auto property = masterValueProperty (spec.id); m.hasProperty (property))
                module.set (spec.id, m[property]);
        chain.modules.push_back (std::move (module));
    }
    return chain;
}

juce::ValueTree MasterChainModel::add (std::string_view kind, int index)
{
    auto document = masterChainOf (chain());
    auto module = moduleTree (document.add (kind));
    chain().addChild (module, index, &model.undoManager());
    return module;
}

void MasterChainModel::remove (int index)
{
    chain().removeChild (index, &model.undoManager());
}

void MasterChainModel::move (int from, int to)
{
    if (from != to && from >= 0 && from < size() && to >= 0 && to < size())
        chain().moveChild (from, to, &model.undoManager());
}

void MasterChainModel::setEnabled (juce::ValueTree module, bool on)
{
    module.setProperty (ids::enabled, on, &model.undoManager());
}

void MasterChainModel::setValue (juce::ValueTree module, std::string_view parameterId, double v)
{
    const auto* kind = findMasterModuleKind (module[ids::kind].toString().toStdString());
    if (kind == nullptr || ! std::isfinite (v))
        return;
    const auto index = masterParameterIndex (*kind, parameterId);
    if (! index)
        return;
    const auto& spec = kind->parameters[*index];
    const auto property = masterValueProperty (parameterId);
    const double clamped = spec.clamp (v);
    // Defaults are not held, so a chain has one form in the file and in the tree.
    if (clamped == spec.defaultValue)
        module.removeProperty (property, &model.undoManager());
    else
        module.setProperty (property, clamped, &model.undoManager());
}

double MasterChainModel::value (const juce::ValueTree& module, std::string_view parameterId)
{
    const auto property = masterValueProperty (parameterId);
    if (module.hasProperty (property))
        return module[property];
    const auto* kind = findMasterModuleKind (module[ids::kind].toString().toStdString());
    if (kind == nullptr)
        return 0.0;
    const auto index = masterParameterIndex (*kind, parameterId);
    return index ? kind->parameters[*index].defaultValue : 0.0;
}

void MasterChainModel::replace (const MasterChainDocument& document, const juce::String& stepName)
{
    model.beginGesture (stepName);
    auto master = chain();
    auto& undo = model.undoManager();
    while (master.getNumChildren() > 0)
        master.removeChild (master.getNumChildren() - 1, &undo);
    for (const auto& module : document.modules)
        master.appendChild (moduleTree (module), &undo);
}
} // namespace crest
