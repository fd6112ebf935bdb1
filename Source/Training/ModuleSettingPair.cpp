#include "ModuleSettingPair.h"

#include "Core/CrestError.h"
#include "Core/MasterModules.h"
#include "IO/MediaPool.h"
#include "Mastering/FileMastering.h"
#include "Render/OfflineRenderer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace crest
{
namespace
{
    std::string valueText (const ParameterSpec& spec, double value)
    {
        const auto words = masterParameterWords (spec.id);
        if (! words.empty())
            return std::string (words[(size_t) std::clamp ((int) value, 0, (int) words.size() - 1)]);
        char text[64];
        std::snprintf (text, sizeof (text), isStepped (spec) ? "%.0f" : std::abs (value) >= 100 ? "%.0f" : "%.3g", value);
        return std::string (text) + (spec.unit.empty() ? "" : " " + std::string (spec.unit));
    }

    // "band3.on" for "band3.gainDb"; empty for a parameter of no band.
    std::string bandSwitchOf (const std::string& parameterId)
    {
        const auto dot = parameterId.find ('.');
        if (dot == std::string::npos || ! parameterId.starts_with ("band"))
            return {};
        return parameterId.substr (0, dot) + ".on";
    }

    // The band's switch when the setting's band is off (it is switched on for the test).
    std::string switchedOnBand (const MasterModuleDocument& module, const std::string& parameterId)
    {
        const auto on = bandSwitchOf (parameterId);
        const auto* kind = findMasterModuleKind (module.kind);
        if (on.empty() || on == parameterId || kind == nullptr || ! masterParameterIndex (*kind, on))
            return {};
        return module.value (on) < 0.5 ? on : std::string();
    }

    const ParameterSpec& specOf (const MasterModuleDocument& module, const std::string& parameterId)
    {
        const auto* kind = findMasterModuleKind (module.kind);
        const auto index = kind != nullptr ? masterParameterIndex (*kind, parameterId) : std::nullopt;
        if (! index)
            throw CrestError ("the " + module.id + " module has no parameter \"" + parameterId + "\"");
        return kind->parameters[*index];
    }
} // namespace

bool isStepped (const ParameterSpec& spec)
{
    return spec.whole || ! masterParameterWords (spec.id).empty();
}

double heldSettingValue (const ParameterSpec& spec, double value)
{
    return spec.clamp (isStepped (spec) ? std::round (value) : value);
}

ModuleSettingRenders describeModuleSetting (const SessionDocument& session, const ModuleSetting& setting)
{
    const auto* module = session.masterChain.find (setting.moduleId);
    if (module == nullptr)
        throw CrestError ("the master chain has no module \"" + setting.moduleId + "\" to compare two settings of");
    const auto& spec = specOf (*module, setting.parameterId);
    const double a = heldSettingValue (spec, setting.valueA), b = heldSettingValue (spec, setting.valueB);
    if (a == b)
        throw CrestError ("the two settings of " + std::string (spec.name) + " are the same (" + valueText (spec, a) + "): there is nothing to tell apart");
    ModuleSettingRenders r;
    r.labelA = std::string (spec.name) + " " + valueText (spec, a);
    r.labelB = std::string (spec.name) + " " + valueText (spec, b);
    r.description = std::string (findMasterModuleKind (module->kind)->name) + " (" + module->id + "): " + std::string (spec.name) + ", "
                  + valueText (spec, a) + " against " + valueText (spec, b);
    if (const auto on = switchedOnBand (*module, setting.parameterId); ! on.empty())
        r.description += " (" + on.substr (0, on.find ('.')) + " switched on in both)";
    return r;
}

ModuleSettingRenders renderModuleSetting (const SessionDocument& session, const ModuleSetting& setting, const std::filesystem::path& folder,
                                          const std::function<void (double)>& progress, const std::atomic<bool>* cancel)
{
    auto renders = describeModuleSetting (session, setting);
    const auto& spec = specOf (*session.masterChain.find (setting.moduleId), setting.parameterId);
    auto report = [&progress] (double from, double to) {
        return [&progress, from, to] (double f) {
            if (progress)
                progress (from + (to - from) * f);
        };
    };
    // The mix once; both masters from it, through the same chain.
    const auto mix = folder / "mix.wav";
    RenderRequest render;
    render.output = mix;
    render.format = { Container::wav, SampleEncoding::float32 };
    render.preMaster = true;
    render.cancel = cancel;
    render.progress = report (0.0, 0.4);
    MediaPool media;
    renderSession (session, render, media);

    int pass = 0;
    for (auto* side : { &renders.a, &renders.b })
    {
        if (cancel != nullptr && cancel->load())
            throw CrestError ("the comparison was cancelled");
        MasterRequest master;
        master.input = mix;
        master.output = *side = folder / (pass == 0 ? "setting-a.wav" : "setting-b.wav");
        master.format = { Container::wav, SampleEncoding::float32 };
        master.chain = session.masterChain;
        for (auto& m : master.chain.modules)
            if (m.id == setting.moduleId)
            {
                if (const auto on = switchedOnBand (m, setting.parameterId); ! on.empty())
                    m.set (on, 1);
                m.enabled = true;
                m.set (setting.parameterId, heldSettingValue (spec, pass == 0 ? setting.valueA : setting.valueB));
            }
        const auto toProgress = report (0.4 + 0.3 * pass, 0.7 + 0.3 * pass);
        master.progress = [&toProgress, cancel] (double f) {
            if (cancel != nullptr && cancel->load())
                throw CrestError ("the comparison was cancelled");
            toProgress (f);
        };
        masterFile (master);
        ++pass;
    }
    return renders;
}
} // namespace crest
