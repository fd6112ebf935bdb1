#include "EarTrainerView.h"

#include "Core/UtcTime.h"
#include "Gui/CrestLookAndFeel.h"
#include "TrainingWidgets.h"
#include "Render/SessionComparison.h"
#include "Training/HiddenBand.h"
#include "Training/ListeningPair.h"

#include <cmath>
#include <random>

namespace crest
{
namespace
{
    constexpr double sizes[] = { 3, 6, 9, 12 };

    // "63 Hz", "1 kHz", "31.5 Hz", "16 kHz".
    juce::String bandName (double hz)
    {
        if (hz >= 1000)
            return juce::String (hz / 1000, hz >= 10000 || std::fmod (hz, 1000) == 0 ? 0 : 1) + " kHz";
        return juce::String (hz, std::fmod (hz, 1) == 0 ? 0 : 1) + " Hz";
    }

    juce::String gainText (double db) { return (db > 0 ? "+" : "") + juce::String (db, 0) + " dB"; }

} // namespace

EarTrainerView::EarTrainerView (juce::AudioDeviceManager& deviceManager, MediaPool& pool, std::function<SessionDocument()> session,
                                std::function<void()> stop)
    : devices (deviceManager), media (pool), currentSession (std::move (session)), stopSession (std::move (stop))
{
    setTitle ("EQ ear training");
    programmeMenu.setTitle ("Programme");
    programmeMenu.addItem ("This session's master", (int) Programme::sessionMaster);
    programmeMenu.addItem ("This session's mix", (int) Programme::sessionMix);
    programmeMenu.addItem ("A file", (int) Programme::file);
    programmeMenu.setSelectedId ((int) programme, juce::dontSendNotification);
    programmeMenu.onChange = [this] { setProgramme ((Programme) programmeMenu.getSelectedId()); };
    bandsMenu.setTitle ("Bands");
    for (int n = EarTrainingSettings::minBands; n <= EarTrainingSettings::maxBands; ++n)
        bandsMenu.addItem (juce::String (n) + " bands", n);
    bandsMenu.onChange = [this] { chosen.bands = bandsMenu.getSelectedId(); rebuildBandButtons(); };
    sizeMenu.setTitle ("Size of the move");
    for (const double db : sizes)
        sizeMenu.addItem (juce::String (db, 0) + " dB", (int) db);
    sizeMenu.onChange = [this] { chosen.gainDb = sizeMenu.getSelectedId(); };
    movesMenu.setTitle ("Moves");
    movesMenu.addItem ("Boosts", 1);
    movesMenu.addItem ("Cuts", 2);
    movesMenu.addItem ("Boosts and cuts", 3);
    movesMenu.onChange = [this] { chosen.moves = (EarTrainingMoves) (movesMenu.getSelectedId() - 1); };
    for (auto* m : { &programmeMenu, &bandsMenu, &sizeMenu, &movesMenu })
        addAndMakeVisible (m);
    for (auto* b : { &chooseFile, &prepareButton, &flatButton, &eqButton, &stopButton, &saveButton })
        addAndMakeVisible (b);
    chooseFile.onClick = [this] {
        chooser = std::make_unique<juce::FileChooser> ("Choose a programme", juce::File(), "*.wav;*.flac;*.aif;*.aiff;*.ogg;*.mp3;*.opus");
        chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles, [this] (const juce::FileChooser& c) {
            if (c.getResult() != juce::File())
                setFile (c.getResult().getFullPathName().toStdString());
        });
    };
    prepareButton.onClick = [this] { prepare(); };
    flatButton.onClick = [this] { listenTo (0); };
    eqButton.onClick = [this] { listenTo (1); };
    stopButton.onClick = [this] { comparison.stop(); listening = -1; refresh(); };
    saveButton.onClick = [this] { training::chooseResultsFile (chooser, "ear-training", [this] (const std::filesystem::path& base) { saveResults (base); }); };
    for (auto* b : { &flatButton, &eqButton })
    {
        b->setColour (juce::TextButton::buttonOnColourId, colours::accent);
        b->setColour (juce::TextButton::textColourOnId, colours::background);
    }
    training::setUpCaption (fileLabel, *this, {});
    training::setUpCaption (fromLabel, *this, "From (s)");
    training::setUpCaption (lengthLabel, *this, "Length (s)");
    training::setUpCaption (bandsLabel, *this, "Bands");
    training::setUpCaption (sizeLabel, *this, "Move");
    training::setUpCaption (movesLabel, *this, "Of");
    training::setUpCaption (roundsLabel, *this, "Rounds");
    training::setUpCaption (seedLabel, *this, "Seed");
    training::setUpCaption (listenerLabel, *this, "Listener");
    chosen.seed = std::random_device {}() % 1000000;
    training::setUpField (from, *this, "From (s)", juce::String (startSeconds, 1));
    training::setUpField (length, *this, "Length (s)", juce::String (lengthSeconds, 1));
    training::setUpField (roundsField, *this, "Rounds", {});
    training::setUpField (seedField, *this, "Seed", {});
    training::setUpField (listener, *this, "Listener", {});
    from.onTextChange = [this] { setPassage (from.getText().getDoubleValue(), lengthSeconds); };
    length.onTextChange = [this] { setPassage (startSeconds, length.getText().getDoubleValue()); };
    roundsField.onTextChange = [this] { auto s = chosen; s.rounds = roundsField.getText().getIntValue(); setSettings (s); };
    seedField.onTextChange = [this] { auto s = chosen; s.seed = (uint64_t) seedField.getText().getLargeIntValue(); setSettings (s); };
    for (auto* l : { &roundLabel, &feedbackLabel, &scoreLabel, &statusLabel })
        addAndMakeVisible (l);
    roundLabel.setFont (juce::Font (18.0f, juce::Font::bold));
    feedbackLabel.setFont (juce::Font (15.0f));
    scoreLabel.setFont (juce::Font (15.0f));
    statusLabel.setColour (juce::Label::textColourId, colours::textDim);
    setSettings (chosen);
    devices.addAudioCallback (&comparison);
    setSize (700, 420);
    refresh();
    startTimerHz (10);
}

