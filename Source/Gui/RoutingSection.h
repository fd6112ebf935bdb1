// The routing part of a mixer strip, between its strip button and its
// fader: where the channel's output goes (a menu of the mix bus and every
// bus that would not make a loop) and one bar per send, showing the bus
// and its level. Drag a bar to set the level, double-click for -inf,
// right-click for pre/post-fader, pan and removal. A refused route says
// why in an alert, and nothing changes.
//
// Message thread only; follows its channel's tree, so undo moves it.
#pragma once

#include "Session/SessionModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>
#include <vector>

namespace crest
{
class RoutingSection : public juce::Component, private juce::ValueTree::Listener
{
public:
    RoutingSection (SessionModel& model, juce::ValueTree channel);
    ~RoutingSection() override;

    // Height for this many sends.
    static int heightFor (int sends) { return 24 + sends * 20; }
    int sendCount() const noexcept { return (int) sendBars.size(); }

    void resized() override;

private:
    void valueTreePropertyChanged (juce::ValueTree&, const juce::Identifier&) override;
    void valueTreeChildAdded (juce::ValueTree&, juce::ValueTree&) override { refreshOutputs(); }
    void valueTreeChildRemoved (juce::ValueTree&, juce::ValueTree&, int) override { refreshOutputs(); }
    void rebuildSends();
    void refreshOutputs();
    void refreshSendValues();
    void showSendMenu (const juce::String& busId);

    SessionModel& model;
    juce::ValueTree channel, session;
    juce::ComboBox output;
    juce::StringArray outputIds;   // by menu item, "" for the mix bus
    std::vector<juce::String> sendBuses;
    std::vector<std::unique_ptr<juce::Slider>> sendBars;
};
} // namespace crest
