// The chorus editor's picture: each voice's delay over two turns of its
// LFO, left side solid, right side dashed, from the chorus's own
// Chorus::voiceDelayMs, so the base delay, the depth around it, the rate,
// the voices spread round the cycle and the width (how far the right
// side's voices run from the left's) are all seen at once.
//
// Message thread only.
#pragma once

#include "Session/SessionModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace crest
{
class ChorusSweepView : public juce::Component, private juce::ValueTree::Listener
{
public:
    ChorusSweepView (SessionModel& model, juce::ValueTree owner);
    ~ChorusSweepView() override;

    // What is drawn: voice `voice`'s delay (ms) on `side` at `seconds` into the sweep.
    double delayMsAt (double seconds, int voice, int side) const;
    double shownSeconds() const;   // two LFO turns
    int voices() const;

    void paint (juce::Graphics&) override;

private:
    double value (const char* field) const;
    void valueTreePropertyChanged (juce::ValueTree&, const juce::Identifier&) override;

    SessionModel& model;
    juce::ValueTree owner;
};
} // namespace crest
