// One automation lane under its track in the arrange view: at the left
// the parameter's name, its mode (off, read, touch, latch, write) and a
// remove button; on the timeline the lane's points and the curve between
// them, drawn with the engine's own interpolation (levels in amplitude,
// frequencies geometrically). A click on empty lane adds a point there,
// a point drags in time (between its neighbours) and value, alt-drag on a
// segment bends it, a double-click on a point deletes it. A drag is shown
// as it goes and lands in the model as one undo step when released.
//
// Message thread only.
#pragma once

#include "Core/Automation.h"
#include "Session/SessionModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <optional>

namespace crest
{
class ArrangeView;

class AutomationLaneView : public juce::Component
{
public:
    AutomationLaneView (ArrangeView& arrange, juce::ValueTree track, juce::String parameter);

    const juce::ValueTree& track() const noexcept { return trackTree; }
    const juce::String& parameter() const noexcept { return parameterName; }
    // The lane as the model holds it (or as being dragged).
    AutomationLane lane() const;

    // Where a value sits, 0 (bottom) .. 1 (top), and back: the fader's own
    // travel for levels, octaves for frequencies, linear otherwise.
    double proportionOf (double value) const;
    double valueAt (double proportion) const;
    juce::Point<float> pointPosition (const AutomationPoint& p) const;
    float laneX (int64_t time) const;   // in this component's coordinates

    void paint (juce::Graphics&) override;
    void resized() override;
    void mouseDown (const juce::MouseEvent&) override;
    void mouseDrag (const juce::MouseEvent&) override;
    void mouseUp (const juce::MouseEvent&) override;
    void mouseDoubleClick (const juce::MouseEvent&) override;
    void mouseWheelMove (const juce::MouseEvent&, const juce::MouseWheelDetails&) override;

    void refresh();   // the model's lane changed

private:
    int pointAt (juce::Point<float> position) const;
    int segmentAt (float x) const;   // index of the point starting the segment under x, or -1
    void commit (const AutomationLane& edited, const juce::String& name);

    ArrangeView& arrange;
    juce::ValueTree trackTree;
    juce::String parameterName;
    AutomationTarget target;
    juce::Label nameLabel;
    juce::ComboBox modeBox;
    juce::TextButton removeButton { "x" };

    std::optional<AutomationLane> dragged;   // the lane while a drag is on
    int dragPoint = -1;
    bool bending = false;
    double bendStart = 0.0;
    juce::String gestureName;
};
} // namespace crest
