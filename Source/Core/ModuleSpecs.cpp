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
std::span<const ParameterSpec> masterEq()
{
    static const std::vector<std::string> modeIds = [] {
        std::vector<std::string> n;
        for (int b = 1; b <= eqBands; ++b)
            n.push_back ("band" + std::to_string (b) + ".mode");
        return n;
    }();
    static const std::vector<ParameterSpec> list = [] {
        std::vector<ParameterSpec> s;
        const auto strip = parametricEq();
        for (int b = 0; b < eqBands; ++b)
        {
            for (int f = 0; f < eqFieldsPerBand; ++f)
                s.push_back (strip[(size_t) (b * eqFieldsPerBand + f)]);
            s.push_back ({ modeIds[(size_t) b], "Stereo / mid / side", "", 0, 2, 0 });
        }
        return s;
    }();
    return list;
}

std::span<const ParameterSpec> multibandCompressor()
{
    static constexpr double splits[] = { 120, 800, 4000, 10000 };
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> n { "bands" };
        for (int k = 1; k <= multibandMaxBands - 1; ++k)
            n.push_back ("split" + std::to_string (k) + "Hz");
        for (int b = 1; b <= multibandMaxBands; ++b)
            for (const char* field : { "thresholdDb", "ratio", "attackMs", "releaseMs", "makeupDb", "solo", "bypass" })
                n.push_back ("band" + std::to_string (b) + "." + field);
        return n;
    }();
    static const std::vector<ParameterSpec> list = [] {
        std::vector<ParameterSpec> s;
        s.push_back ({ ids[0], "Bands", "", 2, multibandMaxBands, 4, true });
        for (int k = 0; k < multibandMaxBands - 1; ++k)
            s.push_back ({ ids[(size_t) (1 + k)], "Split", "Hz", 20, 20000, splits[k] });
        for (int b = 0; b < multibandMaxBands; ++b)
        {
            auto id = [b] (int field) -> std::string_view { return ids[(size_t) (multibandMaxBands + b * multibandFieldsPerBand + field)]; };
            s.push_back ({ id (0), "Threshold", "dB", -60, 0, -18 });
            s.push_back ({ id (1), "Ratio", ":1", 1, 20, 2 });
            s.push_back ({ id (2), "Attack", "ms", 0.1, 200, 10 });
            s.push_back ({ id (3), "Release", "ms", 5, 2000, 150 });
            s.push_back ({ id (4), "Makeup", "dB", -12, 12, 0 });
            s.push_back ({ id (5), "Solo", "", 0, 1, 0 });
            s.push_back ({ id (6), "Bypass", "", 0, 1, 0 });
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
