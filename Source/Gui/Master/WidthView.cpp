#include "WidthView.h"

#include "Goniometer.h"

#include "Engine/SessionPlayer.h"
#include "Gui/CrestLookAndFeel.h"

namespace crest
{
WidthView::WidthView (juce::ValueTree m, SessionPlayer* p) : ModulePicture (std::move (m), p)
{
    setTitle ("Width goniometer");
    setDescription ("The master on a goniometer, with its correlation");
}

void WidthView::tick()
{
    if (player == nullptr)
        return;
    frames = player->loudness().recentMaster();
    correlationNow = goniometer::correlationOf (frames);
}

void WidthView::paint (juce::Graphics& g)
{
    auto area = getLocalBounds().toFloat().reduced (8.0f);
    const float side = std::min (area.getHeight() - 40.0f, area.getWidth() * 0.45f);
    auto left = area.removeFromLeft (side);
    goniometer::paintScope (g, left.removeFromTop (side), frames);
    left.removeFromTop (6.0f);
    goniometer::paintCorrelation (g, left.removeFromTop (16.0f), correlationNow);
    g.setColour (colours::text);
    g.setFont (juce::Font (11.0f));
    g.drawText ("Correlation " + juce::String (correlationNow, 2), left.removeFromTop (16.0f), juce::Justification::centred);

    auto words = area.reduced (16.0f, 4.0f);
    const double width = value ("widthPercent"), monoBelow = value ("monoBelowHz");
    g.setFont (juce::Font (13.0f, juce::Font::bold));
    g.drawText ("Width " + juce::String (width, 0) + " %", words.removeFromTop (22.0f), juce::Justification::left);
    g.setFont (juce::Font (12.0f));
    g.drawText (monoBelow > 0 ? "Mono below " + juce::String (monoBelow, 0) + " Hz (the side's bass taken out, 24 dB per octave)"
                              : juce::String ("Bass left as it is (mono below: off)"),
                words.removeFromTop (18.0f), juce::Justification::left);
    words.removeFromTop (10.0f);
    g.setColour (colours::textDim);
    g.drawMultiLineText (juce::String (width < 100 ? "Narrower than the mix: the side is turned down, toward mono. "
                                    : width > 100 ? "Wider than the mix: the side is turned up. Watch the correlation: below 0 the mix "
                                                    "loses level in mono. "
                                                  : "As wide as the mix. ")
                              + "A vertical line on the goniometer is mono; a horizontal one is out of phase.",
                         (int) words.getX(), (int) words.getY() + 12, (int) words.getWidth());
}
} // namespace crest
