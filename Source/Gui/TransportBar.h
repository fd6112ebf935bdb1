// The strip across the top: return-to-start, play/stop and loop buttons,
// the playhead in time (mm:ss.mmm) and in bars and beats over the session
// length, the tempo and meter, the monitor's dim and mono switches, the
// view tabs, the session's sample rate, the audio device, its DSP load and
// the dropouts counted since it opened. The buttons only call back (the
// window owns what play/stop and loop mean); refresh() pulls the state
// from the player, from the app's 30 Hz timer.
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

    std::function<void()> onPlayStop, onReturnToStart, onLoop;

    void refresh();
    // The view tabs sit in the bar, between the monitor switches and the device.
    void setViewTabs (juce::Component& tabs);

    void paint (juce::Graphics&) override;
    void resized() override;

    static juce::String formatTime (int64_t samples, double sampleRate);
    // What the tempo field does with typed text ("96", "6/8", "140 7/8"): one undo step.
    void applyTempoText (const juce::String& text);

private:
    void updatePlayShape (bool playing);

    SessionModel& model;
    SessionPlayer& player;
    juce::ShapeButton returnButton { "Return to start", juce::Colours::white, juce::Colours::white, juce::Colours::white };
    juce::ShapeButton playButton { "Play", juce::Colours::white, juce::Colours::white, juce::Colours::white };
    juce::Label positionLabel, barsLabel, lengthLabel, tempoLabel, rateLabel, deviceLabel, loadLabel, logoLabel;
    juce::TextButton dimButton { "DIM" }, monoButton { "MONO" }, loopButton { "LOOP" };
    juce::Component* viewTabs = nullptr;
    bool shownPlaying = false;
    bool firstRefresh = true;
};
} // namespace crest
