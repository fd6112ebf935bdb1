#include "StatusBar.h"

#include "CrestLookAndFeel.h"

namespace crest
{
StatusBar::StatusBar()
{
    for (auto* l : { &leftLabel, &rightLabel })
    {
        l->setFont (juce::Font (12.5f));
        l->setMinimumHorizontalScale (0.8f);
        addAndMakeVisible (l);
    }
    rightLabel.setJustificationType (juce::Justification::centredRight);
    rightLabel.setColour (juce::Label::textColourId, colours::accent);
}

void StatusBar::setDeviceStatus (const juce::String& text, bool ok)
{
    deviceText = text;
    deviceOk = ok;
    if (! isTimerRunning())
        timerCallback();
}

void StatusBar::setMediaProblems (const std::vector<std::string>& problems, const std::vector<std::string>& warnings)
{
    if (problems == shownProblems && warnings == shownWarnings)
        return;
    shownProblems = problems;
    shownWarnings = warnings;
    if (problems.empty() && ! warnings.empty())
    {
        juce::StringArray lines;
        for (const auto& w : warnings)
            lines.add (juce::String::fromUTF8 (w.c_str()));
        rightLabel.setText (juce::String::fromUTF8 ("\xe2\x9a\xa0 ") + lines[0] + (warnings.size() > 1 ? juce::String::fromUTF8 (" \xe2\x80\xa6") : juce::String()),
                            juce::dontSendNotification);
        rightLabel.setTooltip (lines.joinIntoString ("\n"));
        return;
    }
    if (problems.empty())
    {
        rightLabel.setText ({}, juce::dontSendNotification);
        rightLabel.setTooltip ({});
        return;
    }
    juce::StringArray lines;
    for (const auto& p : problems)
        lines.add (juce::String (p));
    const auto summary = problems.size() == 1 ? "Offline media: " + lines[0]
                                              : juce::String ((int) problems.size()) + " media files offline: " + lines[0] + " …";
    rightLabel.setText (juce::String::fromUTF8 ("\xe2\x9a\xa0 ") + summary, juce::dontSendNotification);
    rightLabel.setTooltip (lines.joinIntoString ("\n"));
}

void StatusBar::flash (const juce::String& message)
{
    leftLabel.setText (message, juce::dontSendNotification);
    leftLabel.setColour (juce::Label::textColourId, colours::text);
    startTimer (4000);
}

void StatusBar::timerCallback()
{
    stopTimer();
    leftLabel.setText (deviceText, juce::dontSendNotification);
    leftLabel.setColour (juce::Label::textColourId, deviceOk ? colours::textDim : colours::mute.brighter (0.25f));
}

void StatusBar::paint (juce::Graphics& g)
{
    g.fillAll (colours::panel);
    g.setColour (colours::outline);
    g.drawHorizontalLine (0, 0.0f, (float) getWidth());
}

void StatusBar::resized()
{
    auto area = getLocalBounds().reduced (10, 0);
    const int half = area.getWidth() / 2;
    leftLabel.setBounds (area.removeFromLeft (half));
    rightLabel.setBounds (area);
}
} // namespace crest
