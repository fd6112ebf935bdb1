#include "ModuleSpecs.h"

#include <string>
#include <vector>

namespace crest::moduleSpecs
{
std::span<const ParameterSpec> parametricEq()
{
    // A console's starting layout: shelves at the ends, bells between.
    // Shapes: 4 bell, 5 low shelf, 6 high shelf (FilterShape).
    static constexpr double shapes[eqBands] = { 5, 4, 4, 4, 4, 4, 4, 6 };
    static constexpr double frequencies[eqBands] = { 80, 200, 500, 1200, 3000, 6000, 10000, 12000 };
    // The ids live as long as the program: ParameterSpec holds views.
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> n;
        for (int b = 1; b <= eqBands; ++b)
            for (const char* field : { "on", "shape", "frequencyHz", "gainDb", "q" })
                n.push_back ("band" + std::to_string (b) + "." + field);
        return n;
    }();
    static const std::vector<ParameterSpec> list = [] {
        std::vector<ParameterSpec> s;
        for (int b = 0; b < eqBands; ++b)
        {
            auto id = [b] (int field) -> std::string_view { return ids[(size_t) (b * eqFieldsPerBand + field)]; };
            s.push_back ({ id (0), "Band on", "", 0, 1, 0 });
            s.push_back ({ id (1), "Shape", "", 0, 6, shapes[b] });
            s.push_back ({ id (2), "Frequency", "Hz", 20, 20000, frequencies[b] });
            s.push_back ({ id (3), "Gain", "dB", -24, 24, 0 });
            s.push_back ({ id (4), "Q", "", 0.1, 18, 0.7071 });
        }
        return s;
    }();
    return list;
}
std::string delayNoteName (int index)
{
    if (index < 1 || index > 15)
        return "off";
    const char* straight[] = { "1/1", "1/2", "1/4", "1/8", "1/16" };
    const char* kinds[] = { "", " dotted", " triplet" };
    return std::string (straight[(index - 1) % 5]) + kinds[(index - 1) / 5];
}
} // namespace crest::moduleSpecs
