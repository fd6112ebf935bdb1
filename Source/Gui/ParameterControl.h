// One editable parameter of a generic editor, built from its ParameterSpec:
// a bar slider showing the value with its unit (typed into on a
// double-click of the text, reset to the default on a double-click of the
// bar), a toggle for an on/off switch, or a menu for a choice of words
// (filter shapes, EQ band modes). The owner says what an edit does
// (onEdit, with whether it starts a new undoable gesture) and shows the
// model's value with show(). Message thread only.
#pragma once

#include "Core/ParameterSpec.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <memory>

namespace crest
{
class ParameterControl
{
public:
    // `choices`: words for the values 0, 1, 2...; empty for a number or a switch.
    ParameterControl (const ParameterSpec& spec, const juce::String& title, const juce::StringArray& choices,
                      std::function<void (double value, bool newGesture)> onEdit,
                      std::function<juce::String (double)> valueText = {});

    juce::Label label;
    juce::Component& widget() const noexcept;
    // Adds the label and the widget to `parent`.
    void addTo (juce::Component& parent);
    // Shows the model's value without sending an edit.
    void show (double value);
    const ParameterSpec& spec() const noexcept { return parameter; }

private:
    const ParameterSpec& parameter;
    std::function<void (double, bool)> edit;
    std::unique_ptr<juce::Slider> slider;
    std::unique_ptr<juce::ToggleButton> toggle;
    std::unique_ptr<juce::ComboBox> menu;
};
} // namespace crest