EarTrainerView::~EarTrainerView()
{
    devices.removeAudioCallback (&comparison);
}

void EarTrainerView::forgetRounds()
{
    // The rounds were of another programme: they are not this training.
    comparison.stop();
    rounds.reset();
    flat.reset();
    listening = -1;
    roundPending = false;
    feedbackLabel.setText ({}, juce::dontSendNotification);
}

void EarTrainerView::setProgramme (Programme p)
{
    if (p != programme)
        forgetRounds();
    programme = p;
    programmeMenu.setSelectedId ((int) p, juce::dontSendNotification);
    refresh();
}

void EarTrainerView::setFile (const std::filesystem::path& f)
{
    if (f != file)
        forgetRounds();
    file = f;
    setProgramme (Programme::file);
}

void EarTrainerView::setPassage (double start, double seconds)
{
    startSeconds = std::max (0.0, start);
    lengthSeconds = std::clamp (seconds, 2.0, ComparisonPlayer::maxSeconds);
    from.setText (juce::String (startSeconds, 1), juce::dontSendNotification);
    length.setText (juce::String (lengthSeconds, 1), juce::dontSendNotification);
}

void EarTrainerView::setSettings (const EarTrainingSettings& s)
{
    chosen = s;
    chosen.bands = std::clamp (s.bands, EarTrainingSettings::minBands, EarTrainingSettings::maxBands);
    chosen.rounds = std::clamp (s.rounds, 1, EarTrainingSettings::maxRounds);
    // The size menu offers its steps; another size is held to the nearest.
    chosen.gainDb = *std::min_element (std::begin (sizes), std::end (sizes),
                                       [&] (double a, double b) { return std::abs (a - s.gainDb) < std::abs (b - s.gainDb); });
    bandsMenu.setSelectedId (chosen.bands, juce::dontSendNotification);
    sizeMenu.setSelectedId ((int) chosen.gainDb, juce::dontSendNotification);
    movesMenu.setSelectedId ((int) chosen.moves + 1, juce::dontSendNotification);
    roundsField.setText (juce::String (chosen.rounds), juce::dontSendNotification);
    seedField.setText (juce::String ((juce::int64) chosen.seed), juce::dontSendNotification);
    rebuildBandButtons();
}

void EarTrainerView::setListener (const juce::String& name)
{
    listener.setText (name, juce::dontSendNotification);
}

void EarTrainerView::rebuildBandButtons()
{
    // The answer buttons are the bands of the running rounds, or those the
    // settings would give.
    const auto centres = rounds ? rounds->centres() : EqEarTrainer::centresFor (chosen.bands);
    bandButtons.clear();
    for (size_t i = 0; i < centres.size(); ++i)
    {
        auto* b = bandButtons.add (new juce::TextButton (bandName (centres[i])));
        b->setTooltip ("The hidden band is at " + bandName (centres[i]));
        b->onClick = [this, i] { answer ((int) i); };
        addAndMakeVisible (b);
    }
    resized();
    refresh();
}

