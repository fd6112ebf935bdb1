#include "ReferencePanel.h"

#include "Analysis/ProgramComparison.h"
#include "Analysis/ThirdOctaveBands.h"
#include "Core/ClockText.h"
#include "Engine/SessionPlayer.h"
#include "Gui/CrestLookAndFeel.h"
#include "Session/MasterChainModel.h"

#include <cmath>
#include <limits>

namespace crest
{
namespace
{
    juce::String clock (double seconds) { return juce::String (clockText (seconds, 3)); }

    // "1:02.5", "62.5" or "62": seconds; nothing for what is not a time.
    std::optional<double> parseClock (const juce::String& text)
    {
        const auto t = text.trim();
        if (t.isEmpty())
            return std::nullopt;
        const auto minutes = t.upToFirstOccurrenceOf (":", false, false);
        const auto rest = t.fromFirstOccurrenceOf (":", false, false);
        if (! t.containsChar (':'))
            return t.containsOnly ("0123456789.") ? std::optional<double> (t.getDoubleValue()) : std::nullopt;
        if (! minutes.containsOnly ("0123456789") || ! rest.containsOnly ("0123456789."))
            return std::nullopt;
        return minutes.getIntValue() * 60.0 + rest.getDoubleValue();
    }

    juce::String decibels (double v, int decimals = 1)
    {
        return std::isfinite (v) ? juce::String (v, decimals) : juce::String ("-");
    }

    void setUpField (juce::Label& field, juce::Component& parent, const juce::String& title)
    {
        field.setEditable (true);
        field.setTitle (title);
        field.setColour (juce::Label::backgroundColourId, colours::faderTrack);
        field.setColour (juce::Label::outlineColourId, colours::outline);
        field.setJustificationType (juce::Justification::centredRight);
        parent.addAndMakeVisible (field);
    }

