// The master strip at the right of the mixer: the mix bus's channel-strip
// button, its fader (written to the session's mixBusFaderDb, undoable) and
// the bus's stereo meter,
// drawn wider than a track strip so the eye finds it.
//
// Message thread only. updateMeter() is called by the mixer's timer.
#pragma once

#include "GainFader.h"
#include "LevelMeter.h"
#include "StripButton.h"

#include "Session/SessionModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace crest
{
class SessionPlayer;

class MixBusStrip : public juce::Component, private juce::ValueTree::Listener
{
public:
    explicit MixBusStrip (SessionModel& model, SessionPlayer* player = nullptr);
    ~MixBusStrip() override;

    void updateMeter (SessionPlayer& player);
    void resetMeter() { meter.reset(); }

    void paint (juce::Graphics&) override;
    void resized() override;
    void mouseDown (const juce::MouseEvent&) override;   // on the peak readout: clears it

    static constexpr int preferredWidth = 132;

private:
    void valueTreePropertyChanged (juce::ValueTree&, const juce::Identifier&) override;
    void valueTreeRedirected (juce::ValueTree&) override { refreshFromModel(); }
    void refreshFromModel();

    SessionModel& model;
    juce::ValueTree session;
    juce::Label title;
    juce::Label peakLabel, truePeakLabel;
    StripButton stripButton;
    GainFader fader;
    LevelMeter meter;
    float peakHoldDb = -200.0f;       // the loudest sample peak since the last click, for the readout
    float truePeakHoldDb = -200.0f;   // and the loudest true peak
};
} // namespace crest
