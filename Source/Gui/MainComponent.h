// The window's content: transport bar on top, mixer in the middle, status
// bar at the bottom. Owns the one 30 Hz timer that drives meters, the
// playhead display and the player's garbage collection, so the GUI has a
// single heartbeat.
//
// Message thread only.
#pragma once

#include "MixerView.h"
#include "StatusBar.h"
#include "TransportBar.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace crest
{
class SessionPlayer;

class MainComponent : public juce::Component, private juce::Timer
{
public:
    MainComponent (SessionModel& model, SessionPlayer& player);
    ~MainComponent() override;

    TransportBar& transport() noexcept { return transportBar; }
    StatusBar& status() noexcept { return statusBar; }
    MixerView& mixer() noexcept { return mixerView; }

    // Re-reads the device state and media problems (after open/new/device change).
    void refreshStatus();

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void timerCallback() override;

    SessionModel& model;
    SessionPlayer& player;
    TransportBar transportBar;
    MixerView mixerView;
    StatusBar statusBar;
    juce::TooltipWindow tooltips { this, 600 };
    int ticks = 0;
};
} // namespace crest
