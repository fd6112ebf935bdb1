#include "AlbumLoudnessTable.h"

#include "Gui/CrestLookAndFeel.h"

#include <cmath>

namespace crest
{
namespace
{
    enum Column
    {
        number = 1, title, mark, integrated, maxShortTerm, range, truePeak, versusAlbum, strategy, limiting,
        firstService   // and one per service after it
    };

    juce::String figure (double value, const char* unit, bool sign = false)
    {
        if (! std::isfinite (value))
            return "-inf " + juce::String (unit);
        return (sign && value > 0 ? "+" : "") + juce::String (value, 1) + " " + unit;
    }
} // namespace

AlbumLoudnessTable::AlbumLoudnessTable (const juce::StringArray& services) : serviceCount (services.size())
{
    auto& header = table.getHeader();
    const int columnFlags = juce::TableHeaderComponent::visible;
    header.addColumn ("#", number, 28, 28, 40, columnFlags);
    header.addColumn ("Title", title, 150, 80, 400, columnFlags);
    header.addColumn ("Mark", mark, 70, 60, 90, columnFlags);
    header.addColumn ("Integrated", integrated, 82, 70, 100, columnFlags);
    header.addColumn ("Max S", maxShortTerm, 76, 60, 100, columnFlags);
    header.addColumn ("LRA", range, 56, 50, 80, columnFlags);
    header.addColumn ("True peak", truePeak, 78, 60, 100, columnFlags);
    header.addColumn ("vs album", versusAlbum, 64, 56, 90, columnFlags);
    header.addColumn ("Strategy", strategy, 70, 60, 90, columnFlags);
    header.addColumn ("Limiting", limiting, 70, 60, 90, columnFlags);
    for (int s = 0; s < serviceCount; ++s)
        header.addColumn (services[s], firstService + s, 84, 56, 120, columnFlags);
    table.setColour (juce::ListBox::backgroundColourId, colours::panel);
    table.setRowHeight (20);
    table.setTitle ("Album loudness");
    addAndMakeVisible (table);
}

void AlbumLoudnessTable::setRows (std::vector<AlbumLoudnessRow> tracks, AlbumLoudnessRow album)
{
    rows = std::move (tracks);
    albumRow = std::move (album);
    table.updateContent();
    table.repaint();
}

void AlbumLoudnessTable::highlightService (int index)
{
    highlighted = index;
    table.repaint();
}

int AlbumLoudnessTable::getNumRows()
{
    return std::as_const (*this).getNumRows();
}

juce::String AlbumLoudnessTable::cellText (int row, int columnId) const
{
    const bool isAlbum = row == (int) rows.size();
    if (row < 0 || row > (int) rows.size())
        return {};
    const auto& r = isAlbum ? albumRow : rows[(size_t) row];
    switch (columnId)
    {
        case number: return r.number;
        case title: return r.title;
        case mark: return r.mark;
        default: break;
    }
    if (! r.measured)
        return columnId == integrated ? juce::String ("...") : juce::String();
    switch (columnId)
    {
        case integrated: return figure (r.integratedLufs, "LUFS");
        case maxShortTerm: return figure (r.maxShortTermLufs, "LUFS");
        case range: return figure (r.rangeLu, "LU");
        case truePeak: return figure (r.truePeakDbtp, "dBTP");
        case versusAlbum: return isAlbum ? juce::String() : figure (r.versusAlbumLu, "LU", true);
        case strategy: return isAlbum ? juce::String() : figure (r.strategyGainDb, "dB", true);
        case limiting: return isAlbum ? juce::String() : figure (r.limitingDb, "dB") + (r.tooMuchLimiting ? " !" : "");
        default: break;
    }
    const int service = columnId - firstService;
    if (isAlbum || service < 0 || service >= (int) r.serviceGainsDb.size())
        return {};
    return figure (r.serviceGainsDb[(size_t) service], "dB", true);
}

void AlbumLoudnessTable::paintRowBackground (juce::Graphics& g, int row, int width, int height, bool)
{
    g.setColour (row == (int) rows.size() ? colours::panelRaised : row % 2 ? colours::panel : colours::background);
    g.fillRect (0, 0, width, height);
    if (highlighted >= 0)
    {
        auto& header = table.getHeader();
        const auto column = header.getColumnPosition (header.getIndexOfColumnId (firstService + highlighted, true));
        g.setColour (colours::accent.withAlpha (0.12f));
        g.fillRect (column.getX(), 0, column.getWidth(), height);
    }
}

void AlbumLoudnessTable::paintCell (juce::Graphics& g, int row, int columnId, int width, int height, bool)
{
    const bool flagged = row < (int) rows.size() && columnId == limiting && rows[(size_t) row].tooMuchLimiting;
    g.setColour (flagged ? colours::mute : columnId == title || columnId == number ? colours::text : colours::textDim);
    g.setFont (juce::Font (12.5f, row == (int) rows.size() ? juce::Font::bold : juce::Font::plain));
    g.drawText (cellText (row, columnId), 4, 0, width - 8, height,
                columnId == title ? juce::Justification::centredLeft : juce::Justification::centredRight);
}

void AlbumLoudnessTable::resized()
{
    table.setBounds (getLocalBounds());
}
} // namespace crest
