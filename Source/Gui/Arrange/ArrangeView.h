// The arrange view: a row per track (header and lane of clips) under a
// ruler, zoomed and scrolled on one TimelineScale, with the playhead over
// them. It holds the selection (a clip, or a track) and the edits that act
// on it from the keyboard and menus: split at the playhead, duplicate,
// delete, add a track. Rows are rebuilt (once, asynchronously) when tracks
// come, go or move; a clip's edit repaints only its lane.
//
// Message thread only. updatePlayhead() is called from the app's timer.
#pragma once

#include "AutomationLaneView.h"
#include "TimelineRuler.h"
#include "TimelineScale.h"
#include "TrackHeader.h"
#include "TrackLane.h"
#include "WaveformCache.h"

#include "Session/SessionModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace crest
{
class MediaPool;
class SessionPlayer;

class ArrangeView : public juce::Component,
                    private juce::ValueTree::Listener,
                    private juce::AsyncUpdater,
                    private juce::ScrollBar::Listener
{
public:
    ArrangeView (SessionModel& model, SessionPlayer& player, MediaPool& media);
    ~ArrangeView() override;

    SessionModel& model() noexcept { return sessionModel; }
    const TimelineScale& scale() const noexcept { return timeline; }
    WaveformCache& waveforms() noexcept { return waveformCache; }
    // A session was opened or started (file empty: untitled): waveforms
    // are cached beside it, and the view zooms to show all of it.
    void sessionOpened (const std::filesystem::path& file);

    void updatePlayhead();

    // What a lane needs to know about a clip's media (resolved once).
    struct ClipMedia
    {
        std::filesystem::path playable;
        std::string identity;
        bool online = false;
        int64_t frames = 0;   // of the playable file
    };
    ClipMedia mediaFor (const std::string& file);

    // Selection.
    void selectClip (const juce::ValueTree& clip);
    void selectTrack (const juce::ValueTree& track);
    bool isSelected (const juce::ValueTree& clip) const { return clip.isValid() && clip == selectedClip; }
    const juce::ValueTree& selectedClipTree() const noexcept { return selectedClip; }
    const juce::ValueTree& selectedTrackTree() const noexcept { return selectedTrack; }

    // Edits on the selection, each one undo step; false if nothing to do.
    bool splitAtPlayhead();
    bool duplicateSelection();
    bool deleteSelection();
    void addTrack();

    // Zoom (> 1 in) around the playhead, or to show the whole session.
    void zoomBy (double factor);
    void zoomToFit();
    void seek (int64_t sample);

    // For the lanes: the clip being dragged as it will land.
    struct Ghost
    {
        juce::ValueTree clip, track;
        ClipDocument clipDocument;
    };
    const Ghost* ghost() const noexcept { return dragGhost ? &*dragGhost : nullptr; }
    void showGhost (const juce::ValueTree& clip, const juce::ValueTree& track, const ClipDocument& where);
    void clearGhost();
    TrackLane* laneAt (juce::Point<int> screenPosition) const;
    TrackLane* laneFor (const juce::ValueTree& track) const;
    AutomationLaneView* automationLaneFor (const juce::ValueTree& track, const juce::String& parameter) const;
    // Adds a lane for `parameter` (a flat line at the control's value, in
    // read mode) if the track has none: one undo step.
    void showAutomation (const juce::ValueTree& track, const juce::String& parameter);
    // Where a track dragged by its header would go: the track index whose
    // row holds the screen point (the last if below them all).
    int trackIndexAt (juce::Point<int> screenPosition) const;
    // A sample moved to the beat grid when snapping is on (shift: off for this drag).
    int64_t snap (int64_t sample, const juce::ModifierKeys& mods) const;
    void paintGrid (juce::Graphics&, const juce::Component& lane) const;
    // Ctrl + wheel zooms, shift + wheel (or a sideways wheel) scrolls; true if used.
    bool wheel (const juce::MouseEvent&, const juce::MouseWheelDetails&);

    void paint (juce::Graphics&) override;
    void resized() override;

    static constexpr int headerWidth = 190;
    static constexpr int rowHeight = 78;
    static constexpr int rulerHeight = 30;
    static constexpr int automationHeight = 58;

private:
    struct Row
    {
        std::unique_ptr<TrackHeader> header;
        std::unique_ptr<TrackLane> lane;
        std::vector<std::unique_ptr<AutomationLaneView>> automation;   // under the track, one per lane it has
    };

    // The playhead, and where a dragged track will land: a line in amber
    // that the mouse passes through.
    class AccentLine : public juce::Component
    {
    public:
        AccentLine() { setInterceptsMouseClicks (false, false); }
        void paint (juce::Graphics&) override;
    };

    void rebuildRows();
    void layoutRows();
    void timelineChanged();
    void updateScrollBar();
    int laneWidth() const;
    MusicalTime musicalTime() const;
    int64_t timelineLength() const;
    void refreshSelectionLook();

    void handleAsyncUpdate() override { rebuildRows(); }
    void scrollBarMoved (juce::ScrollBar*, double newRangeStart) override;
    void valueTreePropertyChanged (juce::ValueTree&, const juce::Identifier&) override;
    void valueTreeChildAdded (juce::ValueTree& parent, juce::ValueTree& child) override;
    void valueTreeChildRemoved (juce::ValueTree& parent, juce::ValueTree& child, int) override;
    void valueTreeChildOrderChanged (juce::ValueTree& parent, int, int) override;
    void valueTreeRedirected (juce::ValueTree&) override { triggerAsyncUpdate(); }
    void repaintLaneOf (const juce::ValueTree& tree);

    SessionModel& sessionModel;
    SessionPlayer& player;
    MediaPool& media;
    juce::ValueTree session;
    TimelineScale timeline;
    WaveformCache waveformCache;
    std::map<std::string, ClipMedia> resolved;   // by file, at resolvedRate
    double resolvedRate = 0.0;

    TimelineRuler ruler { timeline };
    juce::Viewport viewport;
    juce::Component rowHolder;
    std::vector<Row> rows;
    juce::ScrollBar horizontal { false };
    AccentLine playhead, dropMarker;
    juce::TextButton addTrackButton { "+ Track" }, snapButton { "Snap" }, fitButton { "Fit" };
    juce::Label emptyLabel, waveformStatus;

    juce::ValueTree selectedClip, selectedTrack;
    std::optional<Ghost> dragGhost;
    int64_t shownPosition = -1;
    bool fittedOnce = false;
};
} // namespace crest