    void setUpCaption (juce::Label& caption, juce::Component& parent, const juce::String& text)
    {
        caption.setText (text, juce::dontSendNotification);
        caption.setColour (juce::Label::textColourId, colours::textDim);
        caption.setFont (juce::Font (12.0f));
        parent.addAndMakeVisible (caption);
    }
} // namespace

ReferencePanel::ReferencePanel (SessionModel& m, SessionPlayer& p, MediaPool& media)
    : model (m), player (p), references (m), worker (media)
{
    setTitle ("Reference tracks");
    list.setModel (this);
    list.setTitle ("References");
    list.setRowHeight (22);
    list.setColour (juce::ListBox::backgroundColourId, colours::faderTrack);
    addAndMakeVisible (list);
    for (auto* b : { &addButton, &removeButton, &measureButton, &alignHereButton, &matchButton })
        addAndMakeVisible (b);
    addButton.onClick = [this] { chooseFiles(); };
    removeButton.onClick = [this] {
        if (chosen >= 0 && chosen < references.size())
            references.remove (juce::String (references.reference (chosen).id));
    };
    measureButton.onClick = [this] { measureMaster(); };
    matchButton.onClick = [this] { applyMatch(); };
    alignHereButton.setTooltip ("The chosen reference point sounds with what plays now");
    alignHereButton.onClick = [this] {
        if (auto r = parseClock (referencePoint.getText()))
            setAlignment ((double) player.position() / model.sampleRate(), *r);
    };

    setUpCaption (sessionPointLabel, *this, "Session point");
    setUpCaption (referencePointLabel, *this, "plays with reference");
    setUpCaption (loopFromLabel, *this, "Loop from");
    setUpCaption (loopToLabel, *this, "to");
    setUpField (sessionPoint, *this, "Session point");
    setUpField (referencePoint, *this, "Reference point");
    setUpField (loopFrom, *this, "Loop from");
    setUpField (loopTo, *this, "Loop to");
    auto alignFromFields = [this] {
        const auto s = parseClock (sessionPoint.getText()), r = parseClock (referencePoint.getText());
        if (s && r)
            setAlignment (*s, *r);
        else
            refreshFields();
    };
    sessionPoint.onTextChange = alignFromFields;
    referencePoint.onTextChange = alignFromFields;
    auto loopFromFields = [this] {
        const auto from = parseClock (loopFrom.getText()), to = parseClock (loopTo.getText());
        if (from && to)
            setLoop (*from, *to);
        else
            refreshFields();
    };
    loopFrom.onTextChange = loopFromFields;
    loopTo.onTextChange = loopFromFields;
    addAndMakeVisible (loopToggle);
    loopToggle.onClick = [this] { loopSection (loopToggle.getToggleState()); };

    auto setUpStrength = [this] (juce::Slider& s, juce::Label& label, const juce::String& name, double& value) {
        s.setSliderStyle (juce::Slider::LinearHorizontal);
        s.setTextBoxStyle (juce::Slider::TextBoxRight, false, 52, 20);
        s.setRange (0, 100, 1);
        s.setTextValueSuffix (" %");
        s.setValue (value, juce::dontSendNotification);
        s.setTitle (name + " strength");
        s.onValueChange = [&s, &value] { value = s.getValue(); };
        addAndMakeVisible (s);
        setUpCaption (label, *this, name);
    };
    setUpStrength (tone, toneLabel, "Tone", options.tonePercent);
    setUpStrength (loudness, loudnessLabel, "Loudness", options.loudnessPercent);
    setUpStrength (width, widthLabel, "Width", options.widthPercent);
    setUpStrength (dynamics, dynamicsLabel, "Dynamics", options.dynamicsPercent);
    dynamics.setTooltip ("How far to bring the master's loudness range (LRA) to the reference's, by a multiband; settled on the mix in the background");
    setUpCaption (rangeLabel, *this, "Tone from / to (Hz)");
    setUpField (lowHz, *this, "Match from (Hz)");
    setUpField (highHz, *this, "Match to (Hz)");
    lowHz.setText (juce::String (options.lowHz, 0), juce::dontSendNotification);
    highHz.setText (juce::String (options.highHz, 0), juce::dontSendNotification);
    lowHz.onTextChange = [this] { options.lowHz = juce::jlimit (20.0, 2000.0, lowHz.getText().getDoubleValue()); lowHz.setText (juce::String (options.lowHz, 0), juce::dontSendNotification); };
    highHz.onTextChange = [this] { options.highHz = juce::jlimit (1000.0, 20000.0, highHz.getText().getDoubleValue()); highHz.setText (juce::String (options.highHz, 0), juce::dontSendNotification); };
    addAndMakeVisible (averageToggle);
    averageToggle.setTooltip ("Match the average of every reference, not only the chosen one");
    matchButton.setTooltip ("Write the difference into the chain: EQ bands you can then edit, limiter gain, width and a multiband's compression (one undoable step)");

    matchSummary.setColour (juce::Label::textColourId, colours::text);
    matchSummary.setFont (juce::Font (12.0f));
    matchSummary.setMinimumHorizontalScale (0.8f);
    addAndMakeVisible (matchSummary);
    statusLine.setColour (juce::Label::textColourId, colours::textDim);
    statusLine.setFont (juce::Font (12.0f));
    addAndMakeVisible (statusLine);

    model.state().addListener (this);
    sessionLoaded();
}

void ReferencePanel::sessionLoaded()
{
    // Another session (or this one at another rate): every measurement again.
    for (const auto& [id, analysis] : analyses)
        player.setReferenceLoudness (id, std::numeric_limits<double>::quiet_NaN());
    analyses.clear();
    master.reset();
    // Nothing measured or matched for the session before reaches this one.
    worker.forget();
    chainBeforeMatch.reset();
    matchSummary.setText ({}, juce::dontSendNotification);
    matchButton.setEnabled (true);
    for (const auto& ref : references.all())
        worker.measureReference (ref, model.sampleRate());
    if (references.size() > 0)
        worker.measureMaster (model.toDocument(), {});
    refreshList();
    select (references.size() > 0 ? 0 : -1);
}

ReferencePanel::~ReferencePanel()
{
    model.state().removeListener (this);
}

bool ReferencePanel::isMeasuring() const
{
    if (! worker.activity().empty())
        return true;
    for (const auto& ref : references.all())
        if (! analyses.contains (ref.id) && ! problemShown)
            return true;
    return references.size() > 0 && ! master && ! problemShown;
}

const ReferenceAnalysis* ReferencePanel::analysisOf (const std::string& id) const
{
    const auto found = analyses.find (id);
    return found != analyses.end() ? &found->second : nullptr;
}

void ReferencePanel::setStatus (const juce::String& text, bool problem)
{
    // A problem stays in view until the user does something else, so
    // progress that follows it does not hide it.
    if (problemShown && ! problem)
        return;
    problemShown = problem;
    statusLine.setText (text, juce::dontSendNotification);
    statusLine.setColour (juce::Label::textColourId, problem ? colours::meterRed : colours::textDim);
}

void ReferencePanel::userActed()
{
    problemShown = false;
}

void ReferencePanel::update()
{
    for (auto& result : worker.take())
    {
        if (! result.problem.empty())
        {
            if (result.matching)
            {
                chainBeforeMatch.reset();   // Match may be pressed again
                matchButton.setEnabled (true);
            }
            setStatus (result.problem, true);
            // A reference that cannot be compared is not played either.
            if (! result.referenceId.empty())
                analyses.erase (result.referenceId);
            continue;
        }
        if (result.reference)
        {
            player.setReferenceLoudness (result.referenceId, result.reference->matchLufs);
            analyses[result.referenceId] = std::move (*result.reference);
            setStatus ("Measured " + juce::String (references.reference (references.indexOf (result.referenceId)).name));
        }
        const auto chainNow = masterChainOf (MasterChainModel (model).chain());
        if (result.settledMatch && chainBeforeMatch)
        {
            const auto before = *std::exchange (chainBeforeMatch, std::nullopt);
            matchButton.setEnabled (true);
            if (chainNow == before)
                writeMatch (*result.settledMatch);
            else
                setStatus ("The chain changed while the dynamics were matched: Match again", true);
        }
        // A master measured through a chain that has changed since is not
        // this master: it is measured again.
        if (result.master && result.chain != chainNow)
            worker.measureMaster (model.toDocument(), {});
        else if (result.master)
        {
            master = std::move (result.master);
            setStatus ("Measured the master");
        }
        list.repaint();
        repaint();
    }
    if (const auto doing = worker.activity(); ! doing.empty())
        setStatus (juce::String (doing) + "...");
}

void ReferencePanel::addReferences (const std::vector<std::filesystem::path>& files)
{
    userActed();
    for (const auto& file : files)
        references.add ({ "", "", file.string() });   // measured as it arrives (valueTreeChildAdded)
    if (! files.empty())
        select (references.size() - 1);
    if (! master)
        measureMaster();
}

void ReferencePanel::chooseFiles()
{
    chooser = std::make_unique<juce::FileChooser> ("Add reference tracks", juce::File(), "*.wav;*.flac;*.aif;*.aiff;*.ogg;*.mp3;*.opus");
    chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles
                              | juce::FileBrowserComponent::canSelectMultipleItems,
                          [this] (const juce::FileChooser& c) {
                              std::vector<std::filesystem::path> files;
                              for (const auto& f : c.getResults())
                                  files.emplace_back (f.getFullPathName().toStdString());
                              addReferences (files);
                          });
}

