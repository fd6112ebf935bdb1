#include "ArrangeView.h"

#include "Engine/SessionPlayer.h"
#include "Gui/CrestLookAndFeel.h"
#include "IO/MediaPool.h"
#include "Session/AutomationRecorder.h"

namespace crest
{
ArrangeView::ArrangeView (SessionModel& m, SessionPlayer& p, MediaPool& pool)
    : sessionModel (m), player (p), media (pool), session (m.state())
{
    setTitle ("Arrange");
    setDescription ("Tracks and their clips on the timeline");
    session.addListener (this);

    ruler.onSeek = [this] (int64_t sample) { seek (sample); };
    ruler.onLoopRange = [this] (int64_t start, int64_t end) {
        player.setLoopRange (snap (start, {}), snap (end, {}));
        updatePlayhead();
    };
    addAndMakeVisible (ruler);

    viewport.setViewedComponent (&rowHolder, false);
    viewport.setScrollBarsShown (true, false);
    viewport.setScrollOnDragMode (juce::Viewport::ScrollOnDragMode::never);
    addAndMakeVisible (viewport);

    horizontal.addListener (this);
    horizontal.setAutoHide (false);
    addAndMakeVisible (horizontal);
    addAndMakeVisible (playhead);
    addChildComponent (dropMarker);

    addTrackButton.setTooltip ("Add an empty stereo track");
    addTrackButton.onClick = [this] { addTrack(); };
    snapButton.setClickingTogglesState (true);
    snapButton.setToggleState (true, juce::dontSendNotification);
    snapButton.setColour (juce::TextButton::buttonOnColourId, colours::accent.withAlpha (0.6f));
    snapButton.setTooltip ("Snap clip moves and trims to the beat grid (hold Shift while dragging to move freely)");
    fitButton.setTooltip ("Zoom to show the whole session");
    fitButton.onClick = [this] { zoomToFit(); };
    for (auto* b : { &addTrackButton, &snapButton, &fitButton })
        addAndMakeVisible (*b);

    emptyLabel.setText ("No tracks yet. Drop audio files here (one track each), or use File > Import Audio.",
                        juce::dontSendNotification);
    emptyLabel.setJustificationType (juce::Justification::centred);
    emptyLabel.setColour (juce::Label::textColourId, colours::textDim);
    addChildComponent (emptyLabel);

    waveformStatus.setColour (juce::Label::textColourId, colours::textDim);
    waveformStatus.setFont (juce::Font (11.0f));
    waveformStatus.setJustificationType (juce::Justification::centredRight);
    addChildComponent (waveformStatus);
    waveformCache.onChange = [this] {
        const auto a = waveformCache.activity();
        waveformStatus.setVisible (a.file.isNotEmpty());
        if (a.file.isNotEmpty())
            waveformStatus.setText ("Drawing waveform of " + a.file + ": " + juce::String (juce::roundToInt (a.fraction * 100)) + " %"
                                        + (a.waiting > 0 ? " (" + juce::String (a.waiting) + " more)" : juce::String()),
                                    juce::dontSendNotification);
        for (auto& row : rows)
            row.lane->repaint();
    };

    rebuildRows();
}

ArrangeView::~ArrangeView()
{
    session.removeListener (this);
}

void ArrangeView::sessionOpened (const std::filesystem::path& file)
{
    waveformCache.setSessionFile (file);
    selectedClip = selectedTrack = {};
    fittedOnce = false;
    rebuildRows();
}

// ---- media ------------------------------------------------------------------

ArrangeView::ClipMedia ArrangeView::mediaFor (const std::string& file)
{
    if (resolvedRate != sessionModel.sampleRate())
    {
        resolved.clear();
        resolvedRate = sessionModel.sampleRate();
    }
    if (auto found = resolved.find (file); found != resolved.end())
        return found->second;
    const auto& source = media.resolve (file, sessionModel.sampleRate());
    ClipMedia clip { source.playable, source.identity, source.online, source.info.frames };
    resolved[file] = clip;
    return clip;
}

// ---- rows -------------------------------------------------------------------

void ArrangeView::rebuildRows()
{
    cancelPendingUpdate();
    rows.clear();
    resolved.clear();
    dragGhost.reset();
    for (int i = 0; i < sessionModel.numTracks(); ++i)
    {
        auto track = sessionModel.track (i);
        Row row;
        row.header = std::make_unique<TrackHeader> (sessionModel, track, i);
        row.header->onSelect = [this, track] { selectTrack (track); };
        row.header->onShowAutomation = [this, track] (const juce::String& parameter) { showAutomation (track, parameter); };
        row.header->onDragMove = [this] (juce::Point<int> screen) {
            const int to = trackIndexAt (screen);
            const auto& target = rows[(size_t) to].header;
            const auto local = getLocalArea (target.get(), target->getLocalBounds());
            dropMarker.setBounds (0, local.getY() - 1, getWidth(), 3);
            dropMarker.setVisible (true);
            dropMarker.toFront (false);
        };
        row.header->onDragDrop = [this, track] (juce::Point<int> screen) {
            dropMarker.setVisible (false);
            const int from = session.indexOf (track), to = trackIndexAt (screen);
            if (from >= 0 && to != from)
            {
                sessionModel.beginGesture ("Move track");
                sessionModel.moveTrack (from, to);
            }
        };
        for (const auto& lane : SessionModel::automationOf (track))
        {
            row.automation.push_back (std::make_unique<AutomationLaneView> (*this, track, juce::String (lane.parameter)));
            rowHolder.addAndMakeVisible (*row.automation.back());
        }
        row.lane = std::make_unique<TrackLane> (*this, track);
        row.lane->setColour (colours::forChannel (track, i));
        rowHolder.addAndMakeVisible (*row.header);
        rowHolder.addAndMakeVisible (*row.lane);
        rows.push_back (std::move (row));
    }
    if (selectedTrack.isValid() && ! selectedTrack.getParent().isValid())
        selectedTrack = {};
    if (selectedClip.isValid() && ! selectedClip.getParent().getParent().isValid())
        selectedClip = {};
    emptyLabel.setVisible (rows.empty());
    ruler.setMusicalTime (musicalTime());
    if (! fittedOnce && sessionModel.lengthSamples() > 0 && laneWidth() > 0)
    {
        fittedOnce = true;
        zoomToFit();
    }
    layoutRows();
    refreshSelectionLook();
    updateScrollBar();
}

void ArrangeView::layoutRows()
{
    const int width = viewport.getMaximumVisibleWidth();
    int y = 0;
    for (auto& row : rows)
    {
        row.header->setBounds (0, y, headerWidth, rowHeight);
        row.lane->setBounds (headerWidth, y, std::max (0, width - headerWidth), rowHeight);
        y += rowHeight;
        for (auto& lane : row.automation)
        {
            lane->setBounds (0, y, width, automationHeight);
            y += automationHeight;
        }
    }
    rowHolder.setSize (width, y);
}

TrackLane* ArrangeView::laneAt (juce::Point<int> screenPosition) const
{
    for (const auto& row : rows)
        if (row.lane->getScreenBounds().contains (screenPosition))
            return row.lane.get();
    return nullptr;
}

TrackLane* ArrangeView::laneFor (const juce::ValueTree& track) const
{
    for (const auto& row : rows)
        if (row.lane->track() == track)
            return row.lane.get();
    return nullptr;
}

int ArrangeView::trackIndexAt (juce::Point<int> screenPosition) const
{
    for (size_t i = 0; i < rows.size(); ++i)
    {
        auto bottom = rows[i].header->getScreenBounds().getBottom();
        if (! rows[i].automation.empty())
            bottom = rows[i].automation.back()->getScreenBounds().getBottom();
        if (screenPosition.y < bottom)
            return (int) i;
    }
    return std::max (0, (int) rows.size() - 1);
}

AutomationLaneView* ArrangeView::automationLaneFor (const juce::ValueTree& track, const juce::String& parameter) const
{
    for (const auto& row : rows)
        for (const auto& lane : row.automation)
            if (lane->track() == track && lane->parameter() == parameter)
                return lane.get();
    return nullptr;
}

void ArrangeView::showAutomation (const juce::ValueTree& track, const juce::String& parameter)
{
    if (SessionModel::laneOf (track, parameter))
        return;
    AutomationLane lane;
    lane.parameter = parameter.toStdString();
    lane.mode = AutomationMode::read;
    lane.points.push_back ({ 0, AutomationRecorder::controlValue (track, parameter), 0.0 });
    sessionModel.beginGesture ("Show " + parameter + " automation");
    sessionModel.setAutomation (track, lane);
}

void ArrangeView::repaintLaneOf (const juce::ValueTree& tree)
{
    auto track = tree.hasType (ids::CLIP) ? tree.getParent() : tree;
    if (auto* lane = laneFor (track))
        lane->repaint();
}

void ArrangeView::valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier& property)
{
    if (sessionModel.isLoading())
        return;
    if (tree.hasType (ids::CLIP))
    {
        repaintLaneOf (tree);
        updateScrollBar();
    }
    else if (tree.hasType (ids::TRACK) && property == ids::colour)
    {
        if (auto* lane = laneFor (tree))
            lane->setColour (colours::forChannel (tree, session.indexOf (tree)));
    }
    else if (tree.hasType (ids::TRACK) && property.toString().startsWith ("automation."))
    {
        // A lane's points or mode: repaint it; a lane added or removed: new rows.
        const auto parameter = property.toString().fromFirstOccurrenceOf ("automation.", false, false);
        auto* view = automationLaneFor (tree, parameter);
        if (view != nullptr && tree.hasProperty (property))
            view->refresh();
        else
            triggerAsyncUpdate();
    }
    else if (tree == session && (property == ids::tempoBpm || property == ids::meterNumerator || property == ids::meterDenominator
                                 || property == ids::sampleRate))
    {
        ruler.setMusicalTime (musicalTime());
        for (auto& row : rows)
            row.lane->repaint();
    }
}

