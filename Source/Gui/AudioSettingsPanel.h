// Audio settings: the driver (ALSA or JACK), the output device and the
// buffer size, applied as they are chosen; the sample rate is the
// session's and is shown, not chosen. What the device reports (its name,
// rate, buffer and latency, or why it would not open) is written below.
//
// Message thread only.
#pragma once

#include <juce_audio_devices/juce_audio_devices.h>
#include <juce_gui_basics/juce_gui_basics.h>

namespace crest
{
class AudioSettingsPanel : public juce::Component, private juce::ChangeListener
{
public:
    AudioSettingsPanel (juce::AudioDeviceManager& devices, double sessionRate);
    ~AudioSettingsPanel() override;

    void resized() override;
    void paint (juce::Graphics&) override;

private:
    void refresh();
    void changeListenerCallback (juce::ChangeBroadcaster*) override { refresh(); }

    juce::AudioDeviceManager& devices;
    double sessionRate;
    juce::Label typeLabel, deviceLabel, bufferLabel, status;
    juce::ComboBox typeBox, deviceBox, bufferBox;
};
} // namespace crest
