// The compressor editor's picture: on the left the static curve (input
// level against output level, -60 to 0 dB, makeup included) with the
// threshold's handle on it, to drag along the curve (the threshold) or
// up and down above it (the ratio); on the right the gain reduction of
// the last ten seconds, scrolling, read from the running compressor.
// Every drag is one undo step; the view follows the tree.
//
// Message thread only. tick() is called by its owner's timer (30 Hz).
#pragma once

#include "Gui/Shared/ReductionHistory.h"
#include "Gui/Shared/TransferPlot.h"
#include "Session/SessionModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace crest
{
class SessionPlayer;

class CompressorCurveView : public juce::Component, private juce::ValueTree::Listener, private juce::Timer
{
public:
    CompressorCurveView (SessionModel& model, juce::ValueTree owner, SessionPlayer* player);
    ~CompressorCurveView() override;

    // The curve as drawn: output dB for input dB (threshold, ratio, knee, makeup).
    double outputDbFor (double inputDb) const;
    juce::Point<float> thresholdHandle() const;
    juce::Point<float> ratioHandle() const;   // on the curve at 0 dB in
    juce::Rectangle<float> curveArea() const;
    const std::deque<float>& reductionHistory() const noexcept { return history.history(); }

    void paint (juce::Graphics&) override;
    void mouseDown (const juce::MouseEvent&) override;
    void mouseDrag (const juce::MouseEvent&) override;
    void mouseUp (const juce::MouseEvent&) override;

    static constexpr double rangeDb = 60.0;

private:
    double value (const char* field) const;
    TransferPlot plot() const;
    void timerCallback() override;
    void valueTreePropertyChanged (juce::ValueTree&, const juce::Identifier&) override;

    SessionModel& model;
    juce::ValueTree owner;
    SessionPlayer* player;
    ReductionHistory history;
    enum class Grab { none, threshold, ratio } grab = Grab::none;
    bool grabbed = false;
};
} // namespace crest
