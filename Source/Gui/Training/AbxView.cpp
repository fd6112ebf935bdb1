#include "AbxView.h"

#include "Core/UtcTime.h"
#include "Gui/CrestLookAndFeel.h"
#include "IO/ScratchFiles.h"
#include "Render/SessionComparison.h"
#include "Training/BinomialTest.h"

#include <cmath>
#include <random>

namespace crest
{
namespace
{
    constexpr int bitrates[] = { 96, 128, 160, 192, 256, 320 };

    void field (juce::Label& f, juce::Component& parent, const juce::String& title, const juce::String& text)
    {
        f.setEditable (true);
        f.setTitle (title);
        f.setText (text, juce::dontSendNotification);
        f.setColour (juce::Label::backgroundColourId, colours::faderTrack);
        f.setColour (juce::Label::outlineColourId, colours::outline);
        parent.addAndMakeVisible (f);
    }

    void caption (juce::Label& c, juce::Component& parent, const juce::String& text)
    {
        c.setText (text, juce::dontSendNotification);
        c.setColour (juce::Label::textColourId, colours::textDim);
        parent.addAndMakeVisible (c);
    }

    double nowSeconds() { return juce::Time::getMillisecondCounterHiRes() / 1000.0; }
} // namespace

AbxView::AbxView (juce::AudioDeviceManager& deviceManager, MediaPool& pool, std::function<SessionDocument()> session, std::function<void()> stop)
    : devices (deviceManager), media (pool), currentSession (std::move (session)), stopSession (std::move (stop))
{
    setTitle ("ABX listening test");
    sourceMenu.setTitle ("What to compare");
    sourceMenu.addItem ("This session: its mix and its master", (int) Source::mixAndMaster);
    sourceMenu.addItem ("Two files (two masters, two settings)", (int) Source::twoFiles);
    sourceMenu.addItem ("A file and its MP3", (int) Source::fileAndMp3);
    sourceMenu.setSelectedId ((int) source, juce::dontSendNotification);
    sourceMenu.onChange = [this] { setSource ((Source) sourceMenu.getSelectedId()); };
    addAndMakeVisible (sourceMenu);
    bitrateMenu.setTitle ("MP3 bitrate");
    for (const int kbps : bitrates)
        bitrateMenu.addItem (juce::String (kbps) + " kbps", kbps);
    bitrateMenu.setSelectedId (128, juce::dontSendNotification);
    addAndMakeVisible (bitrateMenu);
    for (auto* b : { &chooseA, &chooseB, &prepareButton, &aButton, &bButton, &xButton, &stopButton, &isA, &isB, &saveButton })
        addAndMakeVisible (b);
    chooseA.onClick = [this] { chooseFile (true); };
    chooseB.onClick = [this] { chooseFile (false); };
    prepareButton.onClick = [this] { prepare(); };
    aButton.onClick = [this] { listenTo (0); };
    bButton.onClick = [this] { listenTo (1); };
    xButton.onClick = [this] { listenTo (2); };
    stopButton.onClick = [this] { comparison.stop(); listening = -1; refresh(); };
    isA.onClick = [this] { answer (AbxChoice::a); };
    isB.onClick = [this] { answer (AbxChoice::b); };
    saveButton.onClick = [this] {
        chooser = std::make_unique<juce::FileChooser> ("Save the results", juce::File::getSpecialLocation (juce::File::userDocumentsDirectory)
                                                                                .getChildFile ("abx-results"), "*.json");
        chooser->launchAsync (juce::FileBrowserComponent::saveMode | juce::FileBrowserComponent::canSelectFiles, [this] (const juce::FileChooser& c) {
            if (c.getResult() != juce::File())
                saveResults (c.getResult().withFileExtension ({}).getFullPathName().toStdString());
        });
    };
    for (auto* b : { &aButton, &bButton, &xButton })
    {
        b->setColour (juce::TextButton::buttonOnColourId, colours::accent);
        b->setColour (juce::TextButton::textColourOnId, colours::background);
    }
    caption (fileALabel, *this, "A: the session's mix");
    caption (fileBLabel, *this, "B: its master");
    caption (fromLabel, *this, "From (s)");
    caption (lengthLabel, *this, "Length (s)");
    caption (trialsLabel, *this, "Trials");
    caption (seedLabel, *this, "Seed");
    caption (listenerLabel, *this, "Listener");
    seed = std::random_device {}() % 1000000;
    field (from, *this, "From (s)", juce::String (startSeconds, 1));
    field (length, *this, "Length (s)", juce::String (lengthSeconds, 1));
    field (trialsField, *this, "Trials", juce::String (trials));
    field (seedField, *this, "Seed", juce::String ((juce::int64) seed));
    field (listener, *this, "Listener", {});
    from.onTextChange = [this] { setPassage (from.getText().getDoubleValue(), lengthSeconds); };
    length.onTextChange = [this] { setPassage (startSeconds, length.getText().getDoubleValue()); };
    trialsField.onTextChange = [this] { setTrials (trialsField.getText().getIntValue(), seed); };
    seedField.onTextChange = [this] { setTrials (trials, (uint64_t) seedField.getText().getLargeIntValue()); };
    for (auto* l : { &trialLabel, &scoreLabel, &statusLabel })
        addAndMakeVisible (l);
    trialLabel.setFont (juce::Font (18.0f, juce::Font::bold));
    scoreLabel.setFont (juce::Font (15.0f));
    statusLabel.setColour (juce::Label::textColourId, colours::textDim);
    devices.addAudioCallback (&comparison);
    setSize (640, 420);
    refresh();
    startTimerHz (10);
}

AbxView::~AbxView()
{
    devices.removeAudioCallback (&comparison);
    cancelPreparing = true;   // a session being rendered stops at once
    if (worker.joinable())
        worker.join();
}

void AbxView::setSource (Source s)
{
    source = s;
    sourceMenu.setSelectedId ((int) s, juce::dontSendNotification);
    refresh();
}

void AbxView::setFiles (const std::filesystem::path& a, const std::filesystem::path& b)
{
    fileA = a;
    fileB = b;
    refresh();
}

void AbxView::setPassage (double start, double seconds)
{
    startSeconds = std::max (0.0, start);
    lengthSeconds = std::clamp (seconds, 2.0, ComparisonPlayer::maxSeconds);
    from.setText (juce::String (startSeconds, 1), juce::dontSendNotification);
    length.setText (juce::String (lengthSeconds, 1), juce::dontSendNotification);
}

void AbxView::setTrials (int count, uint64_t newSeed)
{
    trials = std::clamp (count, 1, 100);
    seed = newSeed;
    trialsField.setText (juce::String (trials), juce::dontSendNotification);
    seedField.setText (juce::String ((juce::int64) seed), juce::dontSendNotification);
}

void AbxView::setListener (const juce::String& name)
{
    listener.setText (name, juce::dontSendNotification);
}

void AbxView::chooseFile (bool forA)
{
    chooser = std::make_unique<juce::FileChooser> (forA ? "Choose A" : "Choose B", juce::File(), "*.wav;*.flac;*.aif;*.aiff;*.ogg;*.mp3;*.opus");
    chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles, [this, forA] (const juce::FileChooser& c) {
        if (c.getResult() == juce::File())
            return;
        (forA ? fileA : fileB) = c.getResult().getFullPathName().toStdString();
        refresh();
    });
}