void ReferencePanel::select (int index)
{
    chosen = index >= 0 && index < references.size() ? index : -1;
    list.selectRow (chosen, true, true);
    player.monitorReference (chosen >= 0 ? references.reference (chosen).id : std::string());
    refreshFields();
    repaint();
}

void ReferencePanel::measureMaster()
{
    userActed();
    worker.measureMaster (model.toDocument(), {});
}

void ReferencePanel::setAlignment (double sessionSeconds, double referenceSeconds)
{
    if (chosen < 0)
        return;
    auto ref = references.reference (chosen);
    ref.alignSessionSample = std::max<int64_t> (0, std::llround (sessionSeconds * model.sampleRate()));
    ref.alignReferenceSample = std::max<int64_t> (0, std::llround (referenceSeconds * model.sampleRate()));
    references.update (ref, "Align reference");
    if (loopToggle.getToggleState())
        loopSection (true);
}

void ReferencePanel::setLoop (double fromSeconds, double toSeconds)
{
    if (chosen < 0)
        return;
    auto ref = references.reference (chosen);
    ref.loopStartSample = std::max<int64_t> (0, std::llround (fromSeconds * model.sampleRate()));
    ref.loopEndSample = std::max<int64_t> (0, std::llround (toSeconds * model.sampleRate()));
    if (ref.loopEndSample <= ref.loopStartSample)
        ref.loopStartSample = ref.loopEndSample = 0;
    if (const auto* a = analysisOf (ref.id))
        if (const auto problem = loopProblem (ref, a->frames, model.sampleRate()); ! problem.empty())
        {
            setStatus (juce::String (ref.name) + " " + problem, true);
            refreshFields();
            return;
        }
    references.update (ref, "Loop reference");
    worker.measureReference (ref, model.sampleRate());   // its match follows the section
    if (loopToggle.getToggleState())
        loopSection (true);
}

