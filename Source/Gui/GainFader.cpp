#include "GainFader.h"

#include "Core/ParameterSpec.h"

#include <cmath>

namespace crest
{
GainFader::GainFader()
    : juce::Slider (juce::Slider::LinearVertical, juce::Slider::TextBoxBelow)
{
    setTitle ("Fader");
    setWantsKeyboardFocus (true);
    const auto& spec = params::faderDb;
    setRange (spec.minimum, spec.maximum, 0.0);
    // Proportion = ((db - min) / (max - min)) ^ skew. With skew 2.44, 0 dB
    // lands at 75 % of the travel, -12 at 54 %, -24 at 37 %.
    setSkewFactor (skew);
    setDoubleClickReturnValue (true, spec.defaultValue);
    setValue (spec.defaultValue, juce::dontSendNotification);
    setTextBoxStyle (juce::Slider::TextBoxBelow, false, 60, 20);
    setMouseDragSensitivity (300);
    setVelocityBasedMode (false);
    setScrollWheelEnabled (true);
    setTooltip ("Fader (dB). Double-click for 0 dB; drag with Ctrl/Cmd for fine moves.");
    setVelocityModeParameters (0.4, 1, 0.0, true, juce::ModifierKeys::ctrlModifier);

    // JUCE brackets a drag and a double-click reset with these, so a
    // gesture here is exactly the user's gesture.
    onDragEnd = [this]
    {
        dragging = false;
        if (onRelease)
            onRelease();
    };
    onValueChange = [this]
    {
        if (onEdit != nullptr)
            onEdit (getValue(), ! dragging || isNewGesture);
        isNewGesture = false;
    };
    onDragStart = [this]
    {
        dragging = true;
        isNewGesture = true;
    };
}

void GainFader::showValue (double db)
{
    setValue (db, juce::dontSendNotification);
}

double GainFader::proportionOfDb (double db)
{
    const auto& spec = params::faderDb;
    const double linear = (spec.clamp (db) - spec.minimum) / (spec.maximum - spec.minimum);
    return std::pow (linear, skew);
}

juce::Rectangle<int> GainFader::travelInParent (int x, int width, int extraTop) const
{
    const int top = getY() + (int) getPositionOfValue (getMaximum());
    const int bottom = getY() + (int) getPositionOfValue (getMinimum());
    return { x, top - extraTop, width, bottom - top + extraTop };
}

juce::String GainFader::formatDb (double db)
{
    if (db <= params::faderDb.minimum)
        return "-inf";
    const auto rounded = std::round (db * 10.0) / 10.0;
    return (rounded > 0.0 ? "+" : "") + juce::String (rounded, 1);
}

juce::String GainFader::getTextFromValue (double value)
{
    return formatDb (value);
}

double GainFader::getValueFromText (const juce::String& text)
{
    const auto t = text.trim().toLowerCase();
    if (t.startsWith ("-inf") || t.startsWith ("-∞"))
        return params::faderDb.minimum;
    return params::faderDb.clamp (t.retainCharacters ("+-.0123456789").getDoubleValue());
}
} // namespace crest
