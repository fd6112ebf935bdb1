#include "CrestLookAndFeel.h"

namespace crest
{
juce::Colour colours::forChannel (const juce::ValueTree& channel, int index)
{
    const auto own = channel.getProperty ("colour").toString();
    if (own.length() == 7 && own.startsWithChar ('#'))
        return juce::Colour ((juce::uint32) (0xff000000u | (juce::uint32) own.substring (1).getHexValue32()));
    return track (index);
}

CrestLookAndFeel::CrestLookAndFeel()
{
    // JUCE takes Liberation Sans before DejaVu Sans when both are there
    // (a browser brings Liberation in), and Liberation has none of the
    // arrows and symbols Crest's small buttons show (a module's up, down
    // and remove, a strip's polarity): they would read "...". DejaVu Sans
    // has them all.
    if (juce::Font::findAllTypefaceNames().contains ("DejaVu Sans"))
        setDefaultSansSerifTypefaceName ("DejaVu Sans");
    // Start from V4's dark scheme and override the roles we care about, so
    // widgets we never restyle (file chooser, alerts, menus) still match.
    auto scheme = getDarkColourScheme();
    scheme.setUIColour (ColourScheme::windowBackground, colours::background);
    scheme.setUIColour (ColourScheme::widgetBackground, colours::panel);
    scheme.setUIColour (ColourScheme::menuBackground, colours::panel);
    scheme.setUIColour (ColourScheme::outline, colours::outline);
    scheme.setUIColour (ColourScheme::defaultText, colours::text);
    scheme.setUIColour (ColourScheme::defaultFill, colours::accent);
    scheme.setUIColour (ColourScheme::highlightedText, juce::Colours::black);
    scheme.setUIColour (ColourScheme::highlightedFill, colours::accent);
    scheme.setUIColour (ColourScheme::menuText, colours::text);
    setColourScheme (scheme);

    setColour (juce::ResizableWindow::backgroundColourId, colours::background);
    setColour (juce::DocumentWindow::textColourId, colours::text);
    setColour (juce::TextButton::buttonColourId, colours::panelRaised);
    setColour (juce::TextButton::buttonOnColourId, colours::accent);
    setColour (juce::TextButton::textColourOffId, colours::textDim);
    setColour (juce::TextButton::textColourOnId, juce::Colours::black);
    setColour (juce::Label::textColourId, colours::text);
    setColour (juce::Slider::textBoxTextColourId, colours::text);
    setColour (juce::Slider::textBoxOutlineColourId, juce::Colours::transparentBlack);
    setColour (juce::Slider::textBoxBackgroundColourId, colours::faderTrack);
    setColour (juce::Slider::thumbColourId, colours::text);
    setColour (juce::Slider::rotarySliderFillColourId, colours::accent);
    setColour (juce::Slider::rotarySliderOutlineColourId, colours::faderTrack);
    setColour (juce::PopupMenu::backgroundColourId, colours::panel);
    setColour (juce::PopupMenu::highlightedBackgroundColourId, colours::accent.withAlpha (0.85f));
    setColour (juce::PopupMenu::highlightedTextColourId, juce::Colours::black);
    setColour (juce::TooltipWindow::backgroundColourId, colours::panelRaised);
    setColour (juce::TooltipWindow::textColourId, colours::text);
    setColour (juce::ScrollBar::thumbColourId, colours::outline.brighter (0.3f));
    setColour (juce::AlertWindow::backgroundColourId, colours::panel);
    setColour (juce::AlertWindow::textColourId, colours::text);
    setColour (juce::AlertWindow::outlineColourId, colours::outline);
    setColour (juce::ProgressBar::foregroundColourId, colours::accent);
    setColour (juce::ProgressBar::backgroundColourId, colours::faderTrack);
}

void CrestLookAndFeel::drawLinearSlider (juce::Graphics& g, int x, int y, int width, int height, float sliderPos,
                                         float minSliderPos, float maxSliderPos, juce::Slider::SliderStyle style,
                                         juce::Slider& slider)
{
    if (style != juce::Slider::LinearVertical)
    {
        LookAndFeel_V4::drawLinearSlider (g, x, y, width, height, sliderPos, minSliderPos, maxSliderPos, style, slider);
        return;
    }

    // A console fader: a thin slot and a wide flat cap with a centre line,
    // so the eye reads the cap's line against the scale.
    const auto bounds = juce::Rectangle<int> (x, y, width, height).toFloat();
    const auto slot = juce::Rectangle<float> (bounds.getCentreX() - 2.5f, bounds.getY(), 5.0f, bounds.getHeight());
    g.setColour (colours::faderTrack);
    g.fillRoundedRectangle (slot, 2.5f);

    // The slot lights up below the cap, dimly, to show the level at a glance.
    g.setColour (slider.findColour (juce::Slider::rotarySliderFillColourId).withAlpha (0.35f));
    g.fillRoundedRectangle (slot.withTop (sliderPos), 2.5f);

    const float capW = juce::jmin (bounds.getWidth() - 4.0f, 34.0f);
    const float capH = 44.0f;
    const auto cap = juce::Rectangle<float> (capW, capH).withCentre ({ bounds.getCentreX(), sliderPos });
    g.setColour (juce::Colours::black.withAlpha (0.5f));
    g.fillRoundedRectangle (cap.translated (0.0f, 2.0f), 3.0f);
    juce::ColourGradient grad (juce::Colour (0xff4a4f5a), cap.getX(), cap.getY(), juce::Colour (0xff2b2f37), cap.getX(),
                               cap.getBottom(), false);
    g.setGradientFill (grad);
    g.fillRoundedRectangle (cap, 3.0f);
    g.setColour (juce::Colour (0xff5c6270));
    g.drawRoundedRectangle (cap.reduced (0.5f), 3.0f, 1.0f);
    // Grip lines, then the bright index line at the value.
    g.setColour (juce::Colours::black.withAlpha (0.35f));
    for (float dy : { -12.0f, -8.0f, 8.0f, 12.0f })
        g.drawHorizontalLine ((int) (sliderPos + dy), cap.getX() + 4.0f, cap.getRight() - 4.0f);
    g.setColour (colours::text);
    g.fillRect (cap.getX() + 2.0f, sliderPos - 1.0f, cap.getWidth() - 4.0f, 2.0f);
}

void CrestLookAndFeel::drawRotarySlider (juce::Graphics& g, int x, int y, int width, int height, float pos,
                                         float startAngle, float endAngle, juce::Slider& slider)
{
    const auto bounds = juce::Rectangle<int> (x, y, width, height).toFloat().reduced (3.0f);
    const float radius = juce::jmin (bounds.getWidth(), bounds.getHeight()) / 2.0f;
    const auto centre = bounds.getCentre();
    const float lineW = 3.0f;
    const float arcRadius = radius - lineW;

    juce::Path track;
    track.addCentredArc (centre.x, centre.y, arcRadius, arcRadius, 0.0f, startAngle, endAngle, true);
    g.setColour (colours::faderTrack);
    g.strokePath (track, juce::PathStrokeType (lineW, juce::PathStrokeType::curved, juce::PathStrokeType::rounded));

    // Bipolar parameters (pan) light the arc from the centre outwards.
    const double zeroPos = slider.valueToProportionOfLength (juce::jlimit (slider.getMinimum(), slider.getMaximum(), 0.0));
    const float zeroAngle = startAngle + (float) zeroPos * (endAngle - startAngle);
    const float valueAngle = startAngle + pos * (endAngle - startAngle);
    if (std::abs (valueAngle - zeroAngle) > 0.01f)
    {
        juce::Path arc;
        arc.addCentredArc (centre.x, centre.y, arcRadius, arcRadius, 0.0f, juce::jmin (zeroAngle, valueAngle),
                           juce::jmax (zeroAngle, valueAngle), true);
        g.setColour (slider.findColour (juce::Slider::rotarySliderFillColourId));
        g.strokePath (arc, juce::PathStrokeType (lineW, juce::PathStrokeType::curved, juce::PathStrokeType::rounded));
    }

    const float knobR = arcRadius - 4.0f;
    g.setColour (colours::panelRaised.brighter (0.15f));
    g.fillEllipse (juce::Rectangle<float> (knobR * 2.0f, knobR * 2.0f).withCentre (centre));
    g.setColour (colours::text);
    const auto tip = centre.getPointOnCircumference (knobR - 2.0f, valueAngle);
    const auto base = centre.getPointOnCircumference (knobR * 0.35f, valueAngle);
    g.drawLine ({ base, tip }, 2.0f);
}

void CrestLookAndFeel::drawButtonBackground (juce::Graphics& g, juce::Button& button, const juce::Colour& backgroundColour,
                                             bool highlighted, bool down)
{
    auto bounds = button.getLocalBounds().toFloat().reduced (0.5f);
    auto colour = backgroundColour;
    if (down)
        colour = colour.darker (0.2f);
    else if (highlighted)
        colour = colour.brighter (0.12f);
    g.setColour (colour);
    g.fillRoundedRectangle (bounds, 3.0f);
    g.setColour (button.getToggleState() ? colour.brighter (0.3f) : colours::outline);
    g.drawRoundedRectangle (bounds, 3.0f, 1.0f);
}

juce::Font CrestLookAndFeel::getTextButtonFont (juce::TextButton&, int buttonHeight)
{
    return juce::Font (juce::jmin (14.0f, (float) buttonHeight * 0.6f), juce::Font::bold);
}

void CrestLookAndFeel::drawDocumentWindowTitleBar (juce::DocumentWindow& window, juce::Graphics& g, int w, int h,
                                                   int titleSpaceX, int titleSpaceW, const juce::Image* icon,
                                                   bool drawTitleTextOnLeft)
{
    // Only used when the OS title bar is off; keep it in the console colours.
    g.fillAll (colours::panel);
    juce::ignoreUnused (icon, drawTitleTextOnLeft);
    g.setColour (colours::text);
    g.setFont (juce::Font ((float) h * 0.6f, juce::Font::bold));
    g.drawText (window.getName(), titleSpaceX, 0, titleSpaceW, h, juce::Justification::centred, true);
    juce::ignoreUnused (w);
}
} // namespace crest
