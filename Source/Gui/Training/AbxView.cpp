#include "AbxView.h"

#include "Core/MasterModules.h"
#include "Core/UtcTime.h"
#include "Gui/CrestLookAndFeel.h"
#include "TrainingWidgets.h"
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


    bool isSwitch (const ParameterSpec& spec) { return spec.minimum == 0 && spec.maximum == 1 && spec.unit.empty(); }

    // The parameter a module's menu opens on: its first level in dB (a
    // band's gain, a threshold, a drive), else its first that is not a switch.
    int firstWorthHearing (const MasterModuleKind& kind)
    {
        for (size_t p = 0; p < kind.parameters.size(); ++p)
            if (kind.parameters[p].unit == "dB")
                return (int) p;
        for (size_t p = 0; p < kind.parameters.size(); ++p)
            if (! isSwitch (kind.parameters[p]))
                return (int) p;
        return 0;
    }
} // namespace

AbxView::AbxView (juce::AudioDeviceManager& deviceManager, MediaPool& pool, std::function<SessionDocument()> session, std::function<void()> stop)
    : devices (deviceManager), media (pool), currentSession (std::move (session)), stopSession (std::move (stop))
{
    setTitle ("ABX listening test");
    sourceMenu.setTitle ("What to compare");
    sourceMenu.addItem ("This session: its mix and its master", (int) Source::mixAndMaster);
    sourceMenu.addItem ("This session: two settings of one module", (int) Source::moduleSetting);
    sourceMenu.addItem ("Two files (two masters)", (int) Source::twoFiles);
    sourceMenu.addItem ("A file and its MP3", (int) Source::fileAndMp3);
    sourceMenu.setSelectedId ((int) source, juce::dontSendNotification);
    sourceMenu.onChange = [this] { setSource ((Source) sourceMenu.getSelectedId()); };
    addAndMakeVisible (sourceMenu);
    bitrateMenu.setTitle ("MP3 bitrate");
    for (const int kbps : bitrates)
        bitrateMenu.addItem (juce::String (kbps) + " kbps", kbps);
    bitrateMenu.setSelectedId (128, juce::dontSendNotification);
    addAndMakeVisible (bitrateMenu);
    moduleMenu.setTitle ("Module");
    parameterMenu.setTitle ("Parameter");
    moduleMenu.onChange = [this] {
        const int index = moduleMenu.getSelectedId() - 1;
        if (index >= 0 && index < (int) settingSession.masterChain.modules.size())
            chooseModule (settingSession.masterChain.modules[(size_t) index].id);
    };
    parameterMenu.onChange = [this] { chooseParameter (parameterMenu.getSelectedId() - 1); };
    addAndMakeVisible (moduleMenu);
    addAndMakeVisible (parameterMenu);
    training::setUpField (valueAField, *this, "Setting A", {});
    training::setUpField (valueBField, *this, "Setting B", {});
    valueAField.onTextChange = [this] { setting.valueA = valueAField.getText().getDoubleValue(); };
    valueBField.onTextChange = [this] { setting.valueB = valueBField.getText().getDoubleValue(); };
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
    saveButton.onClick = [this] { training::chooseResultsFile (chooser, "abx-results", [this] (const std::filesystem::path& base) { saveResults (base); }); };
    for (auto* b : { &aButton, &bButton, &xButton })
    {
        b->setColour (juce::TextButton::buttonOnColourId, colours::accent);
        b->setColour (juce::TextButton::textColourOnId, colours::background);
    }
    training::setUpCaption (fileALabel, *this, "A: the session's mix");
    training::setUpCaption (fileBLabel, *this, "B: its master");
    training::setUpCaption (fromLabel, *this, "From (s)");
    training::setUpCaption (lengthLabel, *this, "Length (s)");
    training::setUpCaption (trialsLabel, *this, "Trials");
    training::setUpCaption (seedLabel, *this, "Seed");
    training::setUpCaption (listenerLabel, *this, "Listener");
    seed = std::random_device {}() % 1000000;
    training::setUpField (from, *this, "From (s)", juce::String (startSeconds, 1));
    training::setUpField (length, *this, "Length (s)", juce::String (lengthSeconds, 1));
    training::setUpField (trialsField, *this, "Trials", juce::String (trials));
    training::setUpField (seedField, *this, "Seed", juce::String ((juce::int64) seed));
    training::setUpField (listener, *this, "Listener", {});
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
    setSize (700, 420);
    refresh();
    startTimerHz (10);
}

AbxView::~AbxView()
{
    devices.removeAudioCallback (&comparison);
}

void AbxView::setSource (Source s)
{
    if (s != source)
    {
        // The prepared pair was of the other source: it is not this test.
        comparison.stop();
        abx.reset();
        pair.reset();
        listening = -1;
    }
    source = s;
    sourceMenu.setSelectedId ((int) s, juce::dontSendNotification);
    if (source == Source::moduleSetting)
        fillModuleMenus();
    refresh();
    resized();
}