void AbxView::prepare()
{
    if (preparing.load())
        return;
    if (source != Source::mixAndMaster && (fileA.empty() || (source == Source::twoFiles && fileB.empty())))
    {
        statusLabel.setText ("Choose the file" + juce::String (source == Source::twoFiles ? "s" : "") + " to compare first", juce::dontSendNotification);
        return;
    }
    comparison.stop();
    abx.reset();
    preparing = true;
    const double rate = devices.getCurrentAudioDevice() != nullptr ? devices.getCurrentAudioDevice()->getCurrentSampleRate() : 48000.0;
    const int kbps = bitrateMenu.getSelectedId();
    statusLabel.setText (source == Source::mixAndMaster ? "Rendering the mix and the master..." : "Preparing...", juce::dontSendNotification);
    if (worker.joinable())
        worker.join();
    // The session is copied here, on the message thread; rendered on the worker.
    auto document = source == Source::mixAndMaster && currentSession ? currentSession() : SessionDocument {};
    worker = std::thread ([this, rate, kbps, what = source, a = fileA, b = fileB, start = startSeconds, seconds = lengthSeconds,
                           document = std::move (document)] {
        std::string problem;
        std::optional<ListeningPair> made;
        try
        {
            auto first = a, second = b;
            const auto scratch = std::filesystem::temp_directory_path();
            std::unique_ptr<SessionComparison> renders;   // its files go once the pair is in memory
            if (what == Source::mixAndMaster)
            {
                renders = std::make_unique<SessionComparison> (document, std::filesystem::path(), false, nullptr, &cancelPreparing);
                first = renders->mixFile();
                second = renders->masterFile();
            }
            else if (what == Source::fileAndMp3)
                second = lossyCopy (a, kbps, scratch);
            // The MP3 goes once it is read, whatever happens reading it.
            ScratchFiles mp3;
            if (what == Source::fileAndMp3)
                mp3.own (second);
            made = prepareListeningPair (first, second, start, seconds, rate, media);
        }
        catch (const std::exception& e)
        {
            problem = e.what();
        }
        std::lock_guard<std::mutex> guard (handOver);
        failure = problem;
        preparedPair = std::move (made);
        preparing = false;
    });
}

