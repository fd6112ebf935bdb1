// The Master view's reference tracks: the list (each with its loudness
// and the match that plays it at the mix's level), Add and Remove, the
// alignment point and loop section of the chosen one, the master beside
// it figure by figure (crest ab's table) with both 1/3-octave long-term
// spectra overlaid, and the match: strengths for tone, loudness and width,
// a frequency range, and Match, which writes ordinary EQ bands, limiter
// gain and width into the chain as one undoable step.
// Choosing a reference makes it the one the monitor's Reference source
// plays. Measuring (references, the master) runs on a ComparisonWorker.
//
// Message thread only. update() is called from the app's timer.
#pragma once

#include "Mastering/ReferenceMatch.h"
#include "Render/ComparisonWorker.h"
#include "Session/ReferenceModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <map>
#include <memory>
#include <optional>

namespace crest
{
class SessionPlayer;

class ReferencePanel : public juce::Component, private juce::ListBoxModel, private juce::ValueTree::Listener
{
public:
    ReferencePanel (SessionModel& model, SessionPlayer& player, MediaPool& media);
    ~ReferencePanel() override;

    void update();

    // As Add... and a drop do: each file becomes a reference aligned at the
    // session's start; each is measured in the background.
    void addReferences (const std::vector<std::filesystem::path>& files);
    void select (int index);
    int selected() const noexcept { return chosen; }
    // Renders and measures the master in the background (after chain edits).
    void measureMaster();
    // The match of the master to the chosen reference (or all of them,
    // averaged), applied to the chain as one step: at once, or when it
    // compresses, once its dynamics are settled on the mix in the
    // background (isMatching() till then). False (and why, in the status)
    // when something is not measured yet.
    bool applyMatch();
    bool isMatching() const noexcept { return chainBeforeMatch.has_value(); }
    // The reference's alignment (session and reference seconds) and loop
    // section (reference seconds; end <= start: none), as one step each.
    void setAlignment (double sessionSeconds, double referenceSeconds);
    void setLoop (double fromSeconds, double toSeconds);
    // Loops the transport over the chosen reference's section (aligned to the session).
    void loopSection (bool on);

    const std::optional<FileAnalysis>& masterAnalysis() const noexcept { return master; }
    // Whether a reference or the master is still being measured.
    bool isMeasuring() const;
    const ReferenceAnalysis* analysisOf (const std::string& id) const;
    juce::String status() const { return statusLine.getText(); }
    // What the last Match wrote (or that it is settling), beside the button.
    juce::String matchResult() const { return matchSummary.getText(); }
    MatchOptions& matchOptions() noexcept { return options; }

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    int getNumRows() override;
    void paintListBoxItem (int row, juce::Graphics&, int width, int height, bool selected) override;
    void selectedRowsChanged (int lastRowSelected) override;

    void valueTreeChildAdded (juce::ValueTree&, juce::ValueTree& child) override;
    void valueTreeChildRemoved (juce::ValueTree&, juce::ValueTree& child, int) override;
    void valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier&) override;
    void valueTreeRedirected (juce::ValueTree&) override { refreshList(); }

    void sessionLoaded();
    void refreshList();
    void refreshFields();
    void chooseFiles();
    void setStatus (const juce::String& text, bool problem = false);
    void userActed();
    void writeMatch (const ReferenceMatch& match);
    void paintComparison (juce::Graphics&, juce::Rectangle<int> area) const;
    void paintSpectra (juce::Graphics&, juce::Rectangle<float> area) const;

    SessionModel& model;
    SessionPlayer& player;
    ReferenceModel references;
    ComparisonWorker worker;
    std::map<std::string, ReferenceAnalysis> analyses;   // by reference id
    std::optional<FileAnalysis> master;
    int chosen = -1;
    bool problemShown = false;
    MatchOptions options;
    std::optional<MasterChainDocument> chainBeforeMatch;   // while a match's dynamics settle

    juce::ListBox list;
    juce::TextButton addButton { "Add reference..." }, removeButton { "Remove" }, measureButton { "Measure master" };
    juce::Label sessionPointLabel, referencePointLabel, loopFromLabel, loopToLabel;
    juce::Label sessionPoint, referencePoint, loopFrom, loopTo;
    juce::TextButton alignHereButton { "At playhead" };
    juce::ToggleButton loopToggle { "Loop section" };
    juce::Slider tone, loudness, width, dynamics;
    juce::Label toneLabel, loudnessLabel, widthLabel, dynamicsLabel, rangeLabel, lowHz, highHz;
    juce::ToggleButton averageToggle { "Average all" };
    juce::TextButton matchButton { "Match" };
    juce::Label matchSummary, statusLine;
    juce::Rectangle<int> comparisonArea;
    std::unique_ptr<juce::FileChooser> chooser;
};
} // namespace crest