void AbxView::fillModuleMenus()
{
    settingSession = currentSession ? currentSession() : SessionDocument {};
    moduleMenu.clear (juce::dontSendNotification);
    const auto& modules = settingSession.masterChain.modules;
    for (size_t i = 0; i < modules.size(); ++i)
        if (const auto* kind = findMasterModuleKind (modules[i].kind))
            moduleMenu.addItem (juce::String (std::string (kind->name)) + (modules[i].enabled ? "" : " (off)"), (int) i + 1);
    if (settingSession.masterChain.find (setting.moduleId) == nullptr)
        chooseModule (modules.empty() ? std::string() : modules.front().id);
    else
        setModuleSetting (setting);
}

void AbxView::chooseModule (const std::string& moduleId)
{
    const auto& modules = settingSession.masterChain.modules;
    for (size_t i = 0; i < modules.size(); ++i)
        if (modules[i].id == moduleId)
        {
            moduleMenu.setSelectedId ((int) i + 1, juce::dontSendNotification);
            setting.moduleId = moduleId;
            parameterMenu.clear (juce::dontSendNotification);
            const auto* kind = findMasterModuleKind (modules[i].kind);
            for (size_t p = 0; kind != nullptr && p < kind->parameters.size(); ++p)
            {
                const auto& spec = kind->parameters[p];
                parameterMenu.addItem (juce::String (std::string (spec.name)) + (spec.unit.empty() ? "" : " (" + juce::String (std::string (spec.unit)) + ")")
                                           + (spec.id.find ('.') != std::string_view::npos ? ", " + juce::String (std::string (spec.id.substr (0, spec.id.find ('.')))) : ""),
                                       (int) p + 1);
            }
            chooseParameter (firstWorthHearing (*kind));
            return;
        }
    setting.moduleId.clear();
    parameterMenu.clear (juce::dontSendNotification);
}

void AbxView::chooseParameter (int index)
{
    const auto* module = settingSession.masterChain.find (setting.moduleId);
    const auto* kind = module != nullptr ? findMasterModuleKind (module->kind) : nullptr;
    if (kind == nullptr || index < 0 || index >= (int) kind->parameters.size())
        return;
    const auto& spec = kind->parameters[(size_t) index];
    const double now = module->value (spec.id);
    // A: as the chain has it; B: the other state of a switch, the next
    // choice or count, or a step a student can hear, within range.
    const double step = isStepped (spec) ? 1.0 : (spec.maximum - spec.minimum) * 0.15;
    const double other = isSwitch (spec) ? 1 - std::round (now) : heldSettingValue (spec, now + step <= spec.maximum ? now + step : now - step);
    setModuleSetting ({ setting.moduleId, std::string (spec.id), now, other });
}

void AbxView::setModuleSetting (const ModuleSetting& s)
{
    setting = s;
    if (const auto* module = settingSession.masterChain.find (s.moduleId))
        if (const auto* kind = findMasterModuleKind (module->kind))
        {
            for (size_t i = 0; i < settingSession.masterChain.modules.size(); ++i)
                if (settingSession.masterChain.modules[i].id == s.moduleId)
                    moduleMenu.setSelectedId ((int) i + 1, juce::dontSendNotification);
            if (const auto index = masterParameterIndex (*kind, s.parameterId))
                parameterMenu.setSelectedId ((int) *index + 1, juce::dontSendNotification);
        }
    valueAField.setText (juce::String (s.valueA, 2), juce::dontSendNotification);
    valueBField.setText (juce::String (s.valueB, 2), juce::dontSendNotification);
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
    if (preparation.running())
        return;
    const bool fromSession = source == Source::mixAndMaster || source == Source::moduleSetting;
    auto document = fromSession && currentSession ? currentSession() : SessionDocument {};
    if (source == Source::moduleSetting)
    {
        try
        {
            const auto words = describeModuleSetting (document, setting);
            settingA = words.labelA;
            settingB = words.labelB;
            settingDescription = words.description;
        }
        catch (const std::exception& e)
        {
            statusLabel.setText (juce::String::fromUTF8 (e.what()), juce::dontSendNotification);
            return;
        }
    }
    else if (source != Source::mixAndMaster && (fileA.empty() || (source == Source::twoFiles && fileB.empty())))
    {
        statusLabel.setText ("Choose the file" + juce::String (source == Source::twoFiles ? "s" : "") + " to compare first", juce::dontSendNotification);
        return;
    }
    comparison.stop();
    abx.reset();
    preparedA = fileA;
    preparedB = fileB;
    const double rate = devices.getCurrentAudioDevice() != nullptr ? devices.getCurrentAudioDevice()->getCurrentSampleRate() : 48000.0;
    const int kbps = bitrateMenu.getSelectedId();
    statusLabel.setText (source == Source::mixAndMaster    ? "Rendering the mix and the master..."
                         : source == Source::moduleSetting ? "Rendering the mix, then the master at each setting..."
                                                           : "Preparing...",
                         juce::dontSendNotification);
    // The session is copied here, on the message thread; rendered on the task's.
    preparation.start ([this, rate, kbps, what = source, a = fileA, b = fileB, start = startSeconds, seconds = lengthSeconds,
                        document = std::move (document), chosen = setting] (const std::atomic<bool>& cancel) {
        auto first = a, second = b;
        const auto scratch = std::filesystem::temp_directory_path();
        std::unique_ptr<SessionComparison> renders;   // its files go once the pair is in memory
        std::optional<ScratchFolder> settings;         // so do these
        if (what == Source::moduleSetting)
        {
            settings.emplace (scratch / "crest-abx-setting", "render");
            const auto rendered = renderModuleSetting (document, chosen, settings->path, {}, &cancel);
            first = rendered.a;
            second = rendered.b;
        }
        else if (what == Source::mixAndMaster)
        {
            renders = std::make_unique<SessionComparison> (document, std::filesystem::path(), false, nullptr, &cancel);
            first = renders->mixFile();
            second = renders->masterFile();
        }
        else if (what == Source::fileAndMp3)
            second = lossyCopy (a, kbps, scratch);
        // The MP3 goes once it is read, whatever happens reading it.
        ScratchFiles mp3;
        if (what == Source::fileAndMp3)
            mp3.own (second);
        return PreparedPair { prepareListeningPair (first, second, start, seconds, rate, media), what };
    });
}