void ReferencePanel::loopSection (bool on)
{
    loopToggle.setToggleState (on, juce::dontSendNotification);
    if (! on || chosen < 0)
    {
        player.setLooping (false);
        return;
    }
    const auto ref = references.reference (chosen);
    if (! ref.hasLoop())
    {
        setStatus ("Set the reference's loop section first", true);
        loopToggle.setToggleState (false, juce::dontSendNotification);
        return;
    }
    // The playhead runs the plan's latency ahead of what is heard: loop it
    // there, so the section heard is the reference's section.
    const int64_t latency = player.latencySamples();
    player.setLoopRange (std::max<int64_t> (0, ref.timelineOf (ref.loopStartSample) + latency),
                         std::max<int64_t> (0, ref.timelineOf (ref.loopEndSample) + latency));
    player.setLooping (true);
}

bool ReferencePanel::applyMatch()
{
    userActed();
    if (! master)
    {
        setStatus ("Measure the master first", true);
        measureMaster();
        return false;
    }
    std::vector<FileAnalysis> chosenAnalyses;
    for (int i = 0; i < references.size(); ++i)
        if (averageToggle.getToggleState() || i == chosen)
            if (const auto* a = analysisOf (references.reference (i).id))
                chosenAnalyses.push_back (a->whole);
    if (chosenAnalyses.empty())
    {
        setStatus ("The reference is not measured yet", true);
        return false;
    }
    if (isMatching())
    {
        setStatus ("A match is being settled already", true);
        return false;
    }
    try
    {
        MasterChainModel chain (model);
        const auto document = masterChainOf (chain.chain());
        auto matchWith = options;
        matchWith.maxBands = matchBandsAvailable (document);
        const auto match = matchReferences (*master, chosenAnalyses, matchWith);
        if (match.dynamics.compresses())
        {
            // The compression's ratio is found on the mix itself; the rest
            // waits for it, so the match lands as one step.
            chainBeforeMatch = document;
            worker.settleMatch (model.toDocument(), match);
            matchButton.setEnabled (false);
            matchSummary.setText ("Matching the dynamics on the mix...", juce::dontSendNotification);
            return true;
        }
        writeMatch (match);
        return true;
    }
    catch (const std::exception& e)
    {
        setStatus (e.what(), true);
        return false;
    }
}

void ReferencePanel::writeMatch (const ReferenceMatch& match)
{
    MasterChainModel chain (model);
    auto document = masterChainOf (chain.chain());
    crest::applyMatch (document, match);
    chain.replace (document, "Match to reference");
    auto signedDb = [] (double v) {
        const double rounded = std::round (v * 10) / 10;
        return (rounded > 0 ? "+" : "") + juce::String (rounded == 0 ? 0.0 : rounded, 1) + " dB";
    };
    auto text = "Matched: " + juce::String ((int) match.eq.bands.size()) + " EQ bands (within " + juce::String (match.eq.maxErrorDb, 1)
                + " dB), limiter " + signedDb (match.gainDb) + ", side " + signedDb (match.sideChangeDb);
    if (match.dynamics.compresses())
        text << ", multiband " << juce::String (match.dynamics.ratio, 1) << ":1 (LRA " << juce::String (match.dynamics.targetRangeLu, 1) << " LU)";
    for (const auto& note : match.notes)
        text << ". " << juce::String (note);
    // Its own line: the measuring that follows must not cover it.
    matchSummary.setText (text, juce::dontSendNotification);
    matchSummary.setTooltip (text);
    master.reset();   // the chain changed: measure it again
    worker.measureMaster (model.toDocument(), {});
}

