// A master chain as plain data: the modules after the mix bus, in order,
// each with its kind (MasterModules), an enable switch and the values that
// differ from the kind's defaults. A session holds one; a chain preset
// file holds one. JUCE-free.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace crest
{
struct MasterModuleDocument
{
    std::string id;                // unique within the chain: the engine keeps a module's state by it
    std::string kind;              // a MasterModules key: "eq", "multiband", "saturation", "width", "limiter"
    bool enabled = true;
    std::map<std::string, double> values;   // parameter id -> value; defaults are not held

    double value (std::string_view parameterId) const;   // the default when not held
    // Clamps to the parameter's range and drops defaults; a kind or
    // parameter Crest does not know throws std::invalid_argument.
    void set (std::string_view parameterId, double value);

    bool operator== (const MasterModuleDocument&) const = default;
};

struct MasterChainDocument
{
    std::vector<MasterModuleDocument> modules;

    // A module of this kind with an id no other module has.
    MasterModuleDocument& add (std::string_view kind);
    const MasterModuleDocument* find (std::string_view id) const;

    bool operator== (const MasterChainDocument&) const = default;
};
} // namespace crest
