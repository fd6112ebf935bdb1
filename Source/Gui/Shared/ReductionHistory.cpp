#include "ReductionHistory.h"

#include "Gui/CrestLookAndFeel.h"

namespace crest
{
void ReductionHistory::push (float reductionDb)
{
    values.push_back (reductionDb);
    while ((int) values.size() > length)
        values.pop_front();
}

void ReductionHistory::paint (juce::Graphics& g, juce::Rectangle<float> box, float rangeDb, float stepDb, const juce::String& label) const
{
    g.setColour (colours::faderTrack);
    g.fillRoundedRectangle (box, 4.0f);
    g.setFont (juce::Font (10.0f));
    for (float db = 0.0f; db <= rangeDb + 0.01f; db += stepDb)
    {
        const float y = box.getY() + box.getHeight() * db / rangeDb;
        g.setColour (colours::outline);
        g.drawHorizontalLine ((int) y, box.getX(), box.getRight());
        g.setColour (colours::textDim);
        g.drawText ("-" + juce::String ((int) db), (int) box.getX() + 2, (int) y, 30, 11, juce::Justification::left);
    }
    juce::Path area;
    const float step = box.getWidth() / (float) (length - 1);
    const int n = (int) values.size();
    area.startNewSubPath (box.getRight() - (float) (n - 1) * step, box.getY());
    for (int i = 0; i < n; ++i)
        area.lineTo (box.getRight() - (float) (n - 1 - i) * step,
                     box.getY() + box.getHeight() * juce::jlimit (0.0f, 1.0f, values[(size_t) i] / rangeDb));
    area.lineTo (box.getRight(), box.getY());
    area.closeSubPath();
    g.setColour (colours::meterRed.withAlpha (0.6f));
    g.fillPath (area);
    g.setColour (colours::text);
    g.setFont (juce::Font (12.0f));
    g.drawText (label + " " + juce::String (latest(), 1) + " dB", box.reduced (6.0f).removeFromBottom (16.0f).toNearestInt(),
                juce::Justification::right);
}
} // namespace crest
