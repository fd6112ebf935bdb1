#include "LimiterView.h"

#include "Engine/SessionPlayer.h"
#include "Gui/CrestLookAndFeel.h"

namespace crest
{
LimiterView::LimiterView (juce::ValueTree m, SessionPlayer* p) : ModulePicture (std::move (m), p)
{
    setTitle ("Limiter gain reduction");
    setDescription ("The limiter's gain reduction over the last ten seconds");
}

void LimiterView::tick()
{
    if (player == nullptr || ! player->isPlaying())
        return;
    const auto reduction = player->masterReductionDb (moduleId());
    history.push (reduction.empty() ? 0.0f : reduction[0]);
}

void LimiterView::paint (juce::Graphics& g)
{
    auto area = getLocalBounds().toFloat().reduced (8.0f);
    auto words = area.removeFromRight (std::min (340.0f, area.getWidth() * 0.42f)).reduced (12.0f, 4.0f);
    history.paint (g, area, 12.0f, 3.0f, "Gain reduction");

    g.setColour (colours::text);
    g.setFont (juce::Font (13.0f, juce::Font::bold));
    g.drawText ("Ceiling " + juce::String (value ("ceilingDb"), 1) + " dBTP", words.removeFromTop (22.0f), juce::Justification::left);
    g.setFont (juce::Font (12.0f));
    g.drawText ("Input gain " + juce::String (value ("inputGainDb"), 1) + " dB", words.removeFromTop (18.0f), juce::Justification::left);
    g.drawText ("Release " + juce::String (value ("releaseMs"), 0) + " ms" + (value ("autoRelease") >= 0.5 ? ", program-dependent" : ""),
                words.removeFromTop (18.0f), juce::Justification::left);
    words.removeFromTop (10.0f);
    g.setColour (colours::textDim);
    g.drawMultiLineText ("Looking 1.5 ms ahead and measuring peaks between samples (8x oversampled), the limiter keeps the true peak "
                         "at or under the ceiling.",
                         (int) words.getX(), (int) words.getY() + 12, (int) words.getWidth());
}
} // namespace crest