void ReferencePanel::refreshList()
{
    list.updateContent();
    // The reference at the chosen place may be another one now: the
    // monitor follows what the list shows.
    select (std::min (chosen, references.size() - 1));
    list.repaint();
}

void ReferencePanel::refreshFields()
{
    const bool any = chosen >= 0 && chosen < references.size();
    for (juce::Component* c : std::initializer_list<juce::Component*> { &sessionPoint, &referencePoint, &loopFrom, &loopTo, &alignHereButton,
                                                                         &loopToggle, &removeButton })
        c->setEnabled (any);
    if (! any)
    {
        for (auto* f : { &sessionPoint, &referencePoint, &loopFrom, &loopTo })
            f->setText ({}, juce::dontSendNotification);
        return;
    }
    const auto ref = references.reference (chosen);
    const double rate = model.sampleRate();
    sessionPoint.setText (clock ((double) ref.alignSessionSample / rate), juce::dontSendNotification);
    referencePoint.setText (clock ((double) ref.alignReferenceSample / rate), juce::dontSendNotification);
    loopFrom.setText (ref.hasLoop() ? clock ((double) ref.loopStartSample / rate) : juce::String(), juce::dontSendNotification);
    loopTo.setText (ref.hasLoop() ? clock ((double) ref.loopEndSample / rate) : juce::String(), juce::dontSendNotification);
}

void ReferencePanel::valueTreeChildAdded (juce::ValueTree&, juce::ValueTree& child)
{
    // A reference added (or brought back by undo) is measured afresh: what
    // was known under its id may have been another file's.
    if (child.hasType (ids::REFERENCE) && ! model.isLoading())
    {
        const auto id = child[ids::id].toString().toStdString();
        analyses.erase (id);
        player.setReferenceLoudness (id, std::numeric_limits<double>::quiet_NaN());
        worker.measureReference (references.reference (references.indexOf (juce::String (id))), model.sampleRate());
    }
    refreshList();
}

void ReferencePanel::valueTreeChildRemoved (juce::ValueTree&, juce::ValueTree& child, int)
{
    if (child.hasType (ids::REFERENCE))
    {
        const auto id = child[ids::id].toString().toStdString();
        analyses.erase (id);
        player.setReferenceLoudness (id, std::numeric_limits<double>::quiet_NaN());
    }
    refreshList();
}

void ReferencePanel::valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier& property)
{
    if (tree.hasType (ids::SESSION) && property == ids::sampleRate)
    {
        sessionLoaded();
        return;
    }
    if (tree.hasType (ids::REFERENCE))
    {
        refreshFields();
        list.repaint();
    }
}

int ReferencePanel::getNumRows()
{
    return references.size();
}

void ReferencePanel::paintListBoxItem (int row, juce::Graphics& g, int rowWidth, int height, bool isSelected)
{
    if (row < 0 || row >= references.size())
        return;
    const auto ref = references.reference (row);
    if (isSelected)
        g.fillAll (colours::panelRaised);
    g.setColour (colours::text);
    g.setFont (juce::Font (13.0f));
    g.drawText (juce::String (ref.name), 6, 0, rowWidth - 120, height, juce::Justification::centredLeft, true);
    g.setColour (colours::textDim);
    g.setFont (juce::Font (12.0f));
    juce::String right = "measuring";
    if (const auto* a = analysisOf (ref.id))
    {
        right = decibels (a->matchLufs) + " LUFS";
        if (const auto match = player.referenceMatchDb (ref.id))
            right += "  " + juce::String (*match >= 0 ? "+" : "") + juce::String (*match, 1) + " dB";
    }
    g.drawText (right, rowWidth - 130, 0, 124, height, juce::Justification::centredRight);
}

void ReferencePanel::selectedRowsChanged (int lastRowSelected)
{
    if (lastRowSelected != chosen)
        select (lastRowSelected);
}

void ReferencePanel::paint (juce::Graphics& g)
{
    g.setColour (colours::panel);
    g.fillRoundedRectangle (getLocalBounds().toFloat(), 4.0f);
    paintComparison (g, comparisonArea);
}