void ArrangeView::valueTreeChildAdded (juce::ValueTree& parent, juce::ValueTree& child)
{
    if (parent == session && child.hasType (ids::TRACK))
        triggerAsyncUpdate();
    else if (parent.hasType (ids::TRACK))
    {
        repaintLaneOf (parent);
        updateScrollBar();
    }
}

void ArrangeView::valueTreeChildRemoved (juce::ValueTree& parent, juce::ValueTree& child, int)
{
    if (child == selectedClip)
        selectedClip = {};
    if (parent == session && child.hasType (ids::TRACK))
        triggerAsyncUpdate();
    else if (parent.hasType (ids::TRACK))
        repaintLaneOf (parent);
}

void ArrangeView::valueTreeChildOrderChanged (juce::ValueTree& parent, int, int)
{
    if (parent == session)
        triggerAsyncUpdate();
}

// ---- selection and edits ----------------------------------------------------

void ArrangeView::selectClip (const juce::ValueTree& clip)
{
    selectedClip = clip;
    selectedTrack = clip.getParent();
    refreshSelectionLook();
}

void ArrangeView::selectTrack (const juce::ValueTree& track)
{
    selectedClip = {};
    selectedTrack = track;
    refreshSelectionLook();
}

void ArrangeView::refreshSelectionLook()
{
    for (auto& row : rows)
    {
        row.header->setSelected (row.header->track() == selectedTrack);
        row.lane->repaint();
    }
}

