// The master at the right of the mixer, after the mix bus, until the app's
// Master view is designed: the chain button (the modules that are on; it
// opens the MasterChainEditor), the Mix / Master / Difference monitor
// switch with loudness matching and the match it applies, the live
// loudness of the master (momentary, short-term, integrated, LRA, true
// peak) beside the mix bus's integrated, a delivery target with its live
// pass or fail and a button that sets the limiter to reach it, and the
// master's meter.
//
// Message thread only. updateMeter() is called by the mixer's timer.
#pragma once

#include "Engine/MonitorPath.h"
#include "LevelMeter.h"
#include "MasterChainEditor.h"
#include "Mastering/SessionTarget.h"
#include "Mastering/TargetPresets.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <atomic>
#include <memory>
#include <thread>
#include <optional>

namespace crest
{
class SessionPlayer;

class MasterStrip : public juce::Component, private juce::ValueTree::Listener
{
public:
    MasterStrip (SessionModel& model, SessionPlayer& player);
    ~MasterStrip() override;

    void updateMeter();
    void resetMeter() { meter.reset(); }
    void openChainEditor();
    // Sets the chain's limiter so the master lands on the chosen target
    // (rendering the session in the background; one undoable step when
    // done). False if there is no loudness target chosen or it is busy.
    bool reachTarget();
    bool isReachingTarget() const noexcept { return reaching.load(); }
    void chooseTarget (const juce::String& key);
    // The chosen target's integrated loudness, if it has one.
    std::optional<double> targetLufs() const;
    // The chosen target's vinyl format, when it is a premaster for cutting.
    std::optional<VinylFormat> targetVinyl() const;
    MasterChainWindow* chainWindow() noexcept { return window.get(); }

    // The monitor source by button, as a user clicks it (for tests and shortcuts).
    void choose (MonitorSource source);
    // The one-key switch: Mix, Master, Reference (when one is chosen), Mix...
    void cycleMonitor();

    void paint (juce::Graphics&) override;
    void resized() override;

    static constexpr int preferredWidth = 184;

private:
    void refreshChainButton();
    void finishReaching (const SessionTargetResult& result, const std::string& problem);
    void refreshMonitorButtons();
    void valueTreePropertyChanged (juce::ValueTree&, const juce::Identifier&) override { refreshChainButton(); }
    void valueTreeChildAdded (juce::ValueTree&, juce::ValueTree&) override { refreshChainButton(); }
    void valueTreeChildRemoved (juce::ValueTree&, juce::ValueTree&, int) override { refreshChainButton(); }
    void valueTreeChildOrderChanged (juce::ValueTree&, int, int) override { refreshChainButton(); }
    void valueTreeRedirected (juce::ValueTree&) override { refreshChainButton(); }

    SessionModel& model;
    SessionPlayer& player;
    juce::ValueTree session;
    juce::Label title;
    juce::TextButton chainButton;
    juce::TextButton mixButton { "Mix" }, masterButton { "Master" }, differenceButton { "Diff" }, referenceButton { "Ref" };
    juce::ToggleButton matchToggle { "Match loudness" };
    juce::Label matchLabel;
    struct Readout
    {
        juce::Label name, value;
    };
    Readout momentary, shortTerm, integrated, range, truePeak, plr, correlation, mixIntegrated;
    juce::ComboBox targetMenu;
    juce::TextButton reachButton { "Reach target" };
    juce::Label verdict;
    std::thread worker;
    std::atomic<bool> reaching { false };
    std::atomic<double> reachProgress { 0.0 };
    LevelMeter meter;
    std::vector<TargetPreset> targets;
    std::unique_ptr<MasterChainWindow> window;
};
} // namespace crest
