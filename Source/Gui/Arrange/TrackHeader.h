// A track's header at the left of its lane: its colour, its name (double-
// click to rename), mute and solo, mono or stereo, and a menu (right-click
// or the "..." button) to rename, move, automate or remove the track.
// Dragging the header up or down moves the track. Every change
// goes through the SessionModel, so it is undoable, and the header follows
// the tree, so undo moves it back.
//
// Message thread only.
#pragma once

#include "Session/SessionModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace crest
{
class TrackHeader : public juce::Component, private juce::ValueTree::Listener
{
public:
    TrackHeader (SessionModel& model, juce::ValueTree track, int index);
    ~TrackHeader() override;

    const juce::ValueTree& track() const noexcept { return trackTree; }
    void setSelected (bool selected);

    std::function<void()> onSelect;
    // Dragged up or down by the header: where the mouse is now (screen
    // coordinates), and let go there.
    std::function<void (juce::Point<int> screen)> onDragMove, onDragDrop;
    std::function<void (const juce::String& parameter)> onShowAutomation;   // "faderDb", "pan", "trimDb", "send.<bus>.levelDb"

    void paint (juce::Graphics&) override;
    void resized() override;
    void mouseDown (const juce::MouseEvent&) override;
    void mouseDrag (const juce::MouseEvent&) override;
    void mouseUp (const juce::MouseEvent&) override;

private:
    void showMenu();
    void valueTreePropertyChanged (juce::ValueTree&, const juce::Identifier&) override;
    void refresh();

    SessionModel& model;
    juce::ValueTree trackTree;
    int index;
    juce::Colour colour;
    bool selected = false;
    bool dragging = false;
    juce::Label nameLabel;
    juce::TextButton muteButton { "M" }, soloButton { "S" }, menuButton { "..." };
    juce::Label channelsLabel;
};
} // namespace crest
