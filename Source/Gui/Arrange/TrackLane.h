// One track's lane in the arrange view: its clips drawn as waveforms
// (with their fades, gain and offline state), and the mouse edits on
// them. A drag shows where the clip will go and lands in the model as one
// undo step when the button is released: the body moves the clip (onto
// another lane too), the edges trim it, the top corners' handles set the
// fades. A click on empty lane moves the playhead there.
//
// Message thread only.
#pragma once

#include "Session/SessionDocument.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <optional>

namespace crest
{
class ArrangeView;

class TrackLane : public juce::Component
{
public:
    TrackLane (ArrangeView& arrange, juce::ValueTree track);

    const juce::ValueTree& track() const noexcept { return trackTree; }
    void setColour (juce::Colour c) { colour = c; repaint(); }

    // What a drag at a point would do, for the cursor and the tests.
    enum class Zone
    {
        none,
        body,
        startEdge,
        endEdge,
        fadeIn,
        fadeOut
    };
    Zone zoneAt (juce::Point<int> position, juce::ValueTree& clipUnder) const;
    juce::Rectangle<float> clipBounds (const ClipDocument& clip) const;

    void paint (juce::Graphics&) override;
    void mouseMove (const juce::MouseEvent&) override;
    void mouseDown (const juce::MouseEvent&) override;
    void mouseDrag (const juce::MouseEvent&) override;
    void mouseUp (const juce::MouseEvent&) override;
    void mouseWheelMove (const juce::MouseEvent&, const juce::MouseWheelDetails&) override;

private:
    void drawClip (juce::Graphics&, const juce::ValueTree& clip, const ClipDocument& doc, bool preview) const;
    void drawWaveform (juce::Graphics&, const ClipDocument& doc, juce::Rectangle<float> area, juce::Colour wave) const;

    ArrangeView& arrange;
    juce::ValueTree trackTree;
    juce::Colour colour;

    struct Drag
    {
        Zone zone = Zone::none;
        juce::ValueTree clip;
        ClipDocument original, preview;
        juce::ValueTree destination;   // the lane it is dragged onto
        bool moved = false;
    };
    Drag drag;
};
} // namespace crest
