#include "LevelMeter.h"

#include "CrestLookAndFeel.h"
#include "GainFader.h"

#include <cmath>

namespace crest
{
namespace
{
    constexpr float decayDbPerSecond = 20.0f;
    constexpr double holdMs = 1500.0;
    constexpr float tickDbs[] = { 6.0f, 0.0f, -6.0f, -12.0f, -24.0f, -48.0f };
} // namespace

LevelMeter::LevelMeter()
{
    setOpaque (false);
    setTooltip ("Peak level (dBFS). Click to clear the clip lights.");
}

void LevelMeter::reset()
{
    for (auto& c : channels)
        c = Channel {};
    repaint();
}

void LevelMeter::pushPeaks (float left, float right)
{
    const double now = juce::Time::getMillisecondCounterHiRes();
    const double elapsed = lastTickMs > 0.0 ? juce::jlimit (0.0, 0.5, (now - lastTickMs) / 1000.0) : 0.0;
    lastTickMs = now;

    const auto before = std::make_pair (channels[0].levelDb + channels[1].levelDb, channels[0].holdDb + channels[1].holdDb);
    advance (channels[0], left, now, elapsed);
    advance (channels[1], right, now, elapsed);
    // Idle meters (silence, stopped transport) cost no repaints.
    if (before != std::make_pair (channels[0].levelDb + channels[1].levelDb, channels[0].holdDb + channels[1].holdDb))
        repaint();
}

void LevelMeter::advance (Channel& c, float peak, double nowMs, double elapsedSeconds)
{
    const float peakDb = peak > 0.0f ? 20.0f * std::log10 (peak) : floorDb;
    if (peak >= 1.0f)
        c.clipped = true;

    c.levelDb = juce::jmax (floorDb, juce::jmax (peakDb, c.levelDb - decayDbPerSecond * (float) elapsedSeconds));

    if (peakDb >= c.holdDb)
    {
        c.holdDb = juce::jmin (topDb, peakDb);
        c.holdUntilMs = nowMs + holdMs;
    }
    else if (nowMs > c.holdUntilMs)
    {
        c.holdDb = juce::jmax (floorDb, c.holdDb - 2.0f * decayDbPerSecond * (float) elapsedSeconds);
    }
}

float LevelMeter::dbToY (float db, juce::Rectangle<float> area) const
{
    const float p = (float) GainFader::proportionOfDb (db);
    return area.getBottom() - p * area.getHeight();
}

void LevelMeter::mouseDown (const juce::MouseEvent&)
{
    for (auto& c : channels)
        c.clipped = false;
    repaint();
}

void LevelMeter::paint (juce::Graphics& g)
{
    auto bounds = getLocalBounds().toFloat();
    auto scale = bounds.removeFromRight (scaleWidth);
    // Room at the top for the clip lights.
    const auto clipRow = bounds.removeFromTop ((float) clipLightHeight - 2.0f);
    bounds.removeFromTop (2.0f);
    scale = scale.withTrimmedTop ((float) clipLightHeight);

    const float gap = 2.0f;
    const float barW = (bounds.getWidth() - gap) / 2.0f;

    // One gradient for both bars: the colour says the level, not the height.
    juce::ColourGradient grad (colours::meterRed, 0.0f, dbToY (topDb, bounds), colours::meterGreen, 0.0f,
                               dbToY (floorDb, bounds), false);
    grad.addColour ((dbToY (0.0f, bounds) - bounds.getY()) / bounds.getHeight(), colours::meterRed);
    grad.addColour ((dbToY (-6.0f, bounds) - bounds.getY()) / bounds.getHeight(), colours::meterYellow);
    grad.addColour ((dbToY (-18.0f, bounds) - bounds.getY()) / bounds.getHeight(), colours::meterGreen);

    for (int i = 0; i < 2; ++i)
    {
        const auto bar = juce::Rectangle<float> (bounds.getX() + (float) i * (barW + gap), bounds.getY(), barW, bounds.getHeight());
        g.setColour (colours::faderTrack);
        g.fillRect (bar);

        const auto& c = channels[i];
        if (c.levelDb > floorDb)
        {
            g.setGradientFill (grad);
            g.fillRect (bar.withTop (dbToY (c.levelDb, bounds)));
        }
        if (c.holdDb > floorDb)
        {
            const float y = dbToY (c.holdDb, bounds);
            g.setColour (c.holdDb >= 0.0f ? colours::meterRed : c.holdDb >= -6.0f ? colours::meterYellow : colours::text);
            g.fillRect (bar.getX(), y, bar.getWidth(), 2.0f);
        }

        const auto light = juce::Rectangle<float> (bar.getX(), clipRow.getY(), barW, clipRow.getHeight());
        g.setColour (c.clipped ? colours::meterRed : colours::faderTrack);
        g.fillRect (light);
    }

    // The scale: ticks across both bars, numbers to the right.
    g.setFont (juce::Font (9.5f));
    for (float db : tickDbs)
    {
        const float y = dbToY (db, bounds);
        if (db > 0.0f)
        {
            g.setColour (colours::textDim);
            g.drawText ("+" + juce::String ((int) db), juce::Rectangle<float> (scale.getX() + 3.0f, y - 6.0f, scale.getWidth() - 3.0f, 12.0f),
                        juce::Justification::centredRight, false);
            continue;
        }
        g.setColour (juce::Colours::black.withAlpha (0.55f));
        g.drawHorizontalLine ((int) y, bounds.getX(), bounds.getRight());
        g.setColour (colours::textDim);
        g.drawHorizontalLine ((int) y, scale.getX(), scale.getX() + 3.0f);
        g.drawText (juce::String ((int) -db), juce::Rectangle<float> (scale.getX() + 3.0f, y - 6.0f, scale.getWidth() - 3.0f, 12.0f),
                    juce::Justification::centredRight, false);
    }
}
} // namespace crest
