// The Album view: the album on one timeline (AlbumTimeline), its loudness
// table (AlbumLoudnessTable), and the controls that shape how it plays:
// the loudness strategy and its target, and the streaming service whose
// normalisation the preview plays (its gains applied live).
//
// An edit shows at once: the timeline is laid out again from the model,
// and the player gets the new order, gaps and crossfades with the masters
// it already has. The album is then prepared again in the background
// (AlbumPreview: only what the edit changed is mastered again), and its
// loudness, strategy gains and limiting flags are refreshed when ready.
// jumpToTransition() (the window's PageDown / PageUp, or ] and [) moves
// the playhead to 3 s before the next or previous transition, to hear into it.
//
// Message thread only; update() is the app's 30 Hz heartbeat.
#pragma once

#include "AlbumLoudnessTable.h"
#include "AlbumTimeline.h"
#include "AlbumTrackInspector.h"

#include "Album/AlbumPreview.h"
#include "Gui/Arrange/WaveformCache.h"
#include "Mastering/TargetPresets.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <map>
#include <optional>

namespace crest
{
class AlbumWorkspace;

class AlbumView : public juce::Component, private juce::ValueTree::Listener, private juce::Timer
{
public:
    explicit AlbumView (AlbumWorkspace& workspace);
    ~AlbumView() override;

    // The album was opened or started: everything is laid out and prepared afresh.
    void albumOpened();
    void update();

    // The parts, for the GUI tests.
    AlbumTimeline& timeline() noexcept { return lanes; }
    AlbumLoudnessTable& table() noexcept { return loudness; }
    AlbumTrackInspector& trackInspector() noexcept { return inspector; }
    juce::ComboBox& serviceSelector() noexcept { return service; }
    juce::ComboBox& strategySelector() noexcept { return strategy; }
    // The layout shown (album rate), and the one playing (device rate).
    const AlbumLayout& shownLayout() const noexcept { return shown; }
    const AlbumLayout& playingLayout() const noexcept { return playing; }
    // The gain each track plays at now (strategy and service), in order.
    const std::vector<double>& playedGainsDb() const noexcept { return playedGains; }
    bool isPrepared() const noexcept { return prepared.has_value(); }
    juce::String statusText() const { return statusLabel.getText(); }

    void jumpToTransition (int direction);

    void resized() override;
    void paint (juce::Graphics&) override;

private:
    struct Master
    {
        std::string source;         // the track's source it was made from (an id may come back on another)
        double rate = 0;            // the rate it was made at (the device's when it was prepared)
        std::filesystem::path file;
        int channels = 2;
        int64_t frames = 0;         // at the playback rate
        double assemblerGainDb = 0; // the strategy's move, where it is a plain gain
        double strategyGainDb = 0;
        double limitingDb = 0;
        LoudnessReading inProgram {};
    };

    static std::string outlineIdentity (const Master& master);
    const Master* masterFor (const juce::ValueTree& track) const;   // the track's, if made from its source at the playback rate
    void relayout();                  // the timeline and the player, from the model and the masters in hand
    void takePrepared (AlbumPreviewResult result);
    void refreshTable();
    void applyStrategyControls();
    void showStrategy();
    std::vector<double> serviceGainsDb (int serviceIndex) const;   // per track in order; 0 without a service
    int64_t lengthAtAlbumRate (const juce::ValueTree& track);

    void valueTreePropertyChanged (juce::ValueTree&, const juce::Identifier&) override { modelChanged(); }
    void valueTreeChildAdded (juce::ValueTree&, juce::ValueTree&) override { modelChanged(); }
    void valueTreeChildRemoved (juce::ValueTree&, juce::ValueTree&, int) override { modelChanged(); }
    void valueTreeChildOrderChanged (juce::ValueTree&, int, int) override { modelChanged(); }
    void valueTreeRedirected (juce::ValueTree&) override { modelChanged(); }
    void modelChanged();
    void timerCallback() override;   // the debounced preparation

    AlbumWorkspace& workspace;
    std::vector<TargetPreset> services;   // those with a playback rule
    juce::Label titleLabel, positionLabel, strategyLabel, targetLabel, serviceLabel, statusLabel, hintLabel;
    juce::TextButton playButton { "Play" };
    juce::ComboBox strategy, anchor, service;
    juce::Slider target;
    double progressValue = 0;
    juce::ProgressBar progressBar { progressValue };
    AlbumTimeline lanes;
    AlbumTrackInspector inspector;
    AlbumLoudnessTable loudness;
    WaveformCache waveforms;

    std::optional<AlbumPreviewResult> prepared;
    std::map<std::string, Master> masters;          // by track id, from the last preparation
    std::map<std::string, int64_t> headerLengths;   // by source path, at the album's rate
    AlbumLayout shown, playing;
    std::vector<double> playedGains;
    juce::String layoutProblem;
    bool updatingControls = false;
    double preparedRate = 0;   // the playback rate the last preparation was asked at
};
} // namespace crest
