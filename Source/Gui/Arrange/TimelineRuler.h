// The ruler over the arrange view's lanes: bar numbers on the session's
// tempo and meter (beats too when zoomed in), the time under each label,
// the loop range, and the playhead's place. A click or drag moves the
// playhead; a shift-drag sets the loop range.
//
// Message thread only.
#pragma once

#include "TimelineScale.h"

#include "Core/MusicalTime.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace crest
{
class TimelineRuler : public juce::Component
{
public:
    explicit TimelineRuler (const TimelineScale& scale);

    void setMusicalTime (const MusicalTime& time);
    void setLoopRange (int64_t start, int64_t end, bool enabled);

    std::function<void (int64_t sample)> onSeek;
    std::function<void (int64_t start, int64_t end)> onLoopRange;

    void paint (juce::Graphics&) override;
    void mouseDown (const juce::MouseEvent&) override;
    void mouseDrag (const juce::MouseEvent&) override;

    // Bars between labels so that labels stay `minPixels` apart.
    static int64_t barStep (double pixelsPerBar, double minPixels) noexcept;

private:
    const TimelineScale& scale;
    MusicalTime time;
    int64_t loopStart = 0, loopEnd = 0;
    bool loopEnabled = false;
    int64_t dragAnchor = 0;
};
} // namespace crest