bool ArrangeView::splitAtPlayhead()
{
    const auto at = player.position();
    std::vector<juce::ValueTree> targets;
    auto under = [at] (const juce::ValueTree& clip) {
        const auto doc = SessionModel::clipOf (clip);
        return at > doc.startSample && at < doc.startSample + doc.lengthSamples;
    };
    // The selected clip; else every clip under the playhead on the selected
    // track; else on every track (as REAPER splits items under the cursor).
    if (selectedClip.isValid() && under (selectedClip))
        targets.push_back (selectedClip);
    else
        for (int t = 0; t < sessionModel.numTracks(); ++t)
        {
            const auto track = sessionModel.track (t);
            if (selectedTrack.isValid() && track != selectedTrack)
                continue;
            for (const auto& clip : track)
                if (clip.hasType (ids::CLIP) && under (clip))
                    targets.push_back (clip);
        }
    bool split = false;
    for (auto& clip : targets)
    {
        if (! split)
            sessionModel.beginGesture ("Split clip");
        split = sessionModel.splitClipAt (clip, at).isValid() || split;
    }
    return split;
}

bool ArrangeView::duplicateSelection()
{
    if (! selectedClip.isValid())
        return false;
    auto copy = SessionModel::clipOf (selectedClip);
    copy.startSample += copy.lengthSamples;
    sessionModel.beginGesture ("Duplicate clip");
    selectClip (sessionModel.addClip (selectedClip.getParent(), copy));
    return true;
}

