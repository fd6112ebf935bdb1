// A goniometer and a correlation meter, drawn from interleaved stereo
// frames: mid up, side across (a mono signal is a vertical line, a wide
// one a cloud, an out-of-phase one a horizontal line); correlation from
// -1 (out of phase, red) to +1 (mono). The Master view's scopes and the
// width module's page draw the master with it.
//
// Message thread only.
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <vector>

namespace crest::goniometer
{
// Pearson correlation of left and right; silence, or one side silent,
// reads as mono (+1), as on a hardware meter.
double correlationOf (const std::vector<float>& interleaved);
void paintScope (juce::Graphics&, juce::Rectangle<float> box, const std::vector<float>& interleaved);
void paintCorrelation (juce::Graphics&, juce::Rectangle<float> bar, double correlation);
} // namespace crest::goniometer
