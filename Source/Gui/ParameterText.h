// How a parameter reads and moves in every generic editor (the strip's,
// the master chain's): its value with its unit, a slider's skew, whether
// it is an on/off switch. From the ParameterSpec, so a value shows the
// same wherever it is edited. Message thread only.
#pragma once

#include "Core/ParameterSpec.h"

#include <juce_core/juce_core.h>

namespace crest
{
// "3.50 dB", "1.2 kHz" style: two decimals under 10, one under 100, none above.
juce::String formatWithUnit (double value, const ParameterSpec& spec);
// Frequencies and times read best on a log scale; gains, percents and
// ratios near their middle.
double skewCentre (const ParameterSpec& spec);
bool isSwitch (const ParameterSpec& spec);
// The EQ's filter shapes, in FilterShape's order.
const juce::StringArray& filterShapeNames();
} // namespace crest
