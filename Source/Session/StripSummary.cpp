#include "StripSummary.h"

#include "Core/ModuleSpecs.h"
#include "Core/StripParameters.h"

#include <cmath>
#include <cstdio>

namespace crest
{
namespace
{
    constexpr const char* shapeWords[] = { "low-pass", "high-pass", "band-pass", "notch", "bell", "low shelf", "high shelf" };

    std::string formatValue (const StripParameter& p, double v)
    {
        if (p.key.ends_with (".shape"))
            return shapeWords[std::clamp ((int) std::lround (v), 0, 6)];
        if (p.key == "delay.noteValue")
            return moduleSpecs::delayNoteName ((int) std::lround (v));
        if (p.spec.minimum == 0 && p.spec.maximum == 1 && p.spec.unit.empty())
            return v >= 0.5 ? "on" : "off";
        char text[48];
        std::snprintf (text, sizeof (text), "%g%s%s", std::round (v * 100) / 100, p.spec.unit.empty() || p.spec.unit == ":1" ? "" : " ",
                       std::string (p.spec.unit).c_str());
        return text;
    }
} // namespace

std::vector<std::string> summarizeStrip (const StripDocument& strip)
{
    std::vector<std::string> lines;
    std::string wide;
    std::string line;
    StripModule current = StripModule::none;
    bool moduleOn = false;
    auto flush = [&] {
        if (! line.empty())
            lines.push_back (line);
        line.clear();
    };
    for (const auto& p : stripParameters())
    {
        if (p.module != current)
        {
            flush();
            current = p.module;
        }
        const double v = strip.value (p.key);
        if (p.module == StripModule::none)
        {
            if (v != p.spec.defaultValue)
                line += (line.empty() ? "strip: " : ", ") + std::string (p.spec.name) + " " + formatValue (p, v);
            continue;
        }
        if (p.isModuleSwitch())
        {
            moduleOn = v >= 0.5;
            if (moduleOn)
                line = std::string (stripModuleName (p.module)) + ":";
            continue;
        }
        if (! moduleOn)
            continue;
        // EQ bands: only those switched on, "band2 bell 200 Hz 3.5 dB Q 1.2".
        if (p.module == StripModule::eq)
        {
            const auto dot = p.key.find ('.', 3);
            const auto band = p.key.substr (3, dot - 3);
            const auto field = p.key.substr (dot + 1);
            if (strip.value ("eq." + band + ".on") < 0.5 || field == "on")
                continue;
            if (field == "shape")
                line += (line.back() == ':' ? " " : "; ") + band;
            line += (field == "q" ? " Q " : " ") + formatValue (p, v);
            continue;
        }
        if (v != p.spec.defaultValue)
            line += " " + std::string (p.spec.name) + " " + formatValue (p, v) + ",";
    }
    flush();
    for (auto& l : lines)
    {
        if (! l.empty() && l.back() == ',')
            l.pop_back();
        if (! l.empty() && l.back() == ':')
            l += " defaults";
    }
    return lines;
}
} // namespace crest
