// One track's or bus's strip in the mixer: name, pan, mute/solo, the
// channel-strip button (which modules are on; click to edit them), its
// routing (output and sends), fader and meter.
// Every control writes through the SessionModel (so edits are undoable and
// reach the engine), and the strip listens to its track's ValueTree so
// undo, redo and other editors move the controls.
//
// Message thread only. updateMeter() is called by the mixer's timer.
#pragma once

#include "GainFader.h"
#include "LevelMeter.h"
#include "RoutingSection.h"
#include "StripButton.h"
#include "Mixer/StripOverview.h"

#include "Session/SessionModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace crest
{
class SessionPlayer;

// A control grabbed (phase 0), moved (1) or let go (2): the channel, the
// parameter ("faderDb", "pan") and its value in its unit.
using ControlGestureHandler = std::function<void (const juce::ValueTree& channel, const juce::String& parameter, double value, int phase)>;

class ChannelStrip : public juce::Component, private juce::ValueTree::Listener
{
public:
    ChannelStrip (SessionModel& model, juce::ValueTree track, int index, SessionPlayer* player = nullptr);
    ~ChannelStrip() override;

    const juce::ValueTree& track() const noexcept { return trackTree; }
    StripButton& stripEditorButton() noexcept { return stripButton; }
    GainFader& gainFader() noexcept { return fader; }
    StripOverview& stripOverview() noexcept { return overview; }
    void updateMeter (SessionPlayer& player);
    void resetMeter() { meter.reset(); }

    void paint (juce::Graphics&) override;
    void resized() override;

    static constexpr int preferredWidth = 92;
    static inline const juce::Colour busColour { 0xff9aa3b5 };

    // Records fader and pan moves into automation while the transport
    // rolls (the lane's mode decides); null: no recording.
    ControlGestureHandler onControlGesture;

private:
    void valueTreePropertyChanged (juce::ValueTree&, const juce::Identifier&) override;
    void mouseDown (const juce::MouseEvent&) override;
    bool isBus() const { return trackTree.hasType (ids::BUS); }
    void refreshFromModel();
    static juce::String formatPan (double pan);

    SessionModel& model;
    juce::ValueTree trackTree;
    int placeIndex;
    juce::Colour colour;

    juce::Label nameLabel;
    juce::Label channelsLabel;
    juce::Slider panKnob { juce::Slider::RotaryHorizontalVerticalDrag, juce::Slider::NoTextBox };
    juce::Label panLabel;
    juce::TextButton muteButton { "M" }, soloButton { "S" };
    StripButton stripButton;
    StripOverview overview;
    juce::TextButton polarityButton { juce::CharPointer_UTF8 ("\xc3\x98") };
    juce::Slider trimBar { juce::Slider::LinearBar, juce::Slider::TextBoxBelow };
    RoutingSection routing;
    GainFader fader;
    LevelMeter meter;
    bool panDragging = false;
    bool panNewGesture = false;
};
} // namespace crest
