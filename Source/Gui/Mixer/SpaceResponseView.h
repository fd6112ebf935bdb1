// The reverb's and the delay's picture: their impulse response as the
// strip's own module makes it, run with the strip's settings (wet only)
// on a background thread whenever a setting moves, drawn as the level of
// each side against time (dB below the loudest moment). The reverb's
// shows its pre-delay and the decay time measured from the response
// (T20 at 1 kHz, as a room is measured); the delay's each repeat and
// which side it comes back on. Nothing is drawn from a formula: what the
// picture shows is what the module does.
//
// Message thread, but for the response computed on the worker.
#pragma once

#include "Core/StripParameters.h"
#include "Session/SessionModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <array>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace crest
{
class SpaceResponseView : public juce::Component, private juce::ValueTree::Listener, private juce::AsyncUpdater
{
public:
    // `module` is StripModule::reverb or StripModule::delay.
    SpaceResponseView (SessionModel& model, juce::ValueTree owner, StripModule module);
    ~SpaceResponseView() override;

    struct Response
    {
        double sampleRate = 48000.0;
        int windowFrames = 48;                            // frames per envelope point
        std::array<std::vector<float>, 2> envelopeDb;     // per side, dB below the loudest window
        std::optional<double> decaySeconds;               // the reverb's T20, measured
        double preDelayMs = 0.0;
        double echoMs = 0.0;                              // the delay's time, as the module reads it
        double seconds() const { return envelopeDb[0].size() * (double) windowFrames / sampleRate; }
    };
    // The last response computed (empty until the first is done).
    Response response() const;
    // Waits until the response for the current settings is in (tests).
    bool waitForResponse (int timeoutMs);

    void paint (juce::Graphics&) override;

private:
    std::vector<double> settings() const;
    void request();
    void work();
    Response compute (const std::vector<double>& values) const;
    void handleAsyncUpdate() override { repaint(); }
    void valueTreePropertyChanged (juce::ValueTree&, const juce::Identifier&) override;

    SessionModel& model;
    juce::ValueTree owner;
    const StripModule which;
    const double sampleRate;

    mutable std::mutex lock;   // guards what follows, shared with the worker
    std::condition_variable wake;
    std::optional<std::vector<double>> pending;   // settings waiting to be computed
    Response latest;
    bool computing = false, quitting = false;
    std::thread worker;   // last: started once everything it uses exists
};
} // namespace crest