void ReferencePanel::paintComparison (juce::Graphics& g, juce::Rectangle<int> area) const
{
    const ReferenceAnalysis* ref = chosen >= 0 && chosen < references.size() ? analysisOf (references.reference (chosen).id) : nullptr;
    auto table = area.removeFromLeft (std::min (370, area.getWidth() * 11 / 20));
    area.removeFromLeft (10);
    const int rowHeight = std::clamp (area.getHeight() / 12, 11, 17);
    const float fontHeight = std::min (12.0f, (float) rowHeight - 1.0f);
    g.setFont (juce::Font (fontHeight, juce::Font::bold));
    g.setColour (colours::textDim);
    auto header = table.removeFromTop (rowHeight);
    const int nameWidth = table.getWidth() * 2 / 5, column = (table.getWidth() - nameWidth) / 3;
    header.removeFromLeft (nameWidth);
    g.drawText ("Master", header.removeFromLeft (column), juce::Justification::centredRight);
    g.drawText ("Ref", header.removeFromLeft (column), juce::Justification::centredRight);
    g.drawText ("Diff", header, juce::Justification::centredRight);
    if (! master || ref == nullptr)
    {
        g.setFont (juce::Font (12.0f));
        g.drawText (! master ? "Measure the master to compare" : "The reference is being measured", table.removeFromTop (40),
                    juce::Justification::centredLeft);
        return;
    }
    for (const auto& row : compareProgrammes (*master, ref->whole))
    {
        auto line = table.removeFromTop (rowHeight);
        g.setColour (colours::outline);
        g.drawHorizontalLine (line.getY(), (float) line.getX(), (float) line.getRight());
        g.setFont (juce::Font (fontHeight));
        g.setColour (colours::text);
        g.drawText (juce::String (row.name) + (row.unit.empty() ? "" : " (" + juce::String (row.unit) + ")"), line.removeFromLeft (nameWidth),
                    juce::Justification::centredLeft);
        g.setColour (colours::accent);
        g.drawText (decibels (row.mix, row.decimals), line.removeFromLeft (column), juce::Justification::centredRight);
        g.setColour (colours::meterGreen);
        g.drawText (decibels (row.master, row.decimals), line.removeFromLeft (column), juce::Justification::centredRight);
        g.setColour (colours::textDim);
        const double d = row.master - row.mix;
        g.drawText (std::isfinite (d) ? (d > 0 ? "+" : "") + juce::String (d, row.decimals) : juce::String ("-"), line,
                    juce::Justification::centredRight);
    }
    paintSpectra (g, area.toFloat());
}

void ReferencePanel::paintSpectra (juce::Graphics& g, juce::Rectangle<float> area) const
{
    const auto* ref = analysisOf (references.reference (chosen).id);
    g.setColour (colours::faderTrack);
    g.fillRect (area);
    auto toneOf = [] (const FileAnalysis& a) {
        auto bands = a.spectrum->thirdOctaveDb();
        for (auto& b : bands)
            b -= a.loudness.integratedLufs;
        return bands;
    };
    const auto m = toneOf (*master), r = toneOf (ref->whole);
    double top = -1e9;
    for (int i = 0; i < thirdOctave::count; ++i)
        for (const double v : { m[(size_t) i], r[(size_t) i] })
            if (std::isfinite (v))
                top = std::max (top, v);
    top = std::ceil (top / 6) * 6 + 3;
    const double bottom = top - 48;
    auto xOf = [&] (double hz) { return area.getX() + (float) (std::log (hz / 20.0) / std::log (1000.0)) * area.getWidth(); };
    auto yOf = [&] (double db) { return area.getY() + (float) ((top - std::clamp (db, bottom, top)) / (top - bottom)) * area.getHeight(); };
    g.setFont (juce::Font (10.0f));
    for (const double hz : { 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0 })
    {
        g.setColour (colours::outline);
        g.drawVerticalLine ((int) xOf (hz), area.getY(), area.getBottom());
        g.setColour (colours::textDim);
        g.drawText (hz >= 1000 ? juce::String (hz / 1000, 0) + "k" : juce::String (hz, 0), juce::Rectangle<float> (xOf (hz) + 2, area.getBottom() - 12, 30, 12),
                    juce::Justification::left);
    }
    auto line = [&] (const std::array<double, 31>& bands, juce::Colour colour) {
        juce::Path path;
        bool drawing = false;
        for (int i = 0; i < thirdOctave::count; ++i)
        {
            const double v = bands[(size_t) i];
            if (! std::isfinite (v))
            {
                drawing = false;
                continue;
            }
            const auto x = xOf (thirdOctave::centreHz (i)), y = yOf (v);
            if (drawing)
                path.lineTo (x, y);
            else
                path.startNewSubPath (x, y);
            drawing = true;
        }
        g.setColour (colour);
        g.strokePath (path, juce::PathStrokeType (1.8f));
    };
    line (m, colours::accent);
    line (r, colours::meterGreen);
    g.setColour (colours::accent);
    g.drawText ("master", area.withHeight (14).translated (6, 2), juce::Justification::left);
    g.setColour (colours::meterGreen);
    g.drawText ("reference (1/3-octave, each at its loudness)", area.withHeight (14).translated (56, 2), juce::Justification::left);
}