bool ArrangeView::deleteSelection()
{
    if (selectedClip.isValid())
    {
        auto track = selectedClip.getParent();
        sessionModel.beginGesture ("Delete clip");
        sessionModel.removeClip (track, track.indexOf (selectedClip));
        selectTrack (track);
        return true;
    }
    if (selectedTrack.isValid())
    {
        const int index = session.indexOf (selectedTrack);
        sessionModel.beginGesture ("Remove track");
        sessionModel.removeTrack (index);
        selectedTrack = {};
        return true;
    }
    return false;
}

void ArrangeView::addTrack()
{
    sessionModel.beginGesture ("Add track");
    const int at = selectedTrack.isValid() ? session.indexOf (selectedTrack) + 1 : -1;
    selectTrack (sessionModel.addTrack ("Track " + juce::String (sessionModel.numTracks() + 1), 2, at));
}

// ---- timeline ---------------------------------------------------------------

MusicalTime ArrangeView::musicalTime() const
{
    return { sessionModel.sampleRate(), (double) session.getProperty (ids::tempoBpm, 120.0),
             (int) session.getProperty (ids::meterNumerator, 4), (int) session.getProperty (ids::meterDenominator, 4) };
}

int64_t ArrangeView::timelineLength() const
{
    // Room after the last clip to drag things past it.
    return std::max<int64_t> ((int64_t) (sessionModel.sampleRate() * 30), sessionModel.lengthSamples() + (int64_t) (sessionModel.sampleRate() * 10));
}

int ArrangeView::laneWidth() const
{
    return std::max (0, getWidth() - headerWidth - viewport.getScrollBarThickness());
}

int64_t ArrangeView::snap (int64_t sample, const juce::ModifierKeys& mods) const
{
    if (! snapButton.getToggleState() || mods.isShiftDown())
        return sample;
    const auto time = musicalTime();
    // The finest grid that keeps 8 pixels between lines.
    double grid = time.samplesPerBeat();
    while (grid / timeline.samplesPerPixel < 8.0)
        grid *= 2.0;
    return (int64_t) std::llround (std::round ((double) sample / grid) * grid);
}

void ArrangeView::paintGrid (juce::Graphics& g, const juce::Component& lane) const
{
    const auto time = musicalTime();
    const double pixelsPerBar = time.samplesPerBar() / timeline.samplesPerPixel;
    const auto step = TimelineRuler::barStep (pixelsPerBar, 64.0);
    const auto clip = g.getClipBounds();
    const int64_t firstBar = (int64_t) (timeline.sampleAt ((float) clip.getX()) / time.samplesPerBar()) + 1;
    const int64_t lastBar = (int64_t) (timeline.sampleAt ((float) clip.getRight()) / time.samplesPerBar()) + 2;
    g.setColour (colours::outline.withAlpha (0.6f));
    for (int64_t bar = std::max<int64_t> (1, (firstBar - 1) / step * step + 1); bar <= lastBar; bar += step)
        g.drawVerticalLine ((int) timeline.xFor (time.sampleAtBar (bar)), 0.0f, (float) lane.getHeight());
}

bool ArrangeView::wheel (const juce::MouseEvent& e, const juce::MouseWheelDetails& w)
{
    if (e.mods.isCommandDown())
    {
        timeline.zoomAround ((float) e.getEventRelativeTo (&ruler).x, w.deltaY > 0 ? 1.25 : 0.8);
        timelineChanged();
        return true;
    }
    const float sideways = e.mods.isShiftDown() ? w.deltaY : w.deltaX;
    if (sideways != 0.0f)
    {
        timeline.firstSample = std::max (0.0, timeline.firstSample - (double) sideways * 400.0 * timeline.samplesPerPixel);
        timelineChanged();
        return true;
    }
    return false;
}

void ArrangeView::zoomBy (double factor)
{
    const float x = juce::jlimit (0.0f, (float) laneWidth(), timeline.xFor (player.position()));
    timeline.zoomAround (x, factor);
    timelineChanged();
}

