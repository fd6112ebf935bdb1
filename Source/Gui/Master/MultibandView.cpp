#include "MultibandView.h"

#include "Engine/SessionPlayer.h"
#include "Gui/CrestLookAndFeel.h"

#include <cmath>

namespace crest
{
namespace
{
    constexpr double lowest = 20.0, highest = 20000.0;
}

MultibandView::MultibandView (juce::ValueTree m, SessionPlayer* p) : ModulePicture (std::move (m), p)
{
    setTitle ("Multiband bands");
    setDescription ("The bands across the spectrum, each with its gain reduction");
}

int MultibandView::bands() const
{
    return juce::jlimit (2, 5, (int) std::lround (value ("bands")));
}

std::pair<double, double> MultibandView::bandEdges (int band) const
{
    auto split = [this] (int k) { return value ("split" + std::to_string (k) + "Hz"); };
    const double low = band == 0 ? lowest : split (band);
    const double high = band == bands() - 1 ? highest : split (band + 1);
    return { low, high };
}

juce::Rectangle<float> MultibandView::plotArea() const
{
    return getLocalBounds().toFloat().reduced (8.0f).withTrimmedBottom (14.0f);
}

float MultibandView::xForFrequency (double hz) const
{
    const auto a = plotArea();
    return a.getX() + (float) (std::log (juce::jlimit (lowest, highest, hz) / lowest) / std::log (highest / lowest)) * a.getWidth();
}

void MultibandView::tick()
{
    if (player != nullptr)
        reductionNow = player->masterReductionDb (moduleId());
}

void MultibandView::paint (juce::Graphics& g)
{
    const auto a = plotArea();
    g.setColour (colours::faderTrack);
    g.fillRoundedRectangle (a, 4.0f);
    g.setFont (juce::Font (10.0f));
    for (const double hz : { 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0 })
    {
        g.setColour (colours::outline);
        g.drawVerticalLine ((int) xForFrequency (hz), a.getY(), a.getBottom());
        g.setColour (colours::textDim);
        g.drawText (hz >= 1000 ? juce::String (hz / 1000, 0) + "k" : juce::String (hz, 0), (int) xForFrequency (hz) - 15, (int) a.getBottom() + 1,
                    30, 12, juce::Justification::centred);
    }
    for (float db = 3.0f; db < rangeDb; db += 3.0f)
    {
        const float y = a.getY() + a.getHeight() * db / rangeDb;
        g.setColour (colours::outline.withAlpha (0.5f));
        g.drawHorizontalLine ((int) y, a.getX(), a.getRight());
        g.setColour (colours::textDim);
        g.drawText ("-" + juce::String ((int) db) + " dB", (int) a.getX() + 2, (int) y - 11, 40, 11, juce::Justification::left);
    }

    bool anySolo = false;
    for (int b = 0; b < bands(); ++b)
        anySolo = anySolo || value ("band" + std::to_string (b + 1) + ".solo") >= 0.5;
    for (int b = 0; b < bands(); ++b)
    {
        const auto field = [this, b] (const char* name) { return value ("band" + std::to_string (b + 1) + "." + name); };
        const auto [low, high] = bandEdges (b);
        const auto column = juce::Rectangle<float>::leftTopRightBottom (xForFrequency (low), a.getY(), xForFrequency (high), a.getBottom()).reduced (2.0f, 0.0f);
        const bool bypassed = field ("bypass") >= 0.5, soloed = field ("solo") >= 0.5;
        const bool heard = anySolo ? soloed : true;
        g.setColour ((b % 2 == 0 ? colours::accent : juce::Colour (0xff6fb7ff)).withAlpha (heard && ! bypassed ? 0.10f : 0.03f));
        g.fillRect (column);
        if (soloed)
        {
            g.setColour (colours::accent);
            g.drawRect (column, 1.5f);
        }
        const float reduction = (size_t) b < reductionNow.size() ? reductionNow[(size_t) b] : 0.0f;
        const auto bar = column.withSizeKeepingCentre (std::min (36.0f, column.getWidth() * 0.5f), column.getHeight())
                             .withHeight (column.getHeight() * juce::jlimit (0.0f, 1.0f, reduction / rangeDb));
        g.setColour (colours::meterRed.withAlpha (0.8f));
        g.fillRect (bar);

        auto words = column.reduced (4.0f).removeFromBottom (58.0f);
        g.setColour (bypassed ? colours::textDim : colours::text);
        g.setFont (juce::Font (11.0f, juce::Font::bold));
        g.drawText ("Band " + juce::String (b + 1) + (bypassed ? " (bypassed)" : ""), words.removeFromTop (14.0f), juce::Justification::centred);
        g.setFont (juce::Font (10.0f));
        g.drawText (juce::String (field ("thresholdDb"), 1) + " dB  " + juce::String (field ("ratio"), 1) + ":1", words.removeFromTop (13.0f),
                    juce::Justification::centred);
        g.drawText ("makeup " + juce::String (field ("makeupDb"), 1) + " dB", words.removeFromTop (13.0f), juce::Justification::centred);
        g.drawText ("GR " + juce::String (reduction, 1) + " dB", words.removeFromTop (13.0f), juce::Justification::centred);
    }
}
} // namespace crest
