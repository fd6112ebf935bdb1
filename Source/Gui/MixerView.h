// The mixer: a horizontally scrolling row of ChannelStrips, one per track
// then one per bus, with buttons to add aux and group buses, and the mix
// bus strip pinned at the right (the master has its own view). Strips are rebuilt (once,
// asynchronously) when tracks are added, removed, reordered or the whole
// session is replaced, so a session load's burst of tree callbacks costs
// one rebuild.
//
// Message thread only. updateMeters() is called from the app's 30 Hz timer.
#pragma once

#include "ChannelStrip.h"
#include "MixBusStrip.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <memory>
#include <vector>

namespace crest
{
class SessionPlayer;

class MixerView : public juce::Component, private juce::ValueTree::Listener, private juce::AsyncUpdater
{
public:
    explicit MixerView (SessionModel& model, SessionPlayer* player = nullptr);
    ~MixerView() override;

    void updateMeters (SessionPlayer& live);
    // Passed to every strip (see ChannelStrip::onControlGesture).
    void setControlGestureHandler (ControlGestureHandler handler);
    void resetMeters();
    // The strip of a track or bus by its place (tracks first), or null.
    ChannelStrip* strip (int index) const { return index >= 0 && index < (int) strips.size() ? strips[(size_t) index].get() : nullptr; }

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void rebuildStrips();
    void handleAsyncUpdate() override { rebuildStrips(); }
    void layoutStrips();

    void valueTreeChildAdded (juce::ValueTree& parent, juce::ValueTree&) override;
    void valueTreeChildRemoved (juce::ValueTree& parent, juce::ValueTree&, int) override;
    void valueTreeChildOrderChanged (juce::ValueTree& parent, int, int) override;
    void valueTreeRedirected (juce::ValueTree&) override { triggerAsyncUpdate(); }

    SessionModel& model;
    juce::ValueTree session;
    juce::Viewport viewport;
    juce::Component stripHolder;
    std::vector<std::unique_ptr<ChannelStrip>> strips;
    MixBusStrip mixBus;
    juce::Label emptyLabel;
    juce::TextButton addAux { "+ Aux bus" }, addGroup { "+ Group bus" };
    ControlGestureHandler controlGesture;
    SessionPlayer* player;
};
} // namespace crest
