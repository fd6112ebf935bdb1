// What the EQ editor's curve edits: eight bands of on, shape, frequency,
// gain and Q, wherever they live. A channel strip's EQ keeps them as
// "strip.eq.bandN.*" on its track (and its spectrum comes from the
// channel's analysis tap); the master chain's EQ as module values (its
// curve drawn for the mid, the side's beside it when they differ, and its
// spectrum from the master's output). One interface, so one curve view
// serves both.
//
// Message thread only.
#pragma once

#include "Session/SessionModel.h"

#include <juce_data_structures/juce_data_structures.h>

#include <memory>
#include <vector>

namespace crest
{
class SessionPlayer;

class EqBands
{
public:
    virtual ~EqBands() = default;

    // The tree whose changes move the curve, and whether a property is one of its bands'.
    virtual juce::ValueTree tree() const = 0;
    virtual bool concerns (const juce::Identifier& property) const = 0;

    virtual double value (int band, const char* field) const = 0;   // "on", "shape", "frequencyHz", "gainDb", "q"
    virtual void set (int band, const char* field, double v) = 0;
    virtual bool isOn() const = 0;
    virtual void switchOn() = 0;
    virtual void beginGesture (const juce::String& name) = 0;
    virtual double sampleRate() const = 0;

    // The response in dB at each frequency: the main curve, and a second
    // one (the master's side) or nothing.
    virtual void response (const std::vector<double>& hz, std::vector<double>& main, std::vector<double>& second) = 0;

    // The analyser's signal: listen (or stop), then new samples, mono.
    virtual void listen (bool on) = 0;
    virtual size_t drain (float* dest, size_t capacity) = 0;
};

// A track's, bus's or the mix bus's strip EQ (player may be null: no spectrum).
std::unique_ptr<EqBands> stripEqBands (SessionModel& model, juce::ValueTree owner, SessionPlayer* player);
// A master chain EQ module's.
std::unique_ptr<EqBands> masterEqBands (SessionModel& model, juce::ValueTree module, SessionPlayer* player);
} // namespace crest
