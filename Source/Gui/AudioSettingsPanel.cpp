#include "AudioSettingsPanel.h"

#include "CrestLookAndFeel.h"

namespace crest
{
AudioSettingsPanel::AudioSettingsPanel (juce::AudioDeviceManager& d, double rate) : devices (d), sessionRate (rate)
{
    setTitle ("Audio settings");
    for (auto [label, text] : { std::pair { &typeLabel, "Driver" }, std::pair { &deviceLabel, "Output" }, std::pair { &bufferLabel, "Buffer" } })
    {
        label->setText (text, juce::dontSendNotification);
        label->setColour (juce::Label::textColourId, colours::textDim);
        label->setJustificationType (juce::Justification::centredRight);
        addAndMakeVisible (*label);
    }
    typeBox.setTitle ("Driver");
    deviceBox.setTitle ("Output device");
    bufferBox.setTitle ("Buffer size");
    for (auto* box : { &typeBox, &deviceBox, &bufferBox })
        addAndMakeVisible (*box);
    status.setColour (juce::Label::textColourId, colours::text);
    status.setJustificationType (juce::Justification::topLeft);
    addAndMakeVisible (status);

    typeBox.onChange = [this] {
        devices.setCurrentAudioDeviceType (typeBox.getText(), true);
        auto setup = devices.getAudioDeviceSetup();
        setup.sampleRate = sessionRate;
        devices.setAudioDeviceSetup (setup, true);
        refresh();
    };
    deviceBox.onChange = [this] {
        auto setup = devices.getAudioDeviceSetup();
        setup.outputDeviceName = deviceBox.getText();
        setup.sampleRate = sessionRate;
        const auto error = devices.setAudioDeviceSetup (setup, true);
        refresh();
        if (error.isNotEmpty())
            status.setText ("Could not open " + deviceBox.getText() + ": " + error, juce::dontSendNotification);
    };
    bufferBox.onChange = [this] {
        auto setup = devices.getAudioDeviceSetup();
        setup.bufferSize = bufferBox.getSelectedId();
        devices.setAudioDeviceSetup (setup, true);
        refresh();
    };
    devices.addChangeListener (this);
    refresh();
    setSize (520, 260);
}

AudioSettingsPanel::~AudioSettingsPanel()
{
    devices.removeChangeListener (this);
}

void AudioSettingsPanel::refresh()
{
    typeBox.clear (juce::dontSendNotification);
    int id = 1;
    for (auto* type : devices.getAvailableDeviceTypes())
    {
        typeBox.addItem (type->getTypeName(), id);
        if (type->getTypeName() == devices.getCurrentAudioDeviceType())
            typeBox.setSelectedId (id, juce::dontSendNotification);
        ++id;
    }
    deviceBox.clear (juce::dontSendNotification);
    bufferBox.clear (juce::dontSendNotification);
    auto* device = devices.getCurrentAudioDevice();
    if (auto* type = devices.getCurrentDeviceTypeObject())
    {
        type->scanForDevices();
        id = 1;
        for (const auto& name : type->getDeviceNames (false))
        {
            deviceBox.addItem (name, id);
            if (device != nullptr && name == device->getName())
                deviceBox.setSelectedId (id, juce::dontSendNotification);
            ++id;
        }
    }
    if (device != nullptr)
    {
        for (int size : device->getAvailableBufferSizes())
            bufferBox.addItem (juce::String (size) + " samples (" + juce::String (1000.0 * size / sessionRate, 1) + " ms)", size);
        bufferBox.setSelectedId (device->getCurrentBufferSizeSamples(), juce::dontSendNotification);
        status.setText (device->getTypeName() + ": " + device->getName() + "\n" + juce::String (device->getCurrentSampleRate(), 0)
                            + " Hz (the session's " + juce::String (sessionRate, 0) + " Hz), "
                            + juce::String (device->getCurrentBufferSizeSamples()) + " samples, output latency "
                            + juce::String (1000.0 * device->getOutputLatencyInSamples() / device->getCurrentSampleRate(), 1) + " ms",
                        juce::dontSendNotification);
    }
    else
        status.setText ("No device open: choose a driver and an output. Crest still edits and renders without one.", juce::dontSendNotification);
}

void AudioSettingsPanel::paint (juce::Graphics& g)
{
    g.fillAll (colours::panel);
}

void AudioSettingsPanel::resized()
{
    auto area = getLocalBounds().reduced (16);
    for (auto [label, box] : { std::pair { &typeLabel, &typeBox }, std::pair { &deviceLabel, &deviceBox }, std::pair { &bufferLabel, &bufferBox } })
    {
        auto row = area.removeFromTop (28);
        label->setBounds (row.removeFromLeft (80));
        row.removeFromLeft (10);
        box->setBounds (row);
        area.removeFromTop (8);
    }
    status.setBounds (area);
}
} // namespace crest
