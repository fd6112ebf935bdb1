#include "MasterScope.h"

#include "Dsp/MultibandCompressor.h"
#include "Dsp/TruePeakLimiter.h"
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
    double lr = 0, ll = 0, rr = 0;
    for (size_t i = 0; i + 1 < frames.size(); i += 2)
    {
        lr += (double) frames[i] * frames[i + 1];
        ll += (double) frames[i] * frames[i];
        rr += (double) frames[i + 1] * frames[i + 1];
    }
    // Silence, or one side silent, reads as mono, as on a hardware meter.
    correlationNow = ll > 1e-12 && rr > 1e-12 ? lr / std::sqrt (ll * rr) : 1.0;

    hasLimiter = false;
    bands.clear();
    float limiting = 0.0f;
    if (auto master = player.master())
        for (const auto& ref : master->slots())
        {
            auto& processor = ref.slot->processor();
            if (auto* l = dynamic_cast<TruePeakLimiter*> (&processor))
            {
                hasLimiter = true;
                limiting = std::max (limiting, l->takeGainReductionDb());
            }
            else if (auto* mb = dynamic_cast<MultibandCompressor*> (&processor))
            {
                const int count = (int) std::lround (mb->parameter (MultibandCompressor::bandsIndex));
                for (int b = 0; b < count; ++b)
                    bands.push_back (mb->takeGainReductionDb (b));
            }
        }
    if (player.isPlaying())
    {
        limiter.push (limiting);
    }
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
    paintGoniometer (g, scope);
    area.removeFromTop (6.0f);

    // Correlation: -1 (out of phase, red) .. +1 (mono).
    auto bar = area.removeFromTop (16.0f);
    g.setColour (colours::faderTrack);
    g.fillRoundedRectangle (bar, 3.0f);
    const float centre = bar.getCentreX();
    const float x = centre + (float) correlationNow * bar.getWidth() * 0.5f;
    g.setColour (correlationNow < 0 ? colours::meterRed : correlationNow < 0.3 ? colours::meterYellow : colours::meterGreen);
    g.fillRect (juce::Rectangle<float> (std::min (centre, x), bar.getY() + 3.0f, std::abs (x - centre), bar.getHeight() - 6.0f));
    g.setColour (colours::textDim);
    g.setFont (juce::Font (10.0f));
    g.drawText ("-1", bar.reduced (4.0f, 0.0f), juce::Justification::centredLeft);
    g.drawText ("+1", bar.reduced (4.0f, 0.0f), juce::Justification::centredRight);
    g.setColour (colours::text);
    g.drawText ("Correlation " + juce::String (correlationNow, 2), area.removeFromTop (16.0f), juce::Justification::centred);
    area.removeFromTop (6.0f);
    paintReduction (g, area);
}

void MasterScope::paintGoniometer (juce::Graphics& g, juce::Rectangle<float> box) const
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
