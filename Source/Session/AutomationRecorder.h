// Records control moves into automation lanes while the transport plays,
// the way the lane's mode says (as in Pro Tools, Ardour, REAPER):
//  - touch: from grabbing a control until letting go; the lane then
//    returns to what it held before;
//  - latch: from grabbing a control until the transport stops, holding
//    the last value after letting go;
//  - write: every lane in write mode, from play to stop, with whatever
//    value its control has.
// Read and off lanes are never written (in read mode the lane overrides
// the control). Each move replaces the lane's points between the last
// recorded time and now. Message thread; the GUI calls it from its
// controls, and tests drive it directly.
#pragma once

#include "SessionModel.h"

#include <vector>

namespace crest
{
class AutomationRecorder
{
public:
    explicit AutomationRecorder (SessionModel& model);

    void transportStarted (int64_t time);
    void transportStopped (int64_t time);

    // A control grabbed, moved and let go at timeline `time` with `value`
    // in the parameter's unit. touch() returns whether the lane records.
    bool touch (juce::ValueTree channel, const juce::String& parameter, int64_t time, double value);
    void move (juce::ValueTree channel, const juce::String& parameter, int64_t time, double value);
    void release (juce::ValueTree channel, const juce::String& parameter, int64_t time);

    bool isRecording (const juce::ValueTree& channel, const juce::String& parameter) const;

    // The value a channel's control holds now, in the parameter's unit.
    static double controlValue (const juce::ValueTree& channel, const juce::String& parameter);

private:
    struct Pass
    {
        juce::ValueTree channel;
        juce::String parameter;
        AutomationLane before;     // the lane as it was, for touch's return
        int64_t last = 0;          // the last time written
        double value = 0.0;
        bool held = false;
    };
    Pass* find (const juce::ValueTree& channel, const juce::String& parameter);
    void write (Pass& pass, int64_t time, double value);
    void finish (Pass& pass, int64_t time, bool returnToLane);

    SessionModel& model;
    std::vector<Pass> passes;
    bool rolling = false;
};
} // namespace crest
