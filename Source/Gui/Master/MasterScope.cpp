#include "MasterScope.h"

#include "Goniometer.h"

#include "Engine/SessionPlayer.h"
#include "Gui/CrestLookAndFeel.h"

#include <cmath>

namespace crest
{
namespace
{
    constexpr float reductionRangeDb = 12.0f;
}

MasterScope::MasterScope (SessionPlayer& p) : player (p)
{
    setTitle ("Master scopes");
    setDescription ("Goniometer and correlation of the master, and the gain reduction of its limiter and multiband bands");
}

void MasterScope::reset()
{
    limiter.clear();
    bands.clear();
    correlationNow = 1.0;
    repaint();
}

void MasterScope::update()
{
    frames = player.loudness().recentMaster();
    correlationNow = goniometer::correlationOf (frames);

    hasLimiter = false;
    bands.clear();
    float limiting = 0.0f;
    if (auto master = player.master())
        for (const auto& ref : master->slots())
        {
            const auto reduction = player.masterReductionDb (juce::String (ref.id));
            if (ref.slot->kind() == "limiter")
            {
                hasLimiter = true;
                if (! reduction.empty())
                    limiting = std::max (limiting, reduction[0]);
            }
            else if (ref.slot->kind() == "multiband")
                bands.insert (bands.end(), reduction.begin(), reduction.end());
        }
    if (player.isPlaying())
        limiter.push (limiting);
    repaint();
}

void MasterScope::paint (juce::Graphics& g)
{
    auto area = getLocalBounds().toFloat();
    g.setColour (colours::panel);
    g.fillRoundedRectangle (area, 4.0f);
    area.reduce (10.0f, 10.0f);
    const float side = std::min (area.getWidth(), area.getHeight() * 0.58f);
    auto scope = area.removeFromTop (side).withSizeKeepingCentre (side, side);
    goniometer::paintScope (g, scope, frames);
    area.removeFromTop (6.0f);

    goniometer::paintCorrelation (g, area.removeFromTop (16.0f), correlationNow);
    g.setColour (colours::text);
    g.drawText ("Correlation " + juce::String (correlationNow, 2), area.removeFromTop (16.0f), juce::Justification::centred);
    area.removeFromTop (6.0f);
    paintReduction (g, area);
}

void MasterScope::paintReduction (juce::Graphics& g, juce::Rectangle<float> area) const
{
    g.setColour (colours::textDim);
    g.setFont (juce::Font (11.0f));
    if (! hasLimiter && bands.empty())
    {
        g.drawText ("No limiter or multiband in the chain", area, juce::Justification::centred);
        return;
    }
    // The multiband's bands, a bar each, on the right.
    auto bandArea = area.removeFromRight (bands.empty() ? 0.0f : 12.0f * (float) bands.size() + 8.0f);
    for (size_t b = 0; b < bands.size(); ++b)
    {
        auto bar = juce::Rectangle<float> (bandArea.getX() + 8.0f + 12.0f * (float) b, bandArea.getY() + 14.0f, 9.0f, bandArea.getHeight() - 14.0f);
        g.setColour (colours::faderTrack);
        g.fillRect (bar);
        g.setColour (colours::meterRed.withAlpha (0.85f));
        g.fillRect (bar.withHeight (bar.getHeight() * juce::jlimit (0.0f, 1.0f, bands[b] / reductionRangeDb)));
    }
    if (! bands.empty())
    {
        g.setColour (colours::textDim);
        g.drawText ("Bands", bandArea.withHeight (12.0f).withTrimmedLeft (6.0f), juce::Justification::left);
    }
    if (! hasLimiter)
        return;
    limiter.paint (g, area, reductionRangeDb, 3.0f, "Limiter");
}
} // namespace crest
