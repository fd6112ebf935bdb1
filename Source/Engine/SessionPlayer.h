// Live playback of a SessionModel: listens to the model, recompiles the
// render plan on structural edits (tracks, clips, sample rate, pan law),
// passes parameter moves (fader, trim, pan, mute, solo) straight to the
// runtimes' atomics, and drives the Engine from an audio device (ALSA or
// JACK through juce::AudioDeviceManager). With no device it stays usable:
// deviceProblem() says why, and the session can still be rendered.
//
// Every public function: message thread. The device callback is the audio
// thread and only calls Engine::process().
#pragma once

#include "Analysis/LiveLoudness.h"
#include "Core/StripParameters.h"
#include "Engine.h"
#include "PlanBuilder.h"
#include "Session/SessionModel.h"

#include <juce_audio_devices/juce_audio_devices.h>

#include <map>
#include <optional>
#include <string>

namespace crest
{
class SessionPlayer : private juce::ValueTree::Listener, private juce::AudioIODeviceCallback
{
public:
    SessionPlayer (SessionModel& model, MediaPool& media, PlanBuilder::Options options = {}, EngineOptions engineOptions = {});
    ~SessionPlayer() override;

    // Opens the default output (or the named device type: "ALSA", "JACK").
    // Returns "" on success, else a message for the user.
    // `savedState` (from AudioDeviceManager::createStateXml, the app's
    // settings) picks the device and buffer when no type is named; the
    // rate always follows the session.
    juce::String openAudioDevice (const juce::String& deviceType = {}, const juce::XmlElement* savedState = nullptr);
    void closeAudioDevice();
    bool hasAudioDevice() const;
    // Why live playback is impaired, or "" (no device, or one at the wrong rate).
    juce::String deviceProblem() const;
    juce::String deviceDescription() const;
    juce::AudioDeviceManager& deviceManager() noexcept { return devices; }

    void play();
    void stop();
    // Told when play() or stop() is asked for, with the playhead then
    // (automation recording starts and ends its passes here).
    std::function<void (bool playing, int64_t position)> onTransportChange;
    void returnToStart();
    void seek (int64_t sample);
    bool isPlaying() const noexcept;

    // The loop range (timeline samples) and whether playback loops in it.
    void setLoopRange (int64_t start, int64_t end);
    void setLooping (bool shouldLoop);
    bool isLooping() const noexcept { return looping; }
    int64_t loopStart() const noexcept { return loopFrom; }
    int64_t loopEnd() const noexcept { return loopTo; }

    // For the transport bar: the share of the device's buffer time the
    // callback takes (0..1), and dropouts since the device opened (the
    // device's own xruns, and blocks whose clip audio was not loaded in time).
    double dspLoad() const;
    int64_t dropouts() const;
    int64_t position() const noexcept;
    double sampleRate() const { return model.sampleRate(); }

    // Recompiles and publishes a plan now (edits do this by themselves).
    void rebuild();
    // Frees plans the audio thread has let go of; call from a timer.
    void collectGarbage();

    // A track's or bus's runtime (meters, gain reduction), by id.
    std::shared_ptr<ChannelRuntime> runtimeFor (const juce::String& channelId) const;
    std::shared_ptr<BusRuntime> mixBus() const { return builder.mixBus(); }
    // The master chain as it runs (meters, modules' gain reduction).
    std::shared_ptr<MasterRuntime> master() const { return builder.master(); }
    // Offline media found when compiling, and files that failed while
    // streaming (deleted or changed under us), one line each.
    std::vector<std::string> mediaProblems() const;
    // What plays, but not as it should: extra channels dropped, NaN or Inf
    // in a file (played as silence), a node muted for producing them.
    // Message thread; call from a timer.
    std::vector<std::string> playbackWarnings();
    // The clips the streamer serves now, with their timeline places.
    std::vector<StreamPlacement> streamPlacements() const { return builder.placements(); }
    // How far the output lags the transport, in samples (the graph's and
    // the master chain's latency, compensated everywhere inside).
    int latencySamples() const noexcept { return builder.latencySamples(); }
    Engine& engine() noexcept { return audioEngine; }

    // The live loudness of the mix bus and the master (fed by the engine
    // while playing). updateMeters() drains what was played into them and
    // hands the loudness match to the monitor; call it from a timer.
    const LiveLoudness& loudness() const noexcept { return liveLoudness; }
    void updateMeters();
    // Each channel's compressor's (or gate's) deepest gain reduction (dB,
    // >= 0) over the last updateMeters() interval, for the mixer and the
    // editors.
    float gainReductionDb (const juce::String& channelId, StripModule module = StripModule::compressor) const;
    // A master module's deepest gain reduction (dB, >= 0) over the same
    // interval, by the module's id: one value for a limiter, one per band
    // for a multiband, none for the rest. The Master view's scopes and the
    // module pages share it (the modules' meters are read once).
    std::vector<float> masterReductionDb (const juce::String& moduleId) const;
    void restartLoudness();
    DiskStreamer& streamer() noexcept { return diskStreamer; }

    // Reference tracks. Which one the monitor's Reference source plays (by
    // id; it follows the reference through edits), and each one's
    // loudness as measured (ReferenceAnalysis, off this thread): with the
    // mix's live loudness it sets the reference's match, the gain that
    // brings it to the loudness the mix and the matched master play at.
    void monitorReference (const std::string& id);
    const std::string& monitoredReference() const noexcept { return selectedReference; }
    void setReferenceLoudness (const std::string& id, double lufs);   // NaN: not measured
    // The match in dB, once both loudnesses are known.
    std::optional<double> referenceMatchDb (const std::string& id) const;

private:
    void rebuildUnlessLoading();
    void valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier& property) override;
    void valueTreeChildAdded (juce::ValueTree& parent, juce::ValueTree& child) override;
    void valueTreeChildRemoved (juce::ValueTree& parent, juce::ValueTree& child, int index) override;
    void valueTreeChildOrderChanged (juce::ValueTree& parent, int oldIndex, int newIndex) override;
    void valueTreeRedirected (juce::ValueTree& tree) override;

    void audioDeviceIOCallbackWithContext (const float* const* inputs, int numInputs, float* const* outputs, int numOutputs,
                                           int numSamples, const juce::AudioIODeviceCallbackContext& context) override;
    void audioDeviceAboutToStart (juce::AudioIODevice* device) override;
    void audioDeviceStopped() override;

    SessionModel& model;
    PlanBuilder builder;
    DiskStreamer diskStreamer;
    LiveLoudness liveLoudness;   // before the engine, which pushes into it
    Engine audioEngine;
    juce::AudioDeviceManager devices;
    juce::String lastDeviceProblem;
    std::vector<std::string> streamWarnings;   // collected from the streamer, kept while the session is open
    std::string routingProblem;                // why the last edit could not be played, if it could not
    std::atomic<double> deviceRate { 0.0 };
    double lastLoudnessRate = 0.0;   // the rate the live meters measure at
    struct Reductions
    {
        float compressor = 0.0f, gate = 0.0f;
    };
    std::map<juce::String, Reductions> reductions;   // by channel id, from updateMeters()
    std::map<juce::String, std::vector<float>> masterReductions;   // by module id, from updateMeters()
    std::vector<std::string> planReferences;              // the ids, in the plan's order
    std::map<std::string, double> referenceLoudness;      // by id, LUFS
    std::string selectedReference;
    bool bringingReferenceIn = false;   // monitorReference rebuilding for it
    int64_t loopFrom = 0, loopTo = 0;
    bool looping = false;
    uint64_t underrunBlocksAtOpen = 0;
};
} // namespace crest