void AbxView::timerCallback()
{
    comparison.collectGarbage();
    if (preparing.load())
        return;
    std::optional<ListeningPair> ready;
    std::string problem;
    {
        std::lock_guard<std::mutex> guard (handOver);
        ready = std::exchange (preparedPair, std::nullopt);
        problem = std::exchange (failure, {});
    }
    if (! problem.empty())
        statusLabel.setText (juce::String::fromUTF8 (problem.c_str()), juce::dontSendNotification);
    if (ready)
    {
        pair = std::move (ready);
        comparison.load (pair->a, pair->b, pair->sampleRate);
        abx.emplace (trials, seed);
        trialStarted = nowSeconds();
        listening = -1;
        statusLabel.setText ("Ready: B plays " + juce::String (pair->matchGainDb, 1) + " dB to match A"
                                 + (pair->offsetFrames != 0 ? ", aligned by " + juce::String ((juce::int64) pair->offsetFrames) + " samples" : juce::String()),
                             juce::dontSendNotification);
        refresh();
    }
}

void AbxView::listenTo (int which)
{
    if (! abx || abx->finished())
        return;
    // X plays the hidden one; A and B themselves. The same place, cross-faded.
    const int heard = which == 2 ? (abx->hiddenNow() == AbxChoice::a ? 0 : 1) : which;
    if (listening >= 0 && which != listening)
        abx->noteSwitch();
    listening = which;
    if (stopSession)
        stopSession();
    comparison.choose (heard);
    comparison.play();
    refresh();
}

void AbxView::answer (AbxChoice choice)
{
    if (! abx || abx->finished())
        return;
    abx->answer (choice, nowSeconds() - trialStarted);
    trialStarted = nowSeconds();
    listening = -1;
    comparison.stop();
    comparison.restart();
    refresh();
}

ListeningTestInfo AbxView::info() const
{
    ListeningTestInfo i;
    i.listener = listener.getText().toStdString();
    i.comparison = source == Source::mixAndMaster ? "Mix / master" : source == Source::twoFiles ? "Two files"
                                                                                                 : "Original / MP3 " + std::to_string (bitrateMenu.getSelectedId()) + " kbps";
    i.labelA = source == Source::mixAndMaster ? "Mix" : "A";
    i.labelB = source == Source::mixAndMaster ? "Master" : source == Source::fileAndMp3 ? "MP3" : "B";
    i.fileA = fileA.string();
    i.fileB = source == Source::twoFiles ? fileB.string() : "";
    i.matchGainDb = pair ? pair->matchGainDb : 0.0;
    i.dateUtc = utcNow();
    return i;
}

bool AbxView::saveResults (const std::filesystem::path& base)
{
    if (! abx)
        return false;
    try
    {
        saveTrainingResults (base, abxResultsJson (*abx, info()), abxResultsCsv (*abx, info()));
        statusLabel.setText ("Saved " + juce::String (base.string()) + ".json and .csv", juce::dontSendNotification);
        return true;
    }
    catch (const std::exception& e)
    {
        statusLabel.setText (e.what(), juce::dontSendNotification);
        return false;
    }
}

