#include "MasterChainJson.h"

#include "Core/CrestError.h"
#include "Core/MasterModules.h"
#include "GuardedJson.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace crest
{
using Json = nlohmann::ordered_json;

namespace
{
    constexpr const char* presetFormatTag = "crest-master-chain";
    constexpr int presetVersion = 1;

    std::string shortNumber (double v)
    {
        char buffer[64];
        std::snprintf (buffer, sizeof (buffer), "%g", v);
        return buffer;
    }

    [[noreturn]] void fail (const std::string& source, const std::string& problem) { throw CrestError (source + ": " + problem); }

    std::string textField (const Json& object, const char* key, const std::string& where, const std::string& source, size_t maxLength)
    {
        const auto it = object.find (key);
        if (it == object.end())
            return {};
        if (! it->is_string())
            fail (source, where + key + " must be a string");
        auto s = it->get<std::string>();
        if (s.size() > maxLength)
            fail (source, where + key + " is too long");
        return s;
    }

    double readValue (const Json& value, const ParameterSpec& spec, const std::string& at, const std::string& source)
    {
        const auto words = masterParameterWords (spec.id);
        double number = 0;
        if (value.is_boolean())
            number = value.get<bool>() ? 1 : 0;
        else if (value.is_string() && ! words.empty())
        {
            const auto word = value.get<std::string>();
            const auto found = std::find (words.begin(), words.end(), word);
            if (found == words.end())
            {
                std::string choices;
                for (const auto w : words)
                    choices += (choices.empty() ? "" : ", ") + std::string (w);
                fail (source, at + " \"" + word + "\" is not one of " + choices);
            }
            number = (double) (found - words.begin());
        }
        else if (value.is_number())
            number = value.get<double>();
        else
            fail (source, at + " must be a number");
        if (! std::isfinite (number) || number < spec.minimum || number > spec.maximum)
            fail (source, at + " " + shortNumber (number) + " is out of range (" + shortNumber (spec.minimum) + " to " + shortNumber (spec.maximum)
                              + (spec.unit.empty() ? "" : " ") + std::string (spec.unit) + ")");
        return number;
    }

    MasterModuleDocument readModule (const Json& json, const std::string& where, const std::string& source)
    {
        if (! json.is_object())
            fail (source, where + " must be an object");
        MasterModuleDocument module;
        module.kind = textField (json, "kind", where + ".", source, 32);
        const auto* kind = findMasterModuleKind (module.kind);
        if (kind == nullptr)
        {
            std::string known;
            for (const auto& k : masterModuleKinds())
                known += (known.empty() ? "" : ", ") + std::string (k.key);
            fail (source, where + ".kind \"" + module.kind + "\" is not a master module Crest knows (" + known + ")");
        }
        module.id = textField (json, "id", where + ".", source, 64);
        if (module.id.empty())
            module.id = module.kind;
        if (const auto it = json.find ("enabled"); it != json.end())
        {
            if (! it->is_boolean())
                fail (source, where + ".enabled must be true or false");
            module.enabled = it->get<bool>();
        }
        if (const auto it = json.find ("values"); it != json.end())
        {
            if (! it->is_object())
                fail (source, where + ".values must be an object");
            for (auto v = it->begin(); v != it->end(); ++v)
            {
                const auto index = masterParameterIndex (*kind, v.key());
                const auto at = where + ".values." + v.key();
                if (! index)
                    fail (source, at + " is not a parameter of the " + std::string (kind->name) + " module");
                module.set (v.key(), readValue (v.value(), kind->parameters[*index], at, source));
            }
        }
        return module;
    }
} // namespace

MasterChainDocument readMasterChain (const Json& list, const std::string& where, const std::string& source)
{
    if (! list.is_array())
        fail (source, where + " must be a list");
    if (list.size() > maxMasterModules)
        fail (source, where + " has " + std::to_string (list.size()) + " modules; a master chain holds at most " + std::to_string (maxMasterModules));
    MasterChainDocument chain;
    for (size_t i = 0; i < list.size(); ++i)
    {
        const auto at = where + "[" + std::to_string (i) + "]";
        auto module = readModule (list[i], at, source);
        if (chain.find (module.id) != nullptr)
            fail (source, at + ".id \"" + module.id + "\" is used twice");
        chain.modules.push_back (std::move (module));
    }
    return chain;
}

Json writeMasterChain (const MasterChainDocument& chain)
{
    Json list = Json::array();
    for (const auto& module : chain.modules)
    {
        Json values = Json::object();
        // In the kind's own order, so files diff cleanly.
        for (const auto& spec : findMasterModuleKind (module.kind)->parameters)
        {
            const auto found = module.values.find (std::string (spec.id));
            if (found == module.values.end())
                continue;
            const auto words = masterParameterWords (spec.id);
            const auto index = (size_t) std::lround (found->second);
            if (! words.empty() && index < words.size())
                values[std::string (spec.id)] = std::string (words[index]);
            else
                values[std::string (spec.id)] = found->second;
        }
        list.push_back (Json { { "id", module.id }, { "kind", module.kind }, { "enabled", module.enabled }, { "values", std::move (values) } });
    }
    return list;
}

MasterChainPreset parseMasterChainPreset (std::string_view text, const std::string& source)
{
    const Json json = parseGuardedJson (text, source, "a master chain preset");
    if (! json.is_object() || ! json.contains ("format") || json["format"] != presetFormatTag)
        fail (source, std::string ("not a master chain preset (no \"format\": \"") + presetFormatTag + "\" field)");
    const auto version = json.find ("version");
    if (version == json.end() || ! version->is_number_integer() || version->get<int64_t>() < 1)
        fail (source, "version is missing or invalid");
    if (version->get<int64_t>() > presetVersion)
        fail (source, "saved by a newer Crest (chain preset version " + std::to_string (version->get<int64_t>()) + "; this Crest reads up to version "
                          + std::to_string (presetVersion) + ")");
    MasterChainPreset preset;
    preset.name = textField (json, "name", "", source, 256);
    preset.description = textField (json, "description", "", source, 4096);
    const auto chain = json.find ("chain");
    if (chain == json.end())
        fail (source, "chain is missing");
    preset.chain = readMasterChain (*chain, "chain", source);
    return preset;
}

std::string writeMasterChainPreset (const MasterChainPreset& preset)
{
    Json json;
    json["format"] = presetFormatTag;
    json["version"] = presetVersion;
    json["name"] = preset.name;
    json["description"] = preset.description;
    json["chain"] = writeMasterChain (preset.chain);
    return json.dump (2, ' ', false, Json::error_handler_t::replace) + "\n";
}
} // namespace crest
