// The Master view's vinyl preflight: what a cutting engineer would send
// back about this master (VinylPreflight), checked in the app before the
// premaster is delivered. The format (7, 10 or 12 inches, 33 or 45 rpm;
// the master strip's vinyl target's when one is chosen), Check (the
// session's master rendered and read in the background), the side's
// length against what its level allows, and every warning with where it
// starts and ends: stereo bass, sibilance, phase. Choosing a warning puts
// the playhead at its start, to hear it.
//
// Message thread only. update() is called from the app's timer.
#pragma once

#include "Analysis/VinylPreflight.h"
#include "Gui/Shared/BackgroundTask.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <optional>

namespace crest
{
class SessionModel;
class SessionPlayer;

class VinylPanel : public juce::Component, private juce::ListBoxModel
{
public:
    VinylPanel (SessionModel& model, SessionPlayer& player);

    void update();
    // Another session: the last report (and a check still running) are not of it.
    void reset();
    void setFormat (const VinylFormat& format);
    // The master strip's target's format, taken when that target changes
    // (so a format the user chose stays while the target does).
    void followTarget (const std::optional<VinylFormat>& format);
    const VinylFormat& format() const noexcept { return chosen; }
    // Renders the master and preflights it in the background.
    void check();
    bool isChecking() const noexcept { return checking.pending(); }
    const std::optional<VinylPreflightReport>& report() const noexcept { return last; }
    // As a click on the warning's row does.
    void chooseWarning (int index);
    juce::String summary() const { return summaryLabel.getText(); }
    juce::String status() const { return statusLabel.getText(); }

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    int getNumRows() override;
    void paintListBoxItem (int row, juce::Graphics&, int width, int height, bool selected) override;
    void selectedRowsChanged (int lastRowSelected) override;

    SessionModel& model;
    SessionPlayer& player;
    VinylFormat chosen;
    std::optional<VinylFormat> followed;
    std::optional<VinylPreflightReport> last;
    uint64_t generation = 0;   // reset() moves it on: a check begun before is dropped
    juce::ComboBox formatMenu;
    juce::TextButton checkButton { "Check the master" };
    juce::Label summaryLabel, statusLabel;
    juce::ListBox list;
    struct Checked
    {
        VinylPreflightReport report;
        uint64_t generation;
    };
    BackgroundTask<Checked> checking;   // last: it stops first
};
} // namespace crest
