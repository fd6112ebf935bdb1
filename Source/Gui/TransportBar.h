// The strip across the top: return-to-start and play/stop buttons, the
// playhead time (mm:ss.mmm) over the session length, the monitor's dim and
// mono switches, the session's sample rate and the audio device in use. The buttons only call back (the
// window owns what play/stop means); refresh() pulls the state from the
// player, from the app's 30 Hz timer.
//
// Message thread only.
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace crest
{
class SessionPlayer;
class SessionModel;

class TransportBar : public juce::Component
{
public:
    TransportBar (SessionModel& model, SessionPlayer& player);

    std::function<void()> onPlayStop, onReturnToStart;

    void refresh();
    // The view tabs sit in the bar, between the monitor switches and the device.
    void setViewTabs (juce::Component& tabs);

    void paint (juce::Graphics&) override;
    void resized() override;

    static juce::String formatTime (int64_t samples, double sampleRate);

private:
    void updatePlayShape (bool playing);

    SessionModel& model;
    SessionPlayer& player;
    juce::ShapeButton returnButton { "Return to start", juce::Colours::white, juce::Colours::white, juce::Colours::white };
    juce::ShapeButton playButton { "Play", juce::Colours::white, juce::Colours::white, juce::Colours::white };
    juce::Label positionLabel, lengthLabel, rateLabel, deviceLabel, logoLabel;
    juce::TextButton dimButton { "DIM" }, monoButton { "MONO" };
    juce::Component* viewTabs = nullptr;
    bool shownPlaying = false;
    bool firstRefresh = true;
};
} // namespace crest
