#include "Goniometer.h"

#include "Gui/CrestLookAndFeel.h"

#include <cmath>

namespace crest::goniometer
{
double correlationOf (const std::vector<float>& frames)
{
    double lr = 0, ll = 0, rr = 0;
    for (size_t i = 0; i + 1 < frames.size(); i += 2)
    {
        lr += (double) frames[i] * frames[i + 1];
        ll += (double) frames[i] * frames[i];
        rr += (double) frames[i + 1] * frames[i + 1];
    }
    return ll > 1e-12 && rr > 1e-12 ? lr / std::sqrt (ll * rr) : 1.0;
}

void paintScope (juce::Graphics& g, juce::Rectangle<float> box, const std::vector<float>& frames)
{
    g.setColour (colours::faderTrack);
    g.fillRoundedRectangle (box, 4.0f);
    g.setColour (colours::outline);
    g.drawLine (box.getCentreX(), box.getY(), box.getCentreX(), box.getBottom(), 1.0f);
    g.drawLine (box.getX(), box.getCentreY(), box.getRight(), box.getCentreY(), 1.0f);
    g.drawLine (box.getX(), box.getBottom(), box.getRight(), box.getY(), 0.6f);   // L
    g.drawLine (box.getX(), box.getY(), box.getRight(), box.getBottom(), 0.6f);   // R
    g.setColour (colours::textDim);
    g.setFont (juce::Font (10.0f));
    g.drawText ("M", box.withHeight (12.0f), juce::Justification::centredTop);
    g.drawText ("L", box.reduced (4.0f), juce::Justification::topLeft);
    g.drawText ("R", box.reduced (4.0f), juce::Justification::topRight);

    // Mid up, side across, full scale at the edge (at -3 dB per axis: sqrt 2).
    const float half = box.getWidth() * 0.5f;
    // One fill for all the dots: the software renderer's cost is per call.
    juce::RectangleList<float> dots;
    dots.ensureStorageAllocated ((int) frames.size() / 2);
    for (size_t i = 0; i + 1 < frames.size(); i += 2)
    {
        const float l = frames[i], r = frames[i + 1];
        const float mid = (l + r) * 0.70710678f, sideValue = (l - r) * 0.70710678f;
        const float px = box.getCentreX() + juce::jlimit (-1.0f, 1.0f, sideValue) * half;
        const float py = box.getCentreY() - juce::jlimit (-1.0f, 1.0f, mid) * half;
        dots.addWithoutMerging ({ px, py, 1.5f, 1.5f });
    }
    g.setColour (colours::accent.withAlpha (0.55f));
    g.fillRectList (dots);
}

void paintCorrelation (juce::Graphics& g, juce::Rectangle<float> bar, double correlation)
{
    g.setColour (colours::faderTrack);
    g.fillRoundedRectangle (bar, 3.0f);
    const float centre = bar.getCentreX();
    const float x = centre + (float) correlation * bar.getWidth() * 0.5f;
    g.setColour (correlation < 0 ? colours::meterRed : correlation < 0.3 ? colours::meterYellow : colours::meterGreen);
    g.fillRect (juce::Rectangle<float> (std::min (centre, x), bar.getY() + 3.0f, std::abs (x - centre), bar.getHeight() - 6.0f));
    g.setColour (colours::textDim);
    g.setFont (juce::Font (10.0f));
    g.drawText ("-1", bar.reduced (4.0f, 0.0f), juce::Justification::centredLeft);
    g.drawText ("+1", bar.reduced (4.0f, 0.0f), juce::Justification::centredRight);
}
} // namespace crest::goniometer