void EarTrainerView::prepare()
{
    if (preparation.running())
        return;
    if (programme == Programme::file && file.empty())
    {
        statusLabel.setText ("Choose the file to train with first", juce::dontSendNotification);
        return;
    }
    forgetRounds();
    preparedFrom = programme == Programme::file ? file.string() : programme == Programme::sessionMix ? "the session's mix" : "the session's master";
    sampleRate = devices.getCurrentAudioDevice() != nullptr ? devices.getCurrentAudioDevice()->getCurrentSampleRate() : 48000.0;
    statusLabel.setText (programme == Programme::file ? "Preparing..." : "Rendering the session...", juce::dontSendNotification);
    auto document = programme != Programme::file && currentSession ? currentSession() : SessionDocument {};
    preparation.start ([this, rate = sampleRate, what = programme, f = file, start = startSeconds, seconds = lengthSeconds,
                        document = std::move (document)] (const std::atomic<bool>& cancel) {
        std::unique_ptr<SessionComparison> renders;   // its files go once the passage is in memory
        auto source = f;
        if (what != Programme::file)
        {
            renders = std::make_unique<SessionComparison> (document, std::filesystem::path(), false, nullptr, &cancel);
            source = what == Programme::sessionMix ? renders->mixFile() : renders->masterFile();
        }
        return preparePassage (source, start, seconds, rate, media);
    });
}

void EarTrainerView::timerCallback()
{
    comparison.collectGarbage();
    // The next round loads once the last one has faded out (the player's
    // fade is 10 ms; a tick is 100), so a new passage never cuts in.
    if (roundPending)
    {
        roundPending = false;
        startRound();
    }
    auto outcome = preparation.take();
    if (! outcome)
        return;
    if (! outcome->problem.empty())
        statusLabel.setText (juce::String::fromUTF8 (outcome->problem.c_str()), juce::dontSendNotification);
    if (outcome->result)
    {
        flat = std::move (outcome->result);
        rounds.emplace (chosen);
        feedbackLabel.setText ({}, juce::dontSendNotification);
        statusLabel.setText ("Ready: play Flat and EQ'd, then name the band", juce::dontSendNotification);
        rebuildBandButtons();
        startRound();
    }
}

void EarTrainerView::startRound()
{
    if (! rounds || ! flat || rounds->finished())
    {
        comparison.stop();
        listening = -1;
        refresh();
        return;
    }
    // Both down by the largest boost, so the EQ'd programme never clips
    // the device (a clip would tell which one is boosted).
    const double headroomDb = chosen.moves == EarTrainingMoves::cuts ? 0.0 : -rounds->settings().gainDb;
    auto plain = *flat;
    plain.gain = (float) std::pow (10.0, headroomDb / 20);
    auto eqd = withHiddenBand (*flat, rounds->hiddenNow(), sampleRate);
    eqd.gain = plain.gain;
    comparison.load (std::move (plain), std::move (eqd), sampleRate);
    roundStarted = training::nowSeconds();
    listening = -1;
    refresh();
}

void EarTrainerView::listenTo (int which)
{
    if (roundPending)   // answered a moment ago: this round's passage first
    {
        roundPending = false;
        startRound();
    }
    if (! rounds || rounds->finished())
        return;
    listening = which == 1 ? 1 : 0;
    if (stopSession)
        stopSession();
    comparison.choose (listening);
    comparison.play();
    refresh();
}

void EarTrainerView::answer (int band)
{
    if (! rounds || rounds->finished())
        return;
    const auto hidden = rounds->hiddenNow();
    const double said = rounds->centres()[(size_t) std::clamp (band, 0, (int) rounds->centres().size() - 1)];
    rounds->answer (band, training::nowSeconds() - roundStarted);
    feedbackLabel.setText (rounds->rounds()[(size_t) rounds->answered() - 1].correct()
                               ? "Right: " + bandName (hidden.frequencyHz) + ", " + gainText (hidden.gainDb)
                               : "It was " + bandName (hidden.frequencyHz) + ", " + gainText (hidden.gainDb) + "; you said " + bandName (said),
                           juce::dontSendNotification);
    feedbackLabel.setColour (juce::Label::textColourId, rounds->rounds()[(size_t) rounds->answered() - 1].correct() ? colours::meterGreen
                                                                                                                      : colours::meterRed);
    comparison.stop();
    listening = -1;
    roundPending = true;
    refresh();
}

