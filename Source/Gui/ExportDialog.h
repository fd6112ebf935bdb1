// The Export dialog (File > Export, Ctrl+E): what to export (the master as
// heard, the mix before the master, or stems), the format, bit depth,
// sample rate and dither, the delivery targets for the master, and where.
// Export runs on its own thread with a progress bar and Cancel; at the end
// the dialog shows the compliance report (each file's loudness and true
// peak, each target's checks with pass or fail), or, when it fails, why,
// naming the file, with nothing already exported harmed.
//
// Message thread, except the export thread, which touches only its own
// copies and the atomics below and reports back through the message queue.
#pragma once

#include "Mastering/TargetPresets.h"
#include "Render/SessionExport.h"
#include "Session/SessionModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <thread>

namespace crest
{
class ExportDialog : public juce::Component, private juce::Timer
{
public:
    ExportDialog (SessionModel& model, MediaPool& media, std::filesystem::path sessionFile);
    ~ExportDialog() override;

    // The settings as chosen, and choosing them (the tests set them as a user would).
    ExportRequest request() const;
    void setSource (ExportSource source);
    void setOutput (const std::filesystem::path& fileOrFolder);
    void setFormat (const OutputFormat& format);
    void setSampleRate (double rate);   // 0: the session's
    void setTargetChosen (const std::string& key, bool chosen);

    // Export as the button does (asking before replacing a file).
    void startExport();
    bool isRunning() const noexcept { return running.load(); }
    // What the report area says now.
    juce::String reportText() const { return report.getText(); }
    bool lastExportFailed() const noexcept { return failed; }

    std::function<void()> onClose;

    void paint (juce::Graphics&) override;
    void resized() override;

    static void show (SessionModel& model, MediaPool& media, const std::filesystem::path& sessionFile, juce::Component* centreAround);

private:
    void timerCallback() override;
    void refreshEnablement();
    void chooseOutput();
    void run (ExportRequest request);
    void finished (const ExportResult& result, const juce::String& error, bool cancelled);
    std::filesystem::path defaultOutput (ExportSource source) const;

    SessionModel& model;
    MediaPool& media;
    std::filesystem::path sessionFile;
    std::vector<TargetPreset> targets;

    juce::Label sourceLabel, formatLabel, depthLabel, rateLabel, ditherLabel, targetsLabel, outputLabel, outputPath, stageLabel;
    juce::ComboBox sourceBox, formatBox, depthBox, rateBox, ditherBox;
    juce::OwnedArray<juce::ToggleButton> targetToggles;
    juce::TextButton chooseButton { "Choose..." }, exportButton { "Export" }, closeButton { "Close" };
    double progressValue = 0.0;
    juce::ProgressBar progressBar { progressValue };
    juce::TextEditor report;
    std::filesystem::path output;
    bool outputChosen = false;
    bool failed = false;

    std::thread worker;
    std::atomic<bool> running { false }, cancel { false };
    std::atomic<double> progress { 0.0 };
    std::mutex stageLock;
    std::string workerStage;
    std::unique_ptr<juce::FileChooser> chooser;
};
} // namespace crest