void AbxView::refresh()
{
    const bool files = source != Source::mixAndMaster;
    chooseA.setVisible (files);
    chooseB.setVisible (source == Source::twoFiles);
    bitrateMenu.setVisible (source == Source::fileAndMp3);
    fileALabel.setText (! files ? "A: the session's mix" : "A: " + (fileA.empty() ? juce::String ("(none)") : juce::String (fileA.filename().string())),
                        juce::dontSendNotification);
    fileBLabel.setText (! files                       ? "B: its master"
                        : source == Source::fileAndMp3 ? "B: A as MP3 at"
                                                       : "B: " + (fileB.empty() ? juce::String ("(none)") : juce::String (fileB.filename().string())),
                        juce::dontSendNotification);
    const bool running = abx && ! abx->finished();
    for (auto* b : { &aButton, &bButton, &xButton, &stopButton, &isA, &isB })
        b->setEnabled (running);
    aButton.setToggleState (listening == 0, juce::dontSendNotification);
    bButton.setToggleState (listening == 1, juce::dontSendNotification);
    xButton.setToggleState (listening == 2, juce::dontSendNotification);
    saveButton.setEnabled (abx && abx->answered() > 0);
    if (! abx)
    {
        trialLabel.setText ("Prepare a test", juce::dontSendNotification);
        scoreLabel.setText ({}, juce::dontSendNotification);
        return;
    }
    trialLabel.setText (abx->finished() ? "Done" : "Trial " + juce::String (abx->current() + 1) + " of " + juce::String ((int) abx->trials().size()),
                        juce::dontSendNotification);
    const double p = abx->pValue();
    scoreLabel.setText (juce::String (abx->correct()) + " of " + juce::String (abx->answered()) + " right; p = " + juce::String (p, 4)
                            + (abx->answered() == 0 ? juce::String()
                               : p < 0.05           ? " (a difference heard, 95 % sure)"
                                                    : " (not yet beyond guessing)"),
                        juce::dontSendNotification);
}

void AbxView::paint (juce::Graphics& g)
{
    g.fillAll (colours::background);
}

void AbxView::resized()
{
    auto area = getLocalBounds().reduced (12);
    auto row = [&area] (int h = 26) { auto r = area.removeFromTop (h); area.removeFromTop (6); return r; };
    sourceMenu.setBounds (row().removeFromLeft (340));
    auto r1 = row();
    fileALabel.setBounds (r1.removeFromLeft (300));
    chooseA.setBounds (r1.removeFromLeft (110));
    auto r2 = row();
    fileBLabel.setBounds (r2.removeFromLeft (300));
    chooseB.setBounds (r2.removeFromLeft (110));
    bitrateMenu.setBounds (juce::Rectangle<int> (r2.getX() - 110, r2.getY(), 110, r2.getHeight()));
    auto r3 = row();
    for (auto [label, f, w] : { std::tuple { &fromLabel, &from, 60 }, std::tuple { &lengthLabel, &length, 50 }, std::tuple { &trialsLabel, &trialsField, 40 },
                                std::tuple { &seedLabel, &seedField, 70 } })
    {
        label->setBounds (r3.removeFromLeft (label->getFont().getStringWidth (label->getText()) + 10));
        f->setBounds (r3.removeFromLeft (w));
        r3.removeFromLeft (10);
    }
    auto r4 = row();
    listenerLabel.setBounds (r4.removeFromLeft (70));
    listener.setBounds (r4.removeFromLeft (200));
    r4.removeFromLeft (20);
    prepareButton.setBounds (r4.removeFromLeft (120));
    area.removeFromTop (8);
    trialLabel.setBounds (row (30));
    auto players = row (40);
    for (auto* b : { &aButton, &bButton, &xButton, &stopButton })
    {
        b->setBounds (players.removeFromLeft (90));
        players.removeFromLeft (8);
    }
    auto answers = row (34);
    isA.setBounds (answers.removeFromLeft (140));
    answers.removeFromLeft (8);
    isB.setBounds (answers.removeFromLeft (140));
    answers.removeFromLeft (20);
    saveButton.setBounds (answers.removeFromLeft (140));
    scoreLabel.setBounds (row (24));
    statusLabel.setBounds (row (40));
}
} // namespace crest
