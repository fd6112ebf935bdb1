// The square a static curve is drawn in: input across, output up, both
// over the same span (dB for the compressor and the gate, linear sample
// values for the saturation). It maps values to pixels and back, draws
// the grid with its labels and the 1:1 diagonal, and strokes a curve
// given as a function, so every curve editor reads the same way.
//
// Message thread only.
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace crest
{
struct TransferPlot
{
    juce::Rectangle<float> box;
    double low = -60.0, high = 0.0;

    float x (double input) const noexcept { return box.getX() + (float) ((input - low) / (high - low)) * box.getWidth(); }
    float y (double output) const noexcept { return box.getBottom() - (float) ((output - low) / (high - low)) * box.getHeight(); }
    double inputAt (float px) const noexcept { return low + (double) (px - box.getX()) / box.getWidth() * (high - low); }
    double outputAt (float py) const noexcept { return low + (double) (box.getBottom() - py) / box.getHeight() * (high - low); }

    // Grid lines every `step` from `low`, labelled along the bottom.
    void paintGrid (juce::Graphics&, double step) const;
    // The curve output = f(input), sampled at 240 points across the box;
    // outputs are held within [low - span / 4, high + span / 4] so a
    // curve leaving the box stays drawable.
    void paintCurve (juce::Graphics&, const std::function<double (double)>& f, juce::Colour, float thickness) const;
    // A round handle with a letter in it, the same in every editor.
    static void paintHandle (juce::Graphics&, juce::Point<float> centre, const juce::String& letter);
};
} // namespace crest
