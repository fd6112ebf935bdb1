#include "LoudnessPanel.h"

#include "Engine/SessionPlayer.h"
#include "Gui/CrestLookAndFeel.h"

#include <cmath>

namespace crest
{
namespace
{
    constexpr float floorLufs = -48.0f, ceilingLufs = 0.0f;

    juce::String value (double v, int decimals = 1)
    {
        return std::isfinite (v) ? juce::String (v, decimals) : juce::String ("-");
    }
} // namespace

LoudnessPanel::LoudnessPanel (SessionPlayer& p) : player (p)
{
    setTitle ("Loudness");
    setDescription ("The master's momentary and short-term loudness over the last minute, and the mix and master numbers side by side");
    points.reserve (historyPoints);
}

void LoudnessPanel::reset()
{
    points.clear();
    lastPosition = -1;
    repaint();
}

void LoudnessPanel::update (std::optional<double> targetLufs)
{
    const auto& live = player.loudness();
    mix = live.mix();
    master = live.master();
    target = targetLufs;
    // A point each tenth of a second of audio played, so the graph's time
    // axis is the music's, whatever the timer does.
    const auto position = player.position();
    if (player.isPlaying() && lastPosition >= 0 && position > lastPosition)
    {
        sinceLastPoint += (double) (position - lastPosition) / player.sampleRate();
        while (sinceLastPoint >= 0.1)
        {
            sinceLastPoint -= 0.1;
            if ((int) points.size() == historyPoints)
                points.erase (points.begin());
            points.emplace_back ((float) master.momentaryLufs, (float) master.shortTermLufs);
        }
    }
    lastPosition = position;
    repaint();
}

void LoudnessPanel::paint (juce::Graphics& g)
{
    g.fillAll (colours::panel);
    paintGraph (g, graphArea.toFloat());
    paintTable (g, tableArea);
}

void LoudnessPanel::paintGraph (juce::Graphics& g, juce::Rectangle<float> area) const
{
    g.setColour (colours::faderTrack);
    g.fillRoundedRectangle (area, 4.0f);
    auto plot = area.reduced (36.0f, 10.0f).withTrimmedRight (-26.0f);
    auto yFor = [&] (float lufs) {
        const float clamped = juce::jlimit (floorLufs, ceilingLufs, lufs);
        return plot.getBottom() - (clamped - floorLufs) / (ceilingLufs - floorLufs) * plot.getHeight();
    };
    g.setFont (juce::Font (10.0f));
    for (float lufs = floorLufs; lufs <= ceilingLufs; lufs += 6.0f)
    {
        const float y = yFor (lufs);
        g.setColour (colours::outline);
        g.drawHorizontalLine ((int) y, plot.getX(), plot.getRight());
        g.setColour (colours::textDim);
        g.drawText (juce::String ((int) lufs), juce::Rectangle<float> (area.getX() + 2.0f, y - 6.0f, 30.0f, 12.0f), juce::Justification::centredRight);
    }
    g.setColour (colours::textDim);
    g.drawText ("LUFS", juce::Rectangle<float> (area.getX() + 2.0f, area.getY() + 1.0f, 40.0f, 10.0f), juce::Justification::left);

    if (target)
    {
        const float y = yFor ((float) *target);
        g.setColour (colours::accent);
        const float dashes[] = { 6.0f, 4.0f };
        g.drawDashedLine (juce::Line<float> (plot.getX(), y, plot.getRight(), y), dashes, 2, 1.5f);
        g.drawText ("target " + juce::String (*target, 0), juce::Rectangle<float> (plot.getRight() - 80.0f, y - 14.0f, 78.0f, 12.0f),
                    juce::Justification::right);
    }

    // Newest at the right edge; a minute across.
    const float step = plot.getWidth() / (float) (historyPoints - 1);
    auto line = [&] (bool shortTerm, juce::Colour colour, float thickness) {
        juce::Path path;
        bool drawing = false;
        const int n = (int) points.size();
        for (int i = 0; i < n; ++i)
        {
            const float v = shortTerm ? points[(size_t) i].second : points[(size_t) i].first;
            const float x = plot.getRight() - (float) (n - 1 - i) * step;
            if (! std::isfinite (v) || v < floorLufs)
            {
                drawing = false;
                continue;
            }
            if (drawing)
                path.lineTo (x, yFor (v));
            else
                path.startNewSubPath (x, yFor (v));
            drawing = true;
        }
        g.setColour (colour);
        g.strokePath (path, juce::PathStrokeType (thickness));
    };
    line (false, colours::meterGreen.withAlpha (0.55f), 1.0f);
    line (true, colours::text, 2.0f);

    g.setFont (juce::Font (11.0f));
    g.setColour (colours::meterGreen);
    g.drawText ("momentary", juce::Rectangle<float> (plot.getX() + 6.0f, plot.getY(), 80.0f, 14.0f), juce::Justification::left);
    g.setColour (colours::text);
    g.drawText ("short-term", juce::Rectangle<float> (plot.getX() + 86.0f, plot.getY(), 80.0f, 14.0f), juce::Justification::left);
}

void LoudnessPanel::paintTable (juce::Graphics& g, juce::Rectangle<int> area) const
{
    struct Row
    {
        const char* name;
        const char* unit;
        double mixValue, masterValue;
        int decimals;
    };
    const Row rows[] = {
        { "Integrated", "LUFS", mix.integratedLufs, master.integratedLufs, 1 },
        { "Short-term", "LUFS", mix.shortTermLufs, master.shortTermLufs, 1 },
        { "Short-term max", "LUFS", mix.maxShortTermLufs, master.maxShortTermLufs, 1 },
        { "Loudness range", "LU", mix.loudnessRangeLu, master.loudnessRangeLu, 1 },
        { "True peak", "dBTP", mix.truePeakDbtp, master.truePeakDbtp, 1 },
        { "PLR", "LU", mix.plrLu(), master.plrLu(), 1 },
        { "Crest factor", "dB", mix.crestFactorDb(), master.crestFactorDb(), 1 },
        { "Correlation", "", mix.correlation, master.correlation, 2 },
    };
    const int rowHeight = std::min (24, area.getHeight() / 9);
    auto header = area.removeFromTop (rowHeight);
    const int nameWidth = area.getWidth() * 38 / 100;
    const int column = (area.getWidth() - nameWidth) / 3;
    g.setFont (juce::Font (12.0f, juce::Font::bold));
    g.setColour (colours::textDim);
    header.removeFromLeft (nameWidth);
    g.drawText ("Mix", header.removeFromLeft (column), juce::Justification::centredRight);
    g.drawText ("Master", header.removeFromLeft (column), juce::Justification::centredRight);
    g.drawText ("Change", header, juce::Justification::centredRight);
    const bool measured = master.seconds > 0;
    for (const auto& row : rows)
    {
        auto line = area.removeFromTop (rowHeight);
        g.setColour (colours::outline);
        g.drawHorizontalLine (line.getY(), (float) line.getX(), (float) line.getRight());
        g.setFont (juce::Font (12.0f));
        g.setColour (colours::text);
        g.drawText (juce::String (row.name) + (row.unit[0] != 0 ? juce::String (" (") + row.unit + ")" : juce::String()),
                    line.removeFromLeft (nameWidth), juce::Justification::centredLeft);
        g.setFont (juce::Font (juce::Font::getDefaultMonospacedFontName(), 13.0f, juce::Font::plain));
        g.drawText (measured ? value (row.mixValue, row.decimals) : "-", line.removeFromLeft (column), juce::Justification::centredRight);
        g.setColour (colours::accent);
        g.drawText (measured ? value (row.masterValue, row.decimals) : "-", line.removeFromLeft (column), juce::Justification::centredRight);
        const double change = row.masterValue - row.mixValue;
        g.setColour (colours::textDim);
        g.drawText (measured && std::isfinite (change) ? (change > 0 ? "+" : "") + juce::String (change, row.decimals) : juce::String ("-"),
                    line, juce::Justification::centredRight);
    }
}

void LoudnessPanel::resized()
{
    auto area = getLocalBounds().reduced (10);
    tableArea = area.removeFromRight (std::min (380, area.getWidth() / 2)).reduced (8, 0);
    area.removeFromRight (8);
    graphArea = area;
}
} // namespace crest