void ArrangeView::zoomToFit()
{
    const auto length = std::max<int64_t> (sessionModel.lengthSamples(), (int64_t) sessionModel.sampleRate() * 10);
    if (laneWidth() <= 0)
        return;
    timeline.samplesPerPixel = juce::jlimit (TimelineScale::minSamplesPerPixel, TimelineScale::maxSamplesPerPixel,
                                             (double) length * 1.03 / laneWidth());
    timeline.firstSample = 0.0;
    timelineChanged();
}

void ArrangeView::seek (int64_t sample)
{
    player.seek (sample);
    updatePlayhead();
}

void ArrangeView::timelineChanged()
{
    ruler.repaint();
    for (auto& row : rows)
        row.lane->repaint();
    updateScrollBar();
    shownPosition = -1;
    updatePlayhead();
}

void ArrangeView::updateScrollBar()
{
    const double visible = laneWidth() * timeline.samplesPerPixel;
    horizontal.setRangeLimits (0.0, std::max ((double) timelineLength(), timeline.firstSample + visible), juce::dontSendNotification);
    horizontal.setCurrentRange (timeline.firstSample, visible, juce::dontSendNotification);
}

void ArrangeView::scrollBarMoved (juce::ScrollBar*, double newRangeStart)
{
    timeline.firstSample = std::max (0.0, newRangeStart);
    timelineChanged();
}

void ArrangeView::updatePlayhead()
{
    ruler.setLoopRange (player.loopStart(), player.loopEnd(), player.isLooping());
    const auto position = player.position();
    if (position == shownPosition)
        return;
    shownPosition = position;
    float x = timeline.xFor (position);
    // Follow the playhead a page at a time while playing.
    if (player.isPlaying() && (x > (float) laneWidth() || x < 0.0f))
    {
        timeline.firstSample = std::max (0.0, (double) position - laneWidth() * 0.05 * timeline.samplesPerPixel);
        timelineChanged();
        return;
    }
    const int left = headerWidth + (int) std::floor (x);
    const bool visible = x >= 0.0f && x <= (float) laneWidth();
    playhead.setVisible (visible);
    if (visible)
        playhead.setBounds (left - 1, ruler.getY(), 2, viewport.getBottom() - ruler.getY());
}

void ArrangeView::AccentLine::paint (juce::Graphics& g)
{
    g.fillAll (colours::accent);
}

void ArrangeView::showGhost (const juce::ValueTree& clip, const juce::ValueTree& track, const ClipDocument& where)
{
    const auto previous = dragGhost;
    dragGhost = Ghost { clip, track, where };
    if (previous && previous->track != track)
        repaintLaneOf (previous->track);
    repaintLaneOf (track);
    repaintLaneOf (clip.getParent());
}

void ArrangeView::clearGhost()
{
    if (! dragGhost)
        return;
    const auto previous = *dragGhost;
    dragGhost.reset();
    repaintLaneOf (previous.track);
    repaintLaneOf (previous.clip.getParent());
}

// ---- layout -----------------------------------------------------------------

void ArrangeView::paint (juce::Graphics& g)
{
    g.fillAll (colours::background);
    g.setColour (colours::panel);
    g.fillRect (0, 0, headerWidth, rulerHeight);
}

void ArrangeView::resized()
{
    auto area = getLocalBounds();
    auto top = area.removeFromTop (rulerHeight);
    auto corner = top.removeFromLeft (headerWidth).reduced (6, 4);
    addTrackButton.setBounds (corner.removeFromLeft (70));
    corner.removeFromLeft (6);
    snapButton.setBounds (corner.removeFromLeft (50));
    corner.removeFromLeft (6);
    fitButton.setBounds (corner.removeFromLeft (40));
    ruler.setBounds (top);
    auto bottom = area.removeFromBottom (14);
    horizontal.setBounds (bottom.withTrimmedLeft (headerWidth));
    waveformStatus.setBounds (bottom.removeFromLeft (headerWidth).withTrimmedLeft (4));
    viewport.setBounds (area);
    emptyLabel.setBounds (area.reduced (40));
    layoutRows();
    if (! fittedOnce && sessionModel.lengthSamples() > 0 && laneWidth() > 0)
    {
        fittedOnce = true;
        zoomToFit();
    }
    updateScrollBar();
    shownPosition = -1;
    updatePlayhead();
}
} // namespace crest