void ReferencePanel::resized()
{
    // Above: the list, the chosen reference's alignment and loop, and the
    // comparison; below, across: the match's controls; then the status.
    auto area = getLocalBounds().reduced (8, 6);
    statusLine.setBounds (area.removeFromBottom (16));
    area.removeFromBottom (2);
    // Two rows: the four strengths across, then the range, Average all and Match.
    auto optionsRow = area.removeFromBottom (24);
    area.removeFromBottom (4);
    auto strengthsRow = area.removeFromBottom (24);
    area.removeFromBottom (6);
    const int each = strengthsRow.getWidth() / 4;
    for (auto [slider, label] : { std::pair { &tone, &toneLabel }, std::pair { &loudness, &loudnessLabel }, std::pair { &width, &widthLabel },
                                  std::pair { &dynamics, &dynamicsLabel } })
    {
        auto cell = strengthsRow.removeFromLeft (each).withTrimmedRight (12);
        label->setBounds (cell.removeFromLeft (66));
        slider->setBounds (cell);
    }
    rangeLabel.setBounds (optionsRow.removeFromLeft (128));
    lowHz.setBounds (optionsRow.removeFromLeft (52));
    optionsRow.removeFromLeft (4);
    highHz.setBounds (optionsRow.removeFromLeft (60));
    optionsRow.removeFromLeft (16);
    matchButton.setBounds (optionsRow.removeFromRight (90));
    averageToggle.setBounds (optionsRow.removeFromLeft (110));
    optionsRow.removeFromRight (8);
    matchSummary.setBounds (optionsRow);

    auto left = area.removeFromLeft (240);
    auto buttons = left.removeFromBottom (24);
    addButton.setBounds (buttons.removeFromLeft (112));
    buttons.removeFromLeft (4);
    removeButton.setBounds (buttons.removeFromLeft (60));
    buttons.removeFromLeft (4);
    measureButton.setBounds (buttons);
    left.removeFromBottom (4);
    list.setBounds (left);
    area.removeFromLeft (10);

    auto middle = area.removeFromLeft (232);
    auto row = [&middle] { auto r = middle.removeFromTop (22); middle.removeFromTop (4); return r; };
    auto r1 = row();
    sessionPointLabel.setBounds (r1.removeFromLeft (84));
    sessionPoint.setBounds (r1.removeFromLeft (76));
    r1.removeFromLeft (4);
    alignHereButton.setBounds (r1);
    auto r2 = row();
    referencePointLabel.setBounds (r2.removeFromLeft (130));
    r2.removeFromLeft (30);
    referencePoint.setBounds (r2.removeFromLeft (76));
    auto r3 = row();
    loopFromLabel.setBounds (r3.removeFromLeft (62));
    loopFrom.setBounds (r3.removeFromLeft (72));
    loopToLabel.setBounds (r3.removeFromLeft (20));
    loopTo.setBounds (r3.removeFromLeft (72));
    loopToggle.setBounds (row().removeFromLeft (120));
    area.removeFromLeft (12);
    comparisonArea = area;
}
} // namespace crest
