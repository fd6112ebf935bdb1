#include "AlbumView.h"

#include "Album/AlbumWorkspace.h"
#include "Album/CueSheet.h"
#include "Album/RedBook.h"
#include "Core/ClockText.h"
#include "Core/CrestError.h"
#include "Gui/CrestLookAndFeel.h"
#include "IO/AudioFileReader.h"
#include "Mastering/StreamingPreview.h"
#include "Session/SessionFile.h"

#include <cmath>

namespace crest
{
namespace
{
    constexpr double prerollSeconds = 3.0;

    juce::StringArray serviceNames (const std::vector<TargetPreset>& services)
    {
        juce::StringArray names;
        for (const auto& s : services)
            names.add (juce::String (s.name));
        return names;
    }

    std::vector<TargetPreset> streamingServices()
    {
        std::vector<TargetPreset> found;
        for (auto& p : targetPresets())
            if (p.playback)
                found.push_back (p);
        return found;
    }

    const LoudnessStrategy strategyOrder[] = { LoudnessStrategy::none, LoudnessStrategy::everyTrack, LoudnessStrategy::album,
                                               LoudnessStrategy::anchored };
} // namespace

AlbumView::AlbumView (AlbumWorkspace& w)
    : workspace (w), services (streamingServices()), lanes (w.model()), inspector (w.model()), loudness (serviceNames (services))
{
    setTitle ("Album");

    titleLabel.setFont (juce::Font (17.0f, juce::Font::bold));
    titleLabel.setEditable (false, true);
    titleLabel.setTitle ("Album title");
    titleLabel.setTooltip ("The album's title (CD-Text, the CUE sheet); double-click to edit");
    titleLabel.onTextChange = [this] {
        workspace.model().beginGesture ("Album title");
        workspace.model().setAlbumText (albumIds::title, titleLabel.getText());
    };
    addAndMakeVisible (titleLabel);

    positionLabel.setTitle ("Album playhead");
    positionLabel.setFont (juce::Font (juce::Font::getDefaultMonospacedFontName(), 15.0f, juce::Font::plain));
    positionLabel.setColour (juce::Label::textColourId, colours::accent);
    positionLabel.setTooltip ("Where the album plays, in the album's time");
    addAndMakeVisible (positionLabel);

    playButton.setTitle ("Play album");
    playButton.setTooltip ("Play the album from the playhead, across its transitions (Space)");
    playButton.onClick = [this] { workspace.togglePlay(); };
    addAndMakeVisible (playButton);

    strategyLabel.setText ("Loudness", juce::dontSendNotification);
    targetLabel.setText ("Target", juce::dontSendNotification);
    serviceLabel.setText ("Hear as", juce::dontSendNotification);
    for (auto* l : { &strategyLabel, &targetLabel, &serviceLabel })
    {
        l->setColour (juce::Label::textColourId, colours::textDim);
        l->setJustificationType (juce::Justification::centredRight);
        addAndMakeVisible (*l);
    }

    strategy.setTitle ("Loudness strategy");
    strategy.setTooltip ("How the album's loudness is set when it renders and plays");
    strategy.addItem ("Masters as they are", 1);
    strategy.addItem ("Every track to the target", 2);
    strategy.addItem ("Album to the target (tracks keep their levels)", 3);
    strategy.addItem ("Anchored: one track to the target", 4);
    strategy.onChange = [this] { applyStrategyControls(); };
    addAndMakeVisible (strategy);

    anchor.setTitle ("Anchor track");
    anchor.setTooltip ("The track brought to the target; the others keep their offsets to it");
    anchor.onChange = [this] { applyStrategyControls(); };
    addChildComponent (anchor);

    target.setTitle ("Target loudness");
    target.setTooltip ("The integrated loudness the strategy aims at");
    target.setSliderStyle (juce::Slider::LinearBar);
    target.setWantsKeyboardFocus (true);
    target.setRange (-30.0, -6.0, 0.5);
    target.setTextValueSuffix (" LUFS");
    target.setNumDecimalPlacesToDisplay (1);
    target.onDragStart = [this] { workspace.model().beginGesture ("Target loudness"); };
    target.onValueChange = [this] { applyStrategyControls(); };
    addAndMakeVisible (target);

    service.setTitle ("Streaming service preview");
    service.setTooltip ("Hear and measure the album as a streaming service's loudness normalisation would play it");
    service.addItem ("As mastered (no normalisation)", 1);
    for (size_t s = 0; s < services.size(); ++s)
    {
        const auto& rule = *services[s].playback;
        service.addItem (juce::String (services[s].name) + (rule.albumMode ? " (album mode)" : " (track mode)"), (int) s + 2);
    }
    service.setSelectedId (1, juce::dontSendNotification);
    service.onChange = [this] {
        loudness.highlightService (service.getSelectedId() - 2);
        relayout();
    };
    addAndMakeVisible (service);

    statusLabel.setColour (juce::Label::textColourId, colours::textDim);
    statusLabel.setFont (juce::Font (12.5f));
    addAndMakeVisible (statusLabel);
    hintLabel.setColour (juce::Label::textColourId, colours::textDim);
    hintLabel.setFont (juce::Font (12.0f));
    hintLabel.setText ("Click a track to edit its details below; drag it to reorder. Drag a track's handle right for a pause, left for "
                       "a crossfade (right-click: its curve; Shift: no CD-frame snap). PageUp / PageDown: the transitions.",
                       juce::dontSendNotification);
    addAndMakeVisible (hintLabel);
    addAndMakeVisible (progressBar);
    progressBar.setTitle ("Album preparation");

    lanes.onSeek = [this] (int64_t albumSample) {
        const double ratio = workspace.playbackRate() / std::max (1.0, (double) workspace.model().state()[albumIds::sampleRate]);
        workspace.player().seek ((int64_t) std::llround ((double) albumSample * ratio));
    };
    lanes.onSelect = [this] (int index) { inspector.showTrack (index); };
    addAndMakeVisible (lanes);
    addAndMakeVisible (inspector);
    addAndMakeVisible (loudness);
    waveforms.keepInMemoryOnly();   // the masters are the cache's, gone when the album closes
    waveforms.onChange = [this] { relayout(); };

    workspace.model().state().addListener (this);
    albumOpened();
}

AlbumView::~AlbumView()
{
    workspace.model().state().removeListener (this);
}

void AlbumView::albumOpened()
{
    prepared.reset();
    masters.clear();
    headerLengths.clear();
    shown = {};
    playing = {};
    preparedRate = workspace.playbackRate();   // the workspace asked for this rate on opening
    inspector.showTrack (-1);
    showStrategy();
    relayout();
}

void AlbumView::modelChanged()
{
    if (updatingControls)
        return;
    showStrategy();
    relayout();
    inspector.refresh();
    startTimer (400);   // prepared again once the edits pause
}

void AlbumView::timerCallback()
{
    stopTimer();
    workspace.refreshPreview();
}

void AlbumView::showStrategy()
{
    const juce::ScopedValueSetter<bool> quiet (updatingControls, true);
    const auto& tree = workspace.model().state();
    titleLabel.setText (tree[albumIds::title].toString().isNotEmpty() ? tree[albumIds::title].toString() : workspace.name(),
                        juce::dontSendNotification);
    const auto chosen = loudnessStrategyFromName (tree[albumIds::strategy].toString().toStdString()).value_or (LoudnessStrategy::none);
    for (int i = 0; i < 4; ++i)
        if (strategyOrder[i] == chosen)
            strategy.setSelectedId (i + 1, juce::dontSendNotification);
    target.setValue (tree[albumIds::targetLufs], juce::dontSendNotification);
    target.setEnabled (chosen != LoudnessStrategy::none);
    anchor.clear (juce::dontSendNotification);
    for (int i = 0; i < workspace.model().numTracks(); ++i)
    {
        const auto t = workspace.model().track (i);
        anchor.addItem (juce::String (i + 1) + " " + t[albumIds::title].toString(), i + 1);
        if (t[albumIds::id].toString() == tree[albumIds::anchorTrack].toString())
            anchor.setSelectedId (i + 1, juce::dontSendNotification);
    }
    anchor.setVisible (chosen == LoudnessStrategy::anchored);
}

void AlbumView::applyStrategyControls()
{
    if (updatingControls)
        return;
    auto& model = workspace.model();
    const auto chosen = strategyOrder[std::clamp (strategy.getSelectedId() - 1, 0, 3)];
    juce::String anchorId = model.state()[albumIds::anchorTrack];
    if (chosen == LoudnessStrategy::anchored)
    {
        const int index = anchor.getSelectedId() > 0 ? anchor.getSelectedId() - 1 : 0;
        if (index < model.numTracks())
            anchorId = model.track (index)[albumIds::id];
    }
    if (! target.isMouseButtonDown())
        model.beginGesture ("Loudness strategy");
    model.setStrategy (chosen, target.getValue(), anchorId);
}

int64_t AlbumView::lengthAtAlbumRate (const juce::ValueTree& track)
{
    const double albumRate = workspace.model().state()[albumIds::sampleRate];
    if (const auto* m = masterFor (track))
        return (int64_t) std::llround ((double) m->frames * albumRate / workspace.playbackRate());
    // Not prepared yet: the file's own length, read from its header once.
    const auto source = track[albumIds::source].toString().toStdString();
    if (const auto known = headerLengths.find (source); known != headerLengths.end())
        return known->second;
    int64_t frames = 0;
    if (std::filesystem::path (source).extension() != sessionExtension)
        try
        {
            const auto info = AudioFileReader (source).info();
            frames = (int64_t) std::llround ((double) info.frames * albumRate / info.sampleRate);
        }
        catch (const CrestError&)
        {
            // The preparation names the file; it is drawn empty until then.
        }
    headerLengths[source] = frames;
    return frames;
}

std::vector<double> AlbumView::serviceGainsDb (int serviceIndex) const
{
    auto& model = workspace.model();
    std::vector<double> gains ((size_t) model.numTracks(), 0.0);
    if (serviceIndex < 0 || serviceIndex >= (int) services.size() || ! prepared)
        return gains;
    std::vector<TrackLoudness> tracks;
    for (int i = 0; i < model.numTracks(); ++i)
    {
        const auto* m = masterFor (model.track (i));
        if (m == nullptr)
            return gains;
        tracks.push_back ({ m->inProgram.integratedLufs, m->inProgram.truePeakDbtp });
    }
    const auto& rule = *services[(size_t) serviceIndex].playback;
    return playbackGainsDb (rule, rule.albumMode, tracks, prepared->program.album.integratedLufs);
}

const AlbumView::Master* AlbumView::masterFor (const juce::ValueTree& track) const
{
    const auto m = masters.find (track[albumIds::id].toString().toStdString());
    if (m == masters.end() || m->second.source != track[albumIds::source].toString().toStdString()
        || m->second.rate != workspace.playbackRate())
        return nullptr;
    return &m->second;
}

std::string AlbumView::outlineIdentity (const Master& master)
{
    return master.file.string() + "|" + std::to_string (master.frames);
}

void AlbumView::relayout()
{
    auto& model = workspace.model();
    const auto document = model.toDocument();
    const double albumRate = document.sampleRate, playRate = workspace.playbackRate();
    layoutProblem = {};
    std::vector<int64_t> lengths;
    for (int i = 0; i < model.numTracks(); ++i)
        lengths.push_back (lengthAtAlbumRate (model.track (i)));
    try
    {
        shown = layoutAlbum (document, lengths, albumRate == cdSampleRate);
    }
    catch (const CrestError& e)
    {
        layoutProblem = juce::String::fromUTF8 (e.what());
    }

    // The player: the new order and transitions with the masters in hand, at once.
    std::vector<AlbumPlayer::Track> played;
    std::vector<int64_t> frames;
    std::vector<std::shared_ptr<const PeakOverview>> outlines;
    const auto gains = serviceGainsDb (service.getSelectedId() - 2);
    playedGains.clear();
    for (size_t i = 0; i < document.tracks.size(); ++i)
    {
        const auto* m = masterFor (model.track ((int) i));
        if (m == nullptr)
        {
            outlines.push_back (nullptr);
            continue;
        }
        const auto& master = *m;
        played.push_back ({ master.file, master.channels, master.assemblerGainDb + gains[i] });
        playedGains.push_back (master.assemblerGainDb + gains[i]);
        frames.push_back (master.frames);
        outlines.push_back (waveforms.find (master.file, outlineIdentity (master)));
    }
    if (! document.tracks.empty() && played.size() == document.tracks.size() && layoutProblem.isEmpty())
    {
        try
        {
            playing = layoutAlbum (workspace.playable(), frames, albumRate == cdSampleRate && playRate == cdSampleRate);
            workspace.player().setProgram (playing, played);
        }
        catch (const CrestError& e)
        {
            layoutProblem = juce::String::fromUTF8 (e.what());
        }
    }
    else if (document.tracks.empty())
    {
        playing = {};
        workspace.player().clearProgram();
    }
    lanes.setLayout (shown, albumRate);
    lanes.setWaveforms (std::move (outlines), playRate);
    refreshTable();
}

void AlbumView::takePrepared (AlbumPreviewResult result)
{
    if (! result.problem.empty())
    {
        layoutProblem = juce::String::fromUTF8 (result.problem.c_str());
        return;
    }
    masters.clear();
    for (size_t i = 0; i < result.album.tracks.size(); ++i)
    {
        Master m;
        m.source = result.album.tracks[i].source.string();
        m.rate = result.album.sampleRate;
        m.file = result.masters.files[i];
        m.channels = result.channels[i];
        m.frames = result.frames[i];
        m.assemblerGainDb = result.masters.gainsDb[i];
        m.strategyGainDb = result.masters.strategyGainDb[i];
        m.limitingDb = result.masters.reports[i].maxLimitingDb;
        m.inProgram = result.program.tracks[i];
        masters[result.album.tracks[i].id] = m;
    }
    prepared = std::move (result);
    std::set<std::string> shownOutlines;
    for (const auto& [id, m] : masters)
        shownOutlines.insert (outlineIdentity (m));
    waveforms.retainOnly (shownOutlines);
    relayout();
}

void AlbumView::refreshTable()
{
    auto& model = workspace.model();
    const double albumRate = model.state()[albumIds::sampleRate];
    const double warning = model.state()[albumIds::limitingWarningDb];
    std::vector<AlbumLoudnessRow> rows;
    std::vector<std::vector<double>> perService;
    for (int s = 0; s < (int) services.size(); ++s)
        perService.push_back (serviceGainsDb (s));
    const double albumLufs = prepared ? prepared->program.album.integratedLufs : 0.0;
    for (int i = 0; i < model.numTracks(); ++i)
    {
        const auto t = model.track (i);
        AlbumLoudnessRow row;
        row.number = juce::String (i + 1);
        row.title = t[albumIds::title].toString();
        if ((size_t) i < shown.spans.size())
            row.mark = cueTime (shown.spans[(size_t) i].start, albumRate);
        if (const auto* m = masterFor (t))
        {
            row.setFigures (m->inProgram);
            row.versusAlbumLu = row.integratedLufs - albumLufs;
            row.strategyGainDb = m->strategyGainDb;
            row.limitingDb = m->limitingDb;
            row.tooMuchLimiting = row.limitingDb > warning;
            for (const auto& gains : perService)
                row.serviceGainsDb.push_back (gains[(size_t) i]);
        }
        rows.push_back (row);
    }
    AlbumLoudnessRow album;
    album.title = "Album";
    if (prepared)
    {
        album.setFigures (prepared->program.album);
        album.mark = cueTime (shown.totalSamples, albumRate);
    }
    loudness.setRows (std::move (rows), album);
}

void AlbumView::update()
{
    workspace.player().collectGarbage();
    // The device now at another rate (a session at another rate opened, the
    // settings changed): the masters in hand no longer fit; made again.
    if (const double rate = workspace.playbackRate(); rate != preparedRate && workspace.model().numTracks() > 0)
    {
        preparedRate = rate;
        relayout();
        workspace.refreshPreview();
    }
    auto& preview = workspace.preview();
    if (auto result = preview.takeResult())
        takePrepared (std::move (*result));
    const auto progress = preview.progress();
    progressValue = progress.busy ? progress.fraction : (prepared ? 1.0 : 0.0);
    juce::String status;
    if (layoutProblem.isNotEmpty())
        status = layoutProblem;
    else if (progress.busy)
        status = juce::String (progress.stage) + " (" + juce::String ((int) std::lround (progress.fraction * 100)) + " %): the album plays with the masters it has";
    else if (workspace.model().numTracks() == 0)
        status = "No album open: File > New Album from Files or Open Album";
    else if (prepared)
    {
        int flagged = 0;
        for (const auto& [id, m] : masters)
            flagged += m.limitingDb > (double) workspace.model().state()[albumIds::limitingWarningDb];
        status = juce::String (workspace.model().numTracks()) + " tracks, "
                 + juce::String (cueTime (shown.totalSamples, (double) workspace.model().state()[albumIds::sampleRate])) + " (mm:ss:ff)"
                 + (flagged > 0 ? ", " + juce::String (flagged) + " flagged for limiting" : juce::String())
                 + (workspace.player().underruns() > 0 ? ", " + juce::String (workspace.player().underruns()) + " dropouts" : juce::String());
    }
    if (statusLabel.getText() != status)
        statusLabel.setText (status, juce::dontSendNotification);
    statusLabel.setColour (juce::Label::textColourId, layoutProblem.isNotEmpty() ? colours::mute : colours::textDim);
    playButton.setButtonText (workspace.player().isPlaying() ? "Stop" : "Play");
    const double albumRate = std::max (1.0, (double) workspace.model().state()[albumIds::sampleRate]);
    const auto at = (int64_t) std::llround ((double) workspace.player().position() * albumRate / workspace.playbackRate());
    lanes.setPlayhead (at);
    const auto seconds = (double) at / albumRate;
    const auto text = juce::String (clockText (seconds, 1));
    if (positionLabel.getText() != text)
        positionLabel.setText (text, juce::dontSendNotification);
}

void AlbumView::jumpToTransition (int direction)
{
    const double albumRate = workspace.model().state()[albumIds::sampleRate];
    const auto preroll = (int64_t) (prerollSeconds * albumRate);
    const double ratio = albumRate / workspace.playbackRate();
    const auto now = (int64_t) std::llround ((double) workspace.player().position() * ratio);
    std::optional<int64_t> to;
    for (size_t i = 1; i < shown.spans.size(); ++i)
    {
        const auto at = std::max<int64_t> (0, shown.spans[i].start - preroll);
        if (direction > 0 && at > now + (int64_t) (0.05 * albumRate) && ! to)
            to = at;
        if (direction < 0 && at < now - (int64_t) (0.5 * albumRate))
            to = at;
    }
    if (! to)
        to = direction < 0 ? 0 : std::max<int64_t> (0, shown.totalSamples - preroll);
    if (lanes.onSeek)
        lanes.onSeek (*to);
}

void AlbumView::paint (juce::Graphics& g)
{
    g.fillAll (colours::background);
}

void AlbumView::resized()
{
    auto area = getLocalBounds().reduced (8, 6);
    auto header = area.removeFromTop (30);
    titleLabel.setBounds (header.removeFromLeft (180));
    playButton.setBounds (header.removeFromLeft (64).reduced (2));
    positionLabel.setBounds (header.removeFromLeft (80));
    header.removeFromLeft (8);
    strategyLabel.setBounds (header.removeFromLeft (70));
    strategy.setBounds (header.removeFromLeft (250).reduced (2));
    anchor.setBounds (header.removeFromLeft (150).reduced (2));   // its place is kept while hidden, so nothing jumps
    targetLabel.setBounds (header.removeFromLeft (54));
    target.setBounds (header.removeFromLeft (120).reduced (2));
    serviceLabel.setBounds (header.removeFromLeft (60));
    service.setBounds (header.removeFromLeft (230).reduced (2));
    area.removeFromTop (4);
    auto status = area.removeFromTop (22);
    progressBar.setBounds (status.removeFromLeft (160).reduced (0, 2));
    status.removeFromLeft (8);
    statusLabel.setBounds (status);
    area.removeFromTop (4);
    lanes.setBounds (area.removeFromTop (std::max (160, area.getHeight() * 42 / 100)));
    hintLabel.setBounds (area.removeFromTop (22));
    inspector.setBounds (area.removeFromTop (40));
    area.removeFromTop (4);
    loudness.setBounds (area);
}
} // namespace crest
