#include "ExportDialog.h"

#include "CrestLookAndFeel.h"
#include "DialogLauncher.h"

#include "Session/MediaRelink.h"

#include <cmath>

namespace crest
{
namespace fs = std::filesystem;

namespace
{
    const Container containers[] = { Container::wav, Container::flac, Container::aiff, Container::oggVorbis, Container::opus, Container::mp3 };
    const SampleEncoding encodings[] = { SampleEncoding::int16, SampleEncoding::int24, SampleEncoding::float32 };
    const double rates[] = { 0.0, 44100.0, 48000.0, 88200.0, 96000.0 };
    const DitherKind dithers[] = { DitherKind::none, DitherKind::tpdf, DitherKind::shaped };

    juce::String level (double v, const char* unit)
    {
        return std::isfinite (v) ? juce::String (v, 1) + " " + unit : juce::String ("-inf ") + unit;
    }

    void styleLabel (juce::Label& l, const juce::String& text)
    {
        l.setText (text, juce::dontSendNotification);
        l.setColour (juce::Label::textColourId, colours::textDim);
        l.setJustificationType (juce::Justification::centredRight);
    }
} // namespace

ExportDialog::ExportDialog (SessionModel& m, MediaPool& pool, fs::path session)
    : model (m), media (pool), sessionFile (std::move (session)), targets (targetPresets())
{
    setTitle ("Export");
    styleLabel (sourceLabel, "Export");
    styleLabel (formatLabel, "Format");
    styleLabel (depthLabel, "Bit depth");
    styleLabel (rateLabel, "Sample rate");
    styleLabel (ditherLabel, "Dither");
    styleLabel (targetsLabel, "Targets");
    styleLabel (outputLabel, "To");
    for (auto* l : { &sourceLabel, &formatLabel, &depthLabel, &rateLabel, &ditherLabel, &targetsLabel, &outputLabel })
        addAndMakeVisible (*l);

    sourceBox.addItem ("Master (through the master chain, as heard)", 1);
    sourceBox.addItem ("Mix (the mix bus, before the master)", 2);
    sourceBox.addItem ("Stems (a file per track and bus)", 3);
    sourceBox.setSelectedId (1, juce::dontSendNotification);
    sourceBox.setTitle ("Export");
    sourceBox.onChange = [this] {
        if (! outputChosen)
            output = defaultOutput (request().source);
        refreshEnablement();
    };
    formatBox.addItemList ({ "WAV", "FLAC", "AIFF", "Ogg Vorbis (q 10)", "Opus", "MP3 (320 kbps)" }, 1);
    formatBox.setSelectedId (1, juce::dontSendNotification);
    formatBox.setTitle ("Format");
    formatBox.onChange = [this] {
        if (! outputChosen)
            output = defaultOutput (request().source);
        else if (request().source != ExportSource::stems)
            output.replace_extension (extensionFor (request().format.container));
        refreshEnablement();
    };
    depthBox.addItemList ({ "16-bit", "24-bit", "32-bit float" }, 1);
    depthBox.setSelectedId (2, juce::dontSendNotification);
    depthBox.setTitle ("Bit depth");
    depthBox.onChange = [this] { refreshEnablement(); };
    rateBox.addItem ("Session (" + juce::String (model.sampleRate(), 0) + " Hz)", 1);
    for (int i = 1; i < (int) std::size (rates); ++i)
        rateBox.addItem (juce::String (rates[i], 0) + " Hz", i + 1);
    rateBox.setSelectedId (1, juce::dontSendNotification);
    rateBox.setTitle ("Sample rate");
    ditherBox.addItemList ({ "None", "TPDF", "Noise-shaped" }, 1);
    ditherBox.setSelectedId (2, juce::dontSendNotification);
    ditherBox.setTitle ("Dither");
    for (auto* b : { &sourceBox, &formatBox, &depthBox, &rateBox, &ditherBox })
        addAndMakeVisible (*b);

    for (const auto& t : targets)
    {
        auto* toggle = targetToggles.add (new juce::ToggleButton (juce::String::fromUTF8 (t.name.c_str())));
        toggle->setTitle ("Target " + juce::String::fromUTF8 (t.name.c_str()));
        toggle->setTooltip ((t.integratedLufs ? juce::String (*t.integratedLufs, 0) + " LUFS, " : juce::String ("own loudness, "))
                            + juce::String (t.truePeakDbtp, 1) + " dBTP: delivered beside the export with its report");
        addAndMakeVisible (toggle);
    }

    outputPath.setColour (juce::Label::textColourId, colours::text);
    outputPath.setColour (juce::Label::backgroundColourId, colours::faderTrack);
    outputPath.setTitle ("Export to");
    addAndMakeVisible (outputPath);
    chooseButton.onClick = [this] { chooseOutput(); };
    exportButton.onClick = [this] { startExport(); };
    closeButton.onClick = [this] {
        if (running.load())
            cancel = true;
        else if (onClose)
            onClose();
    };
    for (auto* b : { &chooseButton, &exportButton, &closeButton })
        addAndMakeVisible (*b);
    addAndMakeVisible (progressBar);
    stageLabel.setColour (juce::Label::textColourId, colours::textDim);
    addAndMakeVisible (stageLabel);

    report.setMultiLine (true);
    report.setReadOnly (true);
    report.setFont (juce::Font (juce::Font::getDefaultMonospacedFontName(), 13.0f, juce::Font::plain));
    report.setColour (juce::TextEditor::backgroundColourId, colours::faderTrack);
    report.setTitle ("Export report");
    report.setColour (juce::TextEditor::textColourId, colours::textDim);
    report.setText ("When the export is done, its report is here: each file's loudness and true peak, and for each target "
                    "its checks, pass or fail. The targets' reports are also written beside their files.");
    addAndMakeVisible (report);

    output = defaultOutput (ExportSource::master);
    refreshEnablement();
    setSize (720, 620);
}

ExportDialog::~ExportDialog()
{
    cancel = true;
    if (worker.joinable())
        worker.join();
}

fs::path ExportDialog::defaultOutput (ExportSource source) const
{
    const auto folder = sessionFile.empty() ? fs::path (juce::File::getSpecialLocation (juce::File::userMusicDirectory).getFullPathName().toStdString())
                                            : sessionFile.parent_path();
    const auto name = sessionFile.empty() ? std::string ("Untitled") : sessionFile.stem().string();
    if (source == ExportSource::stems)
        return folder / (name + " stems");
    return folder / (name + (source == ExportSource::mix ? "-mix" : "-master") + extensionFor (request().format.container));
}

ExportRequest ExportDialog::request() const
{
    ExportRequest r;
    r.source = sourceBox.getSelectedId() == 2 ? ExportSource::mix : sourceBox.getSelectedId() == 3 ? ExportSource::stems : ExportSource::master;
    r.format.container = containers[juce::jlimit (0, 5, formatBox.getSelectedId() - 1)];
    r.format.encoding = encodings[juce::jlimit (0, 2, depthBox.getSelectedId() - 1)];
    r.format.dither = dithers[juce::jlimit (0, 2, ditherBox.getSelectedId() - 1)];
    r.sampleRate = rates[juce::jlimit (0, 4, rateBox.getSelectedId() - 1)];
    r.output = output;
    if (r.source == ExportSource::master)
        for (size_t i = 0; i < targets.size(); ++i)
            if (targetToggles[(int) i]->getToggleState())
                r.targets.push_back (targets[i]);
    if (! sessionFile.empty())
        r.protectedFiles.push_back (sessionFile);
    return r;
}

void ExportDialog::setSource (ExportSource source)
{
    sourceBox.setSelectedId (source == ExportSource::mix ? 2 : source == ExportSource::stems ? 3 : 1, juce::sendNotificationSync);
}

void ExportDialog::setOutput (const fs::path& fileOrFolder)
{
    output = fileOrFolder;
    outputChosen = true;
    refreshEnablement();
}

void ExportDialog::setFormat (const OutputFormat& format)
{
    for (int i = 0; i < (int) std::size (containers); ++i)
        if (containers[i] == format.container)
            formatBox.setSelectedId (i + 1, juce::sendNotificationSync);
    for (int i = 0; i < (int) std::size (encodings); ++i)
        if (encodings[i] == format.encoding)
            depthBox.setSelectedId (i + 1, juce::sendNotificationSync);
    for (int i = 0; i < (int) std::size (dithers); ++i)
        if (dithers[i] == format.dither)
            ditherBox.setSelectedId (i + 1, juce::sendNotificationSync);
}

void ExportDialog::setSampleRate (double rate)
{
    for (int i = 0; i < (int) std::size (rates); ++i)
        if (rates[i] == rate)
            rateBox.setSelectedId (i + 1, juce::sendNotificationSync);
}

void ExportDialog::setTargetChosen (const std::string& key, bool chosen)
{
    for (size_t i = 0; i < targets.size(); ++i)
        if (targets[i].key == key)
            targetToggles[(int) i]->setToggleState (chosen, juce::dontSendNotification);
}

void ExportDialog::refreshEnablement()
{
    const auto r = request();
    const bool lossy = isLossy (r.format.container);
    depthBox.setEnabled (! lossy && ! running.load());
    ditherBox.setEnabled (! lossy && r.format.encoding != SampleEncoding::float32 && ! running.load());
    for (auto* t : targetToggles)
        t->setEnabled (r.source == ExportSource::master && ! running.load());
    for (auto* b : { &sourceBox, &formatBox, &rateBox })
        b->setEnabled (! running.load());
    chooseButton.setEnabled (! running.load());
    exportButton.setEnabled (! running.load());
    closeButton.setButtonText (running.load() ? "Cancel" : "Close");
    outputPath.setText (juce::String::fromUTF8 (output.string().c_str()), juce::dontSendNotification);
    if (auto reason = unsupportedReason (r.format); reason && ! lossy)
    {
        exportButton.setEnabled (false);
        stageLabel.setText (juce::String::fromUTF8 (reason->c_str()), juce::dontSendNotification);
    }
    else if (! running.load())
        stageLabel.setText ({}, juce::dontSendNotification);
}

void ExportDialog::chooseOutput()
{
    const auto r = request();
    const bool stems = r.source == ExportSource::stems;
    chooser = std::make_unique<juce::FileChooser> (stems ? "Export stems into" : "Export to", juce::File (juce::String (output.string())),
                                                   stems ? juce::String() : "*" + juce::String (extensionFor (r.format.container)));
    const auto chooserFlags = juce::FileBrowserComponent::saveMode
                       | (stems ? juce::FileBrowserComponent::canSelectDirectories : juce::FileBrowserComponent::canSelectFiles);
    chooser->launchAsync (chooserFlags, [this, stems] (const juce::FileChooser& fc) {
        auto file = fc.getResult();
        if (file == juce::File())
            return;
        fs::path chosen (file.getFullPathName().toStdString());
        if (! stems && chosen.extension() != extensionFor (request().format.container))
            chosen.replace_extension (extensionFor (request().format.container));
        setOutput (chosen);
    });
}

void ExportDialog::startExport()
{
    if (running.load())
        return;
    auto r = request();
    const bool exists = r.source != ExportSource::stems && fs::exists (r.output);
    auto go = [this, r] (bool allowMissing) mutable {
        r.replaceExisting = true;
        r.allowMissing = allowMissing;
        run (r);
    };
    auto afterMissingCheck = [this, go] () mutable {
        const auto missing = missingMediaFiles (model.toDocument());
        if (missing.empty())
        {
            go (false);
            return;
        }
        juce::AlertWindow::showOkCancelBox (juce::MessageBoxIconType::WarningIcon, "Media offline",
                                            juce::String ((int) missing.size()) + " media file(s) are offline (first: "
                                                + juce::String::fromUTF8 (missing.front().c_str()) + "). Export with silence in their place?",
                                            "Export anyway", "Cancel", this,
                                            juce::ModalCallbackFunction::create ([go] (int choice) mutable {
                                                if (choice == 1)
                                                    go (true);
                                            }));
    };
    if (exists)
    {
        juce::AlertWindow::showOkCancelBox (juce::MessageBoxIconType::QuestionIcon, "Replace file?",
                                            juce::String::fromUTF8 (r.output.string().c_str()) + " already exists. Replace it?", "Replace", "Cancel",
                                            this, juce::ModalCallbackFunction::create ([afterMissingCheck] (int choice) mutable {
                                                if (choice == 1)
                                                    afterMissingCheck();
                                            }));
        return;
    }
    afterMissingCheck();
}

void ExportDialog::run (ExportRequest r)
{
    if (worker.joinable())
        worker.join();
    cancel = false;
    progress = 0.0;
    running = true;
    failed = false;
    report.setText ({});
    refreshEnablement();
    startTimerHz (15);
    r.cancel = &cancel;
    r.progress = [this] (const std::string& name, double fraction) {
        progress = fraction;
        std::lock_guard<std::mutex> guard (stageLock);
        workerStage = name;
    };
    worker = std::thread ([this, r, document = model.toDocument()] {
        ExportResult result;
        juce::String error;
        try
        {
            result = exportSession (document, r, media);
        }
        catch (const std::exception& e)
        {
            error = juce::String::fromUTF8 (e.what());
        }
        const bool cancelled = cancel.load();
        juce::MessageManager::callAsync ([safe = juce::Component::SafePointer<ExportDialog> (this), result, error, cancelled] {
            if (safe != nullptr)
                safe->finished (result, error, cancelled);
        });
    });
}

void ExportDialog::timerCallback()
{
    progressValue = progress.load();
    std::lock_guard<std::mutex> guard (stageLock);
    stageLabel.setText (juce::String::fromUTF8 (workerStage.c_str()) + "...", juce::dontSendNotification);
}

void ExportDialog::finished (const ExportResult& result, const juce::String& error, bool cancelled)
{
    if (worker.joinable())
        worker.join();
    stopTimer();
    running = false;
    progressValue = error.isEmpty() ? 1.0 : 0.0;
    refreshEnablement();
    failed = error.isNotEmpty();
    if (failed)
    {
        report.setColour (juce::TextEditor::textColourId, colours::meterRed);
        report.setText ((cancelled ? "Export cancelled. " : "Export failed: ") + error
                        + "\n\nNothing was written over: files exported before are as they were.");
        stageLabel.setText (cancelled ? "Cancelled" : "Failed", juce::dontSendNotification);
        return;
    }
    report.setColour (juce::TextEditor::textColourId, colours::text);
    juce::String text;
    for (const auto& f : result.files)
        text << juce::String::fromUTF8 (f.file.filename().string().c_str()) << "\n   " << level (f.measured.integratedLufs, "LUFS")
             << ", true peak " << level (f.measured.truePeakDbtp, "dBTP") << ", LRA " << juce::String (f.measured.loudnessRangeLu, 1)
             << " LU\n";
    for (const auto& d : result.deliveries)
    {
        text << "\n" << (d.passes() ? "PASS  " : "FAIL  ") << juce::String::fromUTF8 (d.target.name.c_str()) << ": "
             << juce::String::fromUTF8 (d.file.filename().string().c_str()) << "\n";
        for (const auto& c : d.checks)
            text << "   " << (c.pass ? "ok    " : "FAIL  ") << juce::String::fromUTF8 (c.name.c_str()) << ": "
                 << juce::String::fromUTF8 (c.measured.c_str()) << " (wanted " << juce::String::fromUTF8 (c.wanted.c_str()) << ")\n";
        // A vinyl premaster: what the cutting engineer would warn of, with its times.
        if (d.vinyl)
            text << "   " << juce::String::fromUTF8 (describeVinylPreflight (*d.vinyl).c_str()).replace ("\n  ", "\n      ");
    }
    for (const auto& w : result.warnings)
        text << "\nWarning: " << juce::String::fromUTF8 (w.c_str());
    report.setText (text);
    stageLabel.setText ("Exported " + juce::String ((int) result.files.size() + (int) result.deliveries.size())
                            + " file(s) to " + juce::String::fromUTF8 ((request().source == ExportSource::stems ? output : output.parent_path()).string().c_str()),
                        juce::dontSendNotification);
}

void ExportDialog::paint (juce::Graphics& g)
{
    g.fillAll (colours::panel);
}

void ExportDialog::resized()
{
    auto area = getLocalBounds().reduced (16);
    auto row = [&] (juce::Label& label, int height = 26) {
        auto r = area.removeFromTop (height);
        label.setBounds (r.removeFromLeft (100));
        r.removeFromLeft (10);
        area.removeFromTop (6);
        return r;
    };
    sourceBox.setBounds (row (sourceLabel));
    auto formats = row (formatLabel);
    formatBox.setBounds (formats.removeFromLeft (190));
    formats.removeFromLeft (16);
    depthLabel.setBounds (formats.removeFromLeft (70));
    formats.removeFromLeft (6);
    depthBox.setBounds (formats.removeFromLeft (130));
    auto rateRow = row (rateLabel);
    rateBox.setBounds (rateRow.removeFromLeft (190));
    rateRow.removeFromLeft (16);
    ditherLabel.setBounds (rateRow.removeFromLeft (70));
    rateRow.removeFromLeft (6);
    ditherBox.setBounds (rateRow.removeFromLeft (130));
    auto targetArea = row (targetsLabel, 24 * ((targetToggles.size() + 3) / 4));
    const int w = targetArea.getWidth() / 4;
    for (int i = 0; i < targetToggles.size(); ++i)
        targetToggles[i]->setBounds (targetArea.getX() + (i % 4) * w, targetArea.getY() + (i / 4) * 24, w, 24);
    auto out = row (outputLabel);
    chooseButton.setBounds (out.removeFromRight (96));
    out.removeFromRight (6);
    outputPath.setBounds (out);
    area.removeFromTop (4);
    auto buttons = area.removeFromBottom (30);
    closeButton.setBounds (buttons.removeFromRight (96));
    buttons.removeFromRight (8);
    exportButton.setBounds (buttons.removeFromRight (110));
    area.removeFromBottom (8);
    auto progressRow = area.removeFromTop (22);
    progressBar.setBounds (progressRow.removeFromLeft (progressRow.getWidth() / 2));
    progressRow.removeFromLeft (10);
    stageLabel.setBounds (progressRow);
    area.removeFromTop (8);
    report.setBounds (area);
}

void ExportDialog::show (SessionModel& model, MediaPool& media, const fs::path& sessionFile, juce::Component* centreAround)
{
    auto* dialog = new ExportDialog (model, media, sessionFile);
    auto* window = launchDialog (dialog, "Export", centreAround);
    dialog->onClose = [window] { window->exitModalState (0); };
}
} // namespace crest
