#include "SaturationCurveView.h"

#include "Core/Units.h"
#include "Dsp/Saturation.h"
#include "Gui/CrestLookAndFeel.h"

#include <cmath>

namespace crest
{
SaturationCurveView::SaturationCurveView (juce::ValueTree m) : ModulePicture (std::move (m), nullptr)
{
    setTitle ("Saturation curve");
    setDescription ("Sample value in against sample value out");
}

double SaturationCurveView::outputFor (double input) const
{
    return Saturation::transfer (input, value ("curve") >= 0.5, value ("driveDb"), value ("mix"), value ("outputDb"));
}

TransferPlot SaturationCurveView::plot() const
{
    auto area = getLocalBounds().toFloat().reduced (8.0f);
    const float side = std::min (area.getHeight(), area.getWidth() * 0.5f);
    return { area.removeFromLeft (side).withSizeKeepingCentre (side, side), -1.0, 1.0 };
}

void SaturationCurveView::paint (juce::Graphics& g)
{
    const auto p = plot();
    p.paintGrid (g, 0.5);
    g.saveState();
    g.reduceClipRegion (p.box.toNearestInt());
    p.paintCurve (g, [this] (double x) { return outputFor (x); }, colours::accent, 2.0f);
    g.restoreState();

    // What the curve does at a few levels, in words beside it.
    auto notes = getLocalBounds().toFloat().reduced (8.0f).withLeft (p.box.getRight() + 16.0f);
    g.setColour (colours::text);
    g.setFont (juce::Font (13.0f, juce::Font::bold));
    g.drawText (value ("curve") >= 0.5 ? "Tube: even and odd harmonics" : "Tape: odd harmonics", notes.removeFromTop (22.0f),
                juce::Justification::left);
    g.setFont (juce::Font (12.0f));
    g.drawText ("Drive " + juce::String (value ("driveDb"), 1) + " dB   Mix " + juce::String (value ("mix"), 0) + " %   Output "
                    + juce::String (value ("outputDb"), 1) + " dB",
                notes.removeFromTop (20.0f), juce::Justification::left);
    notes.removeFromTop (8.0f);
    for (const double level : { -18.0, -12.0, -6.0, 0.0 })
    {
        const double in = dbToGain (level);
        const double up = gainToDb (std::abs (outputFor (in))), down = gainToDb (std::abs (outputFor (-in)));
        const auto text = "A peak at " + juce::String (level, 0) + " dBFS comes out at "
                          + (std::abs (up - down) < 0.05 ? juce::String (up, 1) + " dBFS"
                                                         : juce::String (up, 1) + " dBFS above zero, " + juce::String (down, 1) + " below");
        g.setColour (colours::textDim);
        g.drawText (text, notes.removeFromTop (18.0f), juce::Justification::left);
    }
}
} // namespace crest