ListeningTestInfo EarTrainerView::info() const
{
    ListeningTestInfo i;
    i.listener = listener.getText().toStdString();
    i.comparison = "EQ ear training";
    i.fileA = preparedFrom;
    i.dateUtc = utcNow();
    return i;
}

bool EarTrainerView::saveResults (const std::filesystem::path& base)
{
    return rounds && training::saveResults (base, earTrainingJson (*rounds, info()), earTrainingCsv (*rounds, info()), statusLabel);
}

void EarTrainerView::refresh()
{
    chooseFile.setVisible (programme == Programme::file);
    fileLabel.setVisible (programme == Programme::file);
    fileLabel.setText (file.empty() ? juce::String ("(no file)") : juce::String (file.filename().string()), juce::dontSendNotification);
    const bool running = rounds && ! rounds->finished();
    for (auto* b : { &flatButton, &eqButton, &stopButton })
        b->setEnabled (running);
    for (auto* b : bandButtons)
        b->setEnabled (running);
    flatButton.setToggleState (listening == 0, juce::dontSendNotification);
    eqButton.setToggleState (listening == 1, juce::dontSendNotification);
    saveButton.setEnabled (rounds && rounds->answered() > 0);
    if (! rounds)
    {
        roundLabel.setText ("Prepare a programme", juce::dontSendNotification);
        scoreLabel.setText ({}, juce::dontSendNotification);
        return;
    }
    roundLabel.setText (rounds->finished() ? "Done" : "Round " + juce::String (rounds->current() + 1) + " of " + juce::String ((int) rounds->rounds().size())
                                                          + ": which band was moved?",
                        juce::dontSendNotification);
    const double p = rounds->pValue();
    auto text = juce::String (rounds->correct()) + " of " + juce::String (rounds->answered()) + " right (chance 1 in "
                + juce::String ((int) rounds->centres().size()) + "); p = " + juce::String (p, 4);
    if (rounds->answered() > rounds->correct())
        text << "; wrong answers " << juce::String (rounds->meanOctavesOff(), 1) << " octaves off on average";
    scoreLabel.setText (text, juce::dontSendNotification);
}

void EarTrainerView::paint (juce::Graphics& g)
{
    g.fillAll (colours::background);
}

void EarTrainerView::resized()
{
    auto area = getLocalBounds().reduced (12);
    auto row = [&area] (int h = 26) { auto r = area.removeFromTop (h); area.removeFromTop (6); return r; };
    auto r0 = row();
    programmeMenu.setBounds (r0.removeFromLeft (220));
    r0.removeFromLeft (8);
    chooseFile.setBounds (r0.removeFromLeft (110));
    r0.removeFromLeft (8);
    fileLabel.setBounds (r0);
    auto r1 = row();
    auto put = [] (juce::Rectangle<int>& r, juce::Label& label, juce::Component& c, int width) {
        label.setBounds (r.removeFromLeft (label.getFont().getStringWidth (label.getText()) + 10));
        c.setBounds (r.removeFromLeft (width));
        r.removeFromLeft (10);
    };
    put (r1, fromLabel, from, 60);
    put (r1, lengthLabel, length, 50);
    put (r1, bandsLabel, bandsMenu, 100);
    put (r1, sizeLabel, sizeMenu, 70);
    put (r1, movesLabel, movesMenu, 140);
    auto r2 = row();
    put (r2, roundsLabel, roundsField, 44);
    put (r2, seedLabel, seedField, 70);
    put (r2, listenerLabel, listener, 180);
    prepareButton.setBounds (r2.removeFromLeft (120));
    area.removeFromTop (8);
    roundLabel.setBounds (row (30));
    auto players = row (36);
    for (auto* b : { &flatButton, &eqButton, &stopButton })
    {
        b->setBounds (players.removeFromLeft (90));
        players.removeFromLeft (8);
    }
    auto bands = row (40);
    const int count = std::max (1, bandButtons.size());
    const int width = std::min (80, (bands.getWidth() - 4 * (count - 1)) / count);
    for (auto* b : bandButtons)
    {
        b->setBounds (bands.removeFromLeft (width));
        bands.removeFromLeft (4);
    }
    feedbackLabel.setBounds (row (24));
    auto last = row (24);
    saveButton.setBounds (last.removeFromRight (140));
    scoreLabel.setBounds (last);
    statusLabel.setBounds (row (40));
}
} // namespace crest
