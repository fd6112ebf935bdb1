// The line at the bottom of the window: audio device status (or why there
// is none) on the left, offline media warnings in amber on the right, and
// short messages from the app ("Saved …") that fade after a few seconds.
//
// Message thread only.
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <string>
#include <vector>

namespace crest
{
class StatusBar : public juce::Component, private juce::Timer
{
public:
    StatusBar();

    void setDeviceStatus (const juce::String& text, bool ok);
    // Offline media first; otherwise what plays but not as it should.
    void setMediaProblems (const std::vector<std::string>& problems, const std::vector<std::string>& warnings = {});
    // A transient message, shown in place of the device status for a while.
    void flash (const juce::String& message);

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void timerCallback() override;

    juce::String deviceText;
    bool deviceOk = false;
    juce::Label leftLabel, rightLabel;
    std::vector<std::string> shownProblems, shownWarnings;
};
} // namespace crest
