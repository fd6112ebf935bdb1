// Crest's look: a near-black console with amber for "active" (play, solo),
// red for mute, and a green-yellow-red meter scale. One instance is set as
// the default LookAndFeel for the whole app; every widget draws through it
// so the colours live in one place.
//
// Message thread only.
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

namespace crest
{
namespace colours
{
    inline const juce::Colour background { 0xff15171c };
    inline const juce::Colour panel { 0xff1e2128 };
    inline const juce::Colour panelRaised { 0xff272b34 };
    inline const juce::Colour outline { 0xff30343e };
    inline const juce::Colour text { 0xffd8dbe2 };
    inline const juce::Colour textDim { 0xff8a909c };
    inline const juce::Colour accent { 0xfff0a030 };
    inline const juce::Colour mute { 0xffe0473c };
    inline const juce::Colour meterGreen { 0xff3ccf6a };
    inline const juce::Colour meterYellow { 0xffe8d040 };
    inline const juce::Colour meterRed { 0xffe8453a };
    inline const juce::Colour faderTrack { 0xff0d0e11 };
    inline const juce::Colour offline { 0xff5a2024 };

    // Tracks take their colour from their place, the same in the mixer
    // and the arrange view: muted hues that read on the dark panel and
    // under a waveform without competing with amber.
    inline juce::Colour track (int index)
    {
        static const juce::uint32 palette[] = { 0xff5b8def, 0xff4fc1b0, 0xff8fc14f, 0xffc98a4b,
                                                0xffb066d6, 0xffd65f8a, 0xff5fb5d6, 0xffc9c24b };
        return juce::Colour (palette[(size_t) index % std::size (palette)]);
    }
    // A track's own colour ("#rrggbb", ids::colour) if it has one, else its place's.
    juce::Colour forChannel (const juce::ValueTree& channel, int index);
} // namespace colours

class CrestLookAndFeel : public juce::LookAndFeel_V4
{
public:
    CrestLookAndFeel();

    void drawLinearSlider (juce::Graphics&, int x, int y, int width, int height, float sliderPos, float minSliderPos,
                           float maxSliderPos, juce::Slider::SliderStyle, juce::Slider&) override;
    void drawRotarySlider (juce::Graphics&, int x, int y, int width, int height, float sliderPosProportional,
                           float rotaryStartAngle, float rotaryEndAngle, juce::Slider&) override;
    void drawButtonBackground (juce::Graphics&, juce::Button&, const juce::Colour& backgroundColour,
                               bool shouldDrawButtonAsHighlighted, bool shouldDrawButtonAsDown) override;
    juce::Font getTextButtonFont (juce::TextButton&, int buttonHeight) override;
    void drawDocumentWindowTitleBar (juce::DocumentWindow&, juce::Graphics&, int w, int h, int titleSpaceX, int titleSpaceW,
                                     const juce::Image* icon, bool drawTitleTextOnLeft) override;
};
} // namespace crest
