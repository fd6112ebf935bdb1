// The Master view's loudness panel: a scrolling graph of the master's
// momentary and short-term loudness (the last minute, 10 points a
// second) against the chosen target, and beside it the table of the Mix
// and the Master numbers (integrated, short-term max, LRA, true peak,
// PLR, sample peak, correlation) with their difference, as a student
// compares them while switching Mix and Master.
//
// Message thread only. update() is called from the app's timer.
#pragma once

#include "Analysis/LoudnessMeter.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <optional>
#include <vector>

namespace crest
{
class SessionPlayer;

class LoudnessPanel : public juce::Component
{
public:
    explicit LoudnessPanel (SessionPlayer& player);

    void update (std::optional<double> targetLufs);
    void reset();

    // The graph's history, oldest first (for tests): momentary, short-term.
    const std::vector<std::pair<float, float>>& history() const noexcept { return points; }

    void paint (juce::Graphics&) override;
    void resized() override;

    static constexpr int historyPoints = 600;   // a minute at 10 points a second

private:
    void paintGraph (juce::Graphics&, juce::Rectangle<float> area) const;
    void paintTable (juce::Graphics&, juce::Rectangle<int> area) const;

    SessionPlayer& player;
    std::vector<std::pair<float, float>> points;
    std::optional<double> target;
    LoudnessReading mix {}, master {};
    int64_t lastPosition = -1;
    double sinceLastPoint = 0.0;
    juce::Rectangle<int> graphArea, tableArea;
};
} // namespace crest
