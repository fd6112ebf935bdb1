#include "ParameterControl.h"

#include "CrestLookAndFeel.h"
#include "ParameterText.h"

#include <cmath>

namespace crest
{
ParameterControl::ParameterControl (const ParameterSpec& spec, const juce::String& title, const juce::StringArray& choices,
                                    std::function<void (double, bool)> onEdit, std::function<juce::String (double)> valueText)
    : parameter (spec), edit (std::move (onEdit))
{
    label.setText (title, juce::dontSendNotification);
    label.setFont (juce::Font (11.0f));
    label.setColour (juce::Label::textColourId, colours::textDim);

    if (! choices.isEmpty())
    {
        menu = std::make_unique<juce::ComboBox> (title);
        menu->addItemList (choices, 1);
        menu->onChange = [this] { edit (menu->getSelectedId() - 1, true); };
    }
    else if (isSwitch (spec))
    {
        toggle = std::make_unique<juce::ToggleButton> (title);
        label.setText ({}, juce::dontSendNotification);   // the toggle says it
        toggle->onClick = [this] { edit (toggle->getToggleState() ? 1.0 : 0.0, true); };
    }
    else
    {
        // A bar that shows its value with the unit inside it: compact
        // enough for an EQ's grid, and typed into on double-click.
        slider = std::make_unique<juce::Slider> (juce::Slider::LinearBar, juce::Slider::TextBoxBelow);
        if (valueText)
            slider->textFromValueFunction = std::move (valueText);
        else
            slider->textFromValueFunction = [&spec] (double v) { return formatWithUnit (v, spec); };
        slider->valueFromTextFunction = [] (const juce::String& text) { return text.retainCharacters ("-0123456789.").getDoubleValue(); };
        slider->setRange (spec.minimum, spec.maximum, spec.whole ? 1.0 : 0.0);
        slider->setSkewFactorFromMidPoint (skewCentre (spec));
        slider->setDoubleClickReturnValue (true, spec.defaultValue);
        slider->setWantsKeyboardFocus (true);
        slider->setColour (juce::Slider::trackColourId, colours::accent.withAlpha (0.35f));
        slider->setColour (juce::Slider::textBoxTextColourId, colours::text);
        slider->updateText();
        slider->setTooltip (title + " (" + formatWithUnit (spec.minimum, spec) + " to " + formatWithUnit (spec.maximum, spec)
                            + "). Double-click for " + formatWithUnit (spec.defaultValue, spec) + ".");
        slider->onDragStart = [this] { edit (slider->getValue(), true); };
        slider->onValueChange = [this] { edit (slider->getValue(), ! slider->isMouseButtonDown()); };
    }
    widget().setTitle (title);
    widget().setDescription (juce::String (std::string (spec.id)));
}

juce::Component& ParameterControl::widget() const noexcept
{
    return slider ? (juce::Component&) *slider : toggle ? (juce::Component&) *toggle : (juce::Component&) *menu;
}

void ParameterControl::addTo (juce::Component& parent)
{
    parent.addAndMakeVisible (label);
    parent.addAndMakeVisible (widget());
}

void ParameterControl::show (double value)
{
    if (slider)
        slider->setValue (value, juce::dontSendNotification);
    else if (toggle)
        toggle->setToggleState (value >= 0.5, juce::dontSendNotification);
    else
        menu->setSelectedId ((int) std::lround (value) + 1, juce::dontSendNotification);
}
} // namespace crest