void AbxView::timerCallback()
{
    comparison.collectGarbage();
    auto outcome = preparation.take();
    if (! outcome)
        return;
    if (! outcome->problem.empty())
        statusLabel.setText (juce::String::fromUTF8 (outcome->problem.c_str()), juce::dontSendNotification);
    if (outcome->result && outcome->result->source != source)
        statusLabel.setText ("What to compare changed while it was prepared: Prepare again", juce::dontSendNotification);
    else if (outcome->result)
    {
        pair = std::move (outcome->result->pair);
        comparison.load (pair->a, pair->b, pair->sampleRate);
        abx.emplace (trials, seed);
        trialStarted = training::nowSeconds();
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
    abx->answer (choice, training::nowSeconds() - trialStarted);
    trialStarted = training::nowSeconds();
    listening = -1;
    comparison.stop();
    comparison.restart();
    refresh();
}

ListeningTestInfo AbxView::info() const
{
    ListeningTestInfo i;
    i.listener = listener.getText().toStdString();
    switch (source)
    {
        case Source::mixAndMaster: i.comparison = "Mix / master", i.labelA = "Mix", i.labelB = "Master"; break;
        case Source::moduleSetting: i.comparison = settingDescription, i.labelA = settingA, i.labelB = settingB; break;
        case Source::twoFiles: i.comparison = "Two files", i.labelA = "A", i.labelB = "B"; break;
        case Source::fileAndMp3:
            i.comparison = "Original / MP3 " + std::to_string (bitrateMenu.getSelectedId()) + " kbps", i.labelA = "A", i.labelB = "MP3";
            break;
    }
    const bool files = source == Source::twoFiles || source == Source::fileAndMp3;
    i.fileA = files ? preparedA.string() : "";
    i.fileB = source == Source::twoFiles ? preparedB.string() : "";
    i.matchGainDb = pair ? pair->matchGainDb : 0.0;
    i.dateUtc = utcNow();
    return i;
}

bool AbxView::saveResults (const std::filesystem::path& base)
{
    return abx && training::saveResults (base, abxResultsJson (*abx, info()), abxResultsCsv (*abx, info()), statusLabel);
}

void AbxView::refresh()
{
    const bool files = source == Source::twoFiles || source == Source::fileAndMp3, settings = source == Source::moduleSetting;
    chooseA.setVisible (files);
    chooseB.setVisible (source == Source::twoFiles);
    bitrateMenu.setVisible (source == Source::fileAndMp3);
    for (juce::Component* c : std::initializer_list<juce::Component*> { &moduleMenu, &parameterMenu, &valueAField, &valueBField })
        c->setVisible (settings);
    fileALabel.setText (settings ? "A: the master with" : ! files ? "A: the session's mix" : "A: " + (fileA.empty() ? juce::String ("(none)") : juce::String (fileA.filename().string())),
                        juce::dontSendNotification);
    fileBLabel.setText (settings                      ? "B: the same, with it at"
                        : ! files                      ? "B: its master"
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
    const bool settings = source == Source::moduleSetting;
    auto r1 = row(), r2 = row();
    fileALabel.setBounds (r1.removeFromLeft (settings ? 160 : 300));
    fileBLabel.setBounds (r2.removeFromLeft (settings ? 160 : 300));
    if (settings)
    {
        // A: module, parameter, value; B: the value under A's.
        moduleMenu.setBounds (r1.removeFromLeft (150));
        r1.removeFromLeft (6);
        parameterMenu.setBounds (r1.removeFromLeft (210));
        r1.removeFromLeft (6);
        valueAField.setBounds (r1.removeFromLeft (70));
        valueBField.setBounds (valueAField.getBounds().withY (r2.getY()));
    }
    chooseA.setBounds (r1.removeFromLeft (110));
    chooseB.setBounds (r2.removeFromLeft (110));
    bitrateMenu.setBounds (chooseB.getBounds());
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
