// The strip editor's "Routing" page for a track or bus: its output, the
// track or bus that keys its compressor, every send in detail (level,
// pan, pre/post, remove, add), and its automation lanes (mode, points,
// remove, add a lane for any parameter). For the mix bus, only its lanes. A generic panel of labelled
// controls until the app's own views arrive; every change goes through
// the SessionModel, and a refused route explains itself.
//
// Message thread only. Follows the session tree, so undo updates it.
#pragma once

#include "Session/SessionModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>
#include <vector>

namespace crest
{
class RoutingPage : public juce::Component, private juce::ValueTree::Listener, private juce::AsyncUpdater
{
public:
    RoutingPage (SessionModel& model, juce::ValueTree channel);
    ~RoutingPage() override;

    void resized() override;
    void paint (juce::Graphics&) override;

private:
    void valueTreePropertyChanged (juce::ValueTree&, const juce::Identifier&) override;
    void valueTreeChildAdded (juce::ValueTree&, juce::ValueTree&) override { triggerAsyncUpdate(); }
    void valueTreeChildRemoved (juce::ValueTree&, juce::ValueTree&, int) override { triggerAsyncUpdate(); }
    void handleAsyncUpdate() override { rebuild(); }
    void rebuild();
    void addRouting (const juce::String& who, const std::vector<juce::String>& sends);
    void addAutomation (const std::vector<juce::String>& sends, bool mixBus);
    void refuseIfNeeded (const juce::String& problem);

    juce::Label& addLabel (const juce::String& text, bool heading = false);
    juce::ComboBox& addCombo();
    juce::Slider& addBar (double minimum, double maximum, double value);
    juce::TextButton& addButton (const juce::String& text);

    SessionModel& model;
    juce::ValueTree channel, session;
    // Rows of controls, laid out top to bottom; each row's components.
    std::vector<std::vector<juce::Component*>> rows;
    std::vector<std::unique_ptr<juce::Component>> owned;
    bool editing = false;   // a control of ours is moving: no rebuild under the mouse
};
} // namespace crest
