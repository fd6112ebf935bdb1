#include "VinylPanel.h"

#include "Core/ClockText.h"
#include "Engine/SessionPlayer.h"
#include "Gui/CrestLookAndFeel.h"
#include "Render/SessionComparison.h"
#include "Session/SessionModel.h"

#include <cmath>

namespace crest
{
namespace
{
    constexpr VinylFormat formats[] = { { 7, 45 }, { 10, 33 }, { 10, 45 }, { 12, 33 }, { 12, 45 } };

    juce::String clock (double seconds) { return juce::String (clockText (seconds, 1)); }

    juce::String worstText (const VinylWarning& w)
    {
        switch (w.kind)
        {
            case VinylWarning::Kind::phase: return "correlation " + juce::String (w.worst, 2);
            case VinylWarning::Kind::sideLength: return clock (w.worst);
            case VinylWarning::Kind::stereoBass:
            case VinylWarning::Kind::sibilance: return juce::String (w.worst, 1) + " dBFS";
        }
        return {};
    }
} // namespace

VinylPanel::VinylPanel (SessionModel& m, SessionPlayer& p) : model (m), player (p)
{
    setTitle ("Vinyl preflight");
    formatMenu.setTitle ("Vinyl format");
    for (size_t i = 0; i < std::size (formats); ++i)
        formatMenu.addItem (juce::String (formats[i].name()), (int) i + 1);
    formatMenu.onChange = [this] {
        const int index = formatMenu.getSelectedId() - 1;
        if (index >= 0 && index < (int) std::size (formats))
            setFormat (formats[index]);
    };
    addAndMakeVisible (formatMenu);
    checkButton.setTooltip ("Render the master and read it as a cutting engineer would: stereo bass, sibilance, phase, and the side's length");
    checkButton.onClick = [this] { check(); };
    addAndMakeVisible (checkButton);
    summaryLabel.setColour (juce::Label::textColourId, colours::text);
    addAndMakeVisible (summaryLabel);
    statusLabel.setColour (juce::Label::textColourId, colours::textDim);
    statusLabel.setFont (juce::Font (12.0f));
    addAndMakeVisible (statusLabel);
    list.setModel (this);
    list.setTitle ("Vinyl warnings");
    list.setRowHeight (22);
    list.setColour (juce::ListBox::backgroundColourId, colours::faderTrack);
    addAndMakeVisible (list);
    setFormat (chosen);
    summaryLabel.setText ("Check the master to see what a cutting engineer would warn of", juce::dontSendNotification);
}

void VinylPanel::setFormat (const VinylFormat& format)
{
    chosen = format;
    for (size_t i = 0; i < std::size (formats); ++i)
        if (formats[i].diameterInches == format.diameterInches && formats[i].rpm == format.rpm)
            formatMenu.setSelectedId ((int) i + 1, juce::dontSendNotification);
}

void VinylPanel::followTarget (const std::optional<VinylFormat>& format)
{
    const auto same = [] (const std::optional<VinylFormat>& a, const std::optional<VinylFormat>& b) {
        return a.has_value() == b.has_value() && (! a || (a->diameterInches == b->diameterInches && a->rpm == b->rpm));
    };
    if (same (format, followed))
        return;
    followed = format;
    if (format)
        setFormat (*format);
}

void VinylPanel::reset()
{
    ++generation;
    last.reset();
    list.updateContent();
    summaryLabel.setText ("Check the master to see what a cutting engineer would warn of", juce::dontSendNotification);
    statusLabel.setText ({}, juce::dontSendNotification);
    repaint();
}

void VinylPanel::check()
{
    VinylPreflightSettings settings;
    settings.format = chosen;
    const bool started = checking.start ([session = model.toDocument(), settings, g = generation] (const std::atomic<bool>& cancel) {
        SessionComparison renders (session, {}, false, nullptr, &cancel);
        return Checked { preflightVinylFile (renders.masterFile(), settings), g };
    });
    if (started)
    {
        checkButton.setEnabled (false);
        statusLabel.setText ("Rendering the master and reading it...", juce::dontSendNotification);
    }
}

void VinylPanel::update()
{
    auto outcome = checking.take();
    if (! outcome)
        return;
    checkButton.setEnabled (true);
    if (outcome->result && outcome->result->generation != generation)
        return;   // of the session before
    if (! outcome->problem.empty())
    {
        // A report from before is not this master's.
        last.reset();
        list.updateContent();
        summaryLabel.setText ({}, juce::dontSendNotification);
        statusLabel.setText (juce::String::fromUTF8 (outcome->problem.c_str()), juce::dontSendNotification);
        return;
    }
    last = std::move (outcome->result->report);
    const auto& r = *last;
    summaryLabel.setText (juce::String (r.settings.format.name()) + ": side " + clock (r.sideSeconds) + " at " + juce::String (r.integratedLufs, 1)
                              + " LUFS, " + clock (r.allowedSideSeconds) + " allowed at that level. "
                              + (r.warnings.empty() ? juce::String ("No warnings.")
                                                    : juce::String ((int) r.warnings.size()) + (r.warnings.size() == 1 ? " warning." : " warnings.")),
                          juce::dontSendNotification);
    statusLabel.setText (r.warnings.empty() ? "Nothing a cutting engineer would send back" : "Choose a warning to put the playhead there",
                         juce::dontSendNotification);
    list.updateContent();
    list.repaint();
}

void VinylPanel::chooseWarning (int index)
{
    if (! last || index < 0 || index >= (int) last->warnings.size())
        return;
    list.selectRow (index, true, true);
    player.seek (std::llround (last->warnings[(size_t) index].startSeconds * model.sampleRate()));
}

int VinylPanel::getNumRows()
{
    return last ? (int) last->warnings.size() : 0;
}

void VinylPanel::paintListBoxItem (int row, juce::Graphics& g, int width, int height, bool selected)
{
    if (! last || row < 0 || row >= (int) last->warnings.size())
        return;
    const auto& w = last->warnings[(size_t) row];
    if (selected)
        g.fillAll (colours::panelRaised);
    g.setFont (juce::Font (13.0f));
    g.setColour (w.kind == VinylWarning::Kind::phase || w.kind == VinylWarning::Kind::sideLength ? colours::meterRed : colours::meterYellow);
    g.drawText (juce::String (vinylWarningName (w.kind)), 6, 0, 110, height, juce::Justification::centredLeft);
    g.setColour (colours::text);
    const auto when = w.kind == VinylWarning::Kind::sideLength ? juce::String ("the whole side") : clock (w.startSeconds) + " - " + clock (w.endSeconds);
    g.drawText (when, 120, 0, 150, height, juce::Justification::centredLeft);
    g.setColour (colours::textDim);
    g.drawText (worstText (w), 270, 0, 120, height, juce::Justification::centredLeft);
    g.drawText (juce::String (w.message), 390, 0, width - 396, height, juce::Justification::centredLeft, true);
}

void VinylPanel::selectedRowsChanged (int lastRowSelected)
{
    if (lastRowSelected >= 0)
        chooseWarning (lastRowSelected);
}

void VinylPanel::paint (juce::Graphics& g)
{
    g.fillAll (colours::background);
}

void VinylPanel::resized()
{
    auto area = getLocalBounds().reduced (8, 6);
    auto top = area.removeFromTop (26);
    formatMenu.setBounds (top.removeFromLeft (240));
    top.removeFromLeft (8);
    checkButton.setBounds (top.removeFromLeft (150));
    top.removeFromLeft (12);
    summaryLabel.setBounds (top);
    statusLabel.setBounds (area.removeFromBottom (18));
    area.removeFromTop (6);
    list.setBounds (area);
}
} // namespace crest
