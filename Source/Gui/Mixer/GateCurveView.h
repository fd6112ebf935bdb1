// The gate editor's picture: on the left the static curve (input level
// against output level, -80 to 0 dB) a steady level settles to, from the
// gate's own Gate::settledGainDb: unity above the threshold, below it the
// range taken off (a gate) or the expander's slope down to the range.
// The threshold's handle (T) drags across; the floor's handle (F), under
// it at threshold minus range, drags up and down to set the range. A
// gate's hysteresis shows as a band under the threshold, where it stays
// as it was. On the right the gate's gain reduction over the last ten
// seconds. Every drag is one undo step; the view follows the tree.
//
// Message thread only.
#pragma once

#include "Gui/Shared/ReductionHistory.h"
#include "Gui/Shared/TransferPlot.h"
#include "Session/SessionModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace crest
{
class SessionPlayer;

class GateCurveView : public juce::Component, private juce::ValueTree::Listener, private juce::Timer
{
public:
    GateCurveView (SessionModel& model, juce::ValueTree owner, SessionPlayer* player);
    ~GateCurveView() override;

    // The curve as drawn: output dB for a steady input level in dB.
    double outputDbFor (double inputDb) const;
    juce::Point<float> thresholdHandle() const;
    juce::Point<float> floorHandle() const;
    TransferPlot plot() const;
    const ReductionHistory& reduction() const noexcept { return history; }

    void paint (juce::Graphics&) override;
    void mouseDown (const juce::MouseEvent&) override;
    void mouseDrag (const juce::MouseEvent&) override;
    void mouseUp (const juce::MouseEvent&) override;

    static constexpr double rangeDb = 80.0;

private:
    double value (const char* field) const;
    void timerCallback() override;
    void valueTreePropertyChanged (juce::ValueTree&, const juce::Identifier&) override;

    SessionModel& model;
    juce::ValueTree owner;
    SessionPlayer* player;
    ReductionHistory history;
    enum class Grab { none, threshold, floor } grab = Grab::none;
    bool grabbed = false;
};
} // namespace crest
