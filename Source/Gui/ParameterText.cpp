#include "ParameterText.h"

#include <cmath>

namespace crest
{
juce::String formatWithUnit (double v, const ParameterSpec& spec)
{
    const int decimals = spec.whole || std::abs (v) >= 100 ? 0 : std::abs (v) >= 10 ? 1 : 2;
    const auto unit = juce::String (std::string (spec.unit));
    return juce::String (v, decimals) + (unit.isEmpty() || unit == ":1" ? unit : " " + unit);
}

double skewCentre (const ParameterSpec& spec)
{
    const auto unit = std::string (spec.unit);
    if ((unit == "Hz" || unit == "ms" || unit == "s") && spec.minimum > 0)
        return std::sqrt (spec.minimum * spec.maximum);
    if (spec.id == "ratio" || spec.id.ends_with ("ratio") || spec.id.ends_with ("q"))
        return spec.minimum + (spec.maximum - spec.minimum) * 0.1;
    return (spec.minimum + spec.maximum) / 2;
}

bool isSwitch (const ParameterSpec& spec)
{
    return spec.minimum == 0 && spec.maximum == 1 && spec.unit.empty();
}

const juce::StringArray& filterShapeNames()
{
    static const juce::StringArray names { "Low-pass", "High-pass", "Band-pass", "Notch", "Bell", "Low shelf", "High shelf" };
    return names;
}
} // namespace crest
