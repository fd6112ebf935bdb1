// The album's loudness, track by track as each plays on the album (from
// its mark to its end, crossfades included) and for the whole: its mark,
// integrated loudness, maximum short-term, loudness range and true peak,
// its difference from the album, the gain the loudness strategy gave it
// and the limiting it took (flagged past the album's limit), then the
// gain each streaming service would play it at. The chosen service's
// column is the one the preview plays.
//
// Message thread only.
#pragma once

#include "Analysis/LoudnessMeter.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <vector>

namespace crest
{
struct AlbumLoudnessRow
{
    juce::String number, title, mark;
    double integratedLufs = 0, maxShortTermLufs = 0, rangeLu = 0, truePeakDbtp = 0;
    double versusAlbumLu = 0, strategyGainDb = 0, limitingDb = 0;
    bool tooMuchLimiting = false;
    bool measured = false;                // false: being mastered, its figures not known yet

    void setFigures (const LoudnessReading& reading)
    {
        measured = true;
        integratedLufs = reading.integratedLufs;
        maxShortTermLufs = reading.maxShortTermLufs;
        rangeLu = reading.loudnessRangeLu;
        truePeakDbtp = reading.truePeakDbtp;
    }
    std::vector<double> serviceGainsDb;   // per service, in the table's service order
};

class AlbumLoudnessTable : public juce::Component, private juce::TableListBoxModel
{
public:
    // `services`: the column names of the streaming services.
    explicit AlbumLoudnessTable (const juce::StringArray& services);

    // The tracks, then the album's row (no strategy, limiting or service figures).
    void setRows (std::vector<AlbumLoudnessRow> tracks, AlbumLoudnessRow album);
    void highlightService (int index);   // -1: none
    // A cell as shown, for the GUI tests: row (the album's is last), column id.
    juce::String cellText (int row, int columnId) const;
    int numRows() const noexcept { return getNumRows(); }

    void resized() override;

private:
    int getNumRows() override;
    int getNumRows() const noexcept { return (int) rows.size() + (rows.empty() ? 0 : 1); }
    void paintRowBackground (juce::Graphics&, int row, int width, int height, bool selected) override;
    void paintCell (juce::Graphics&, int row, int columnId, int width, int height, bool selected) override;

    juce::TableListBox table { "Album loudness", this };
    std::vector<AlbumLoudnessRow> rows;
    AlbumLoudnessRow albumRow;
    int serviceCount;
    int highlighted = -1;
};
} // namespace crest
