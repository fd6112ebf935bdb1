#include "TransferPlot.h"

#include "Gui/CrestLookAndFeel.h"

#include <cmath>

namespace crest
{
void TransferPlot::paintGrid (juce::Graphics& g, double step) const
{
    g.setColour (colours::faderTrack);
    g.fillRoundedRectangle (box, 4.0f);
    g.setFont (juce::Font (10.0f));
    for (double v = low; v <= high + 1e-9; v += step)
    {
        g.setColour (colours::outline);
        g.drawVerticalLine ((int) x (v), box.getY(), box.getBottom());
        g.drawHorizontalLine ((int) y (v), box.getX(), box.getRight());
        g.setColour (colours::textDim);
        const auto text = std::abs (step - std::round (step)) < 1e-9 ? juce::String ((int) std::lround (v)) : juce::String (v, 1);
        g.drawText (text, (int) x (v) + 2, (int) box.getBottom() - 12, 30, 11, juce::Justification::left);
    }
    g.setColour (colours::textDim.withAlpha (0.5f));
    g.drawLine (box.getX(), box.getBottom(), box.getRight(), box.getY(), 1.0f);   // 1:1
}

void TransferPlot::paintCurve (juce::Graphics& g, const std::function<double (double)>& f, juce::Colour colour, float thickness) const
{
    const double margin = (high - low) / 4;
    juce::Path curve;
    for (int i = 0; i <= 240; ++i)
    {
        const double in = low + (high - low) * i / 240.0;
        const auto p = juce::Point<float> (x (in), y (juce::jlimit (low - margin, high + margin, f (in))));
        if (i == 0)
            curve.startNewSubPath (p);
        else
            curve.lineTo (p);
    }
    g.setColour (colour);
    g.strokePath (curve, juce::PathStrokeType (thickness));
}

void TransferPlot::paintHandle (juce::Graphics& g, juce::Point<float> centre, const juce::String& letter)
{
    const auto circle = juce::Rectangle<float> (16.0f, 16.0f).withCentre (centre);
    g.setColour (colours::text);
    g.fillEllipse (circle);
    g.setColour (colours::background);
    g.setFont (juce::Font (10.0f, juce::Font::bold));
    g.drawText (letter, circle, juce::Justification::centred);
}
} // namespace crest
