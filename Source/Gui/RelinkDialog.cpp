#include "RelinkDialog.h"

#include "CrestLookAndFeel.h"
#include "DialogLauncher.h"

namespace crest
{
namespace fs = std::filesystem;

RelinkDialog::RelinkDialog (SessionModel& m) : model (m), missing (missingMediaFiles (m.toDocument()))
{
    setTitle ("Relink media");
    heading.setText (juce::String ((int) missing.size()) + (missing.size() == 1 ? " media file is" : " media files are")
                         + " offline. Pick the folder they are in now: Crest looks for them by name there and in the folders under it.",
                     juce::dontSendNotification);
    heading.setJustificationType (juce::Justification::topLeft);
    heading.setColour (juce::Label::textColourId, colours::text);
    addAndMakeVisible (heading);

    list.setRowHeight (34);
    list.setColour (juce::ListBox::backgroundColourId, colours::faderTrack);
    list.setTitle ("Offline media");
    addAndMakeVisible (list);

    summary.setColour (juce::Label::textColourId, colours::textDim);
    addAndMakeVisible (summary);

    searchButton.onClick = [this] {
        chooser = std::make_unique<juce::FileChooser> ("Folder to search", juce::File::getSpecialLocation (juce::File::userHomeDirectory));
        chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectDirectories,
                              [this] (const juce::FileChooser& fc) {
                                  if (fc.getResult() != juce::File())
                                      searchFolder (fs::path (fc.getResult().getFullPathName().toStdString()));
                              });
    };
    relinkButton.onClick = [this] {
        const int n = relink();
        if (onDone)
            onDone (n);
    };
    closeButton.onClick = [this] {
        if (onDone)
            onDone (0);
    };
    for (auto* b : { &searchButton, &relinkButton, &closeButton })
        addAndMakeVisible (*b);
    refreshSummary();
    setSize (640, 420);
}

void RelinkDialog::searchFolder (const fs::path& folder)
{
    lastSearch = searchForMissingMedia (missing, folder);
    refreshSummary();
    list.repaint();
}

int RelinkDialog::relink()
{
    if (lastSearch.found.empty())
        return 0;
    model.beginGesture ("Relink media");
    return model.relinkMedia (lastSearch.found);
}

void RelinkDialog::refreshSummary()
{
    const int found = (int) lastSearch.found.size();
    relinkButton.setEnabled (found > 0);
    relinkButton.setButtonText (found > 0 ? "Relink " + juce::String (found) + (found == 1 ? " file" : " files") : juce::String ("Relink"));
    if (lastSearch.filesLookedAt == 0)
        summary.setText ("Not searched yet.", juce::dontSendNotification);
    else
        summary.setText ("Found " + juce::String (found) + " of " + juce::String ((int) missing.size()) + " (looked at "
                             + juce::String (lastSearch.filesLookedAt) + " files" + (lastSearch.stoppedEarly ? ", stopped early: pick a smaller folder" : "")
                             + ").",
                         juce::dontSendNotification);
}

void RelinkDialog::paintListBoxItem (int row, juce::Graphics& g, int width, int height, bool selected)
{
    if (row < 0 || row >= (int) missing.size())
        return;
    const auto& file = missing[(size_t) row];
    if (selected)
        g.fillAll (colours::panelRaised);
    const auto name = juce::String::fromUTF8 (fs::path (file).filename().string().c_str());
    const auto found = lastSearch.found.find (file);
    g.setColour (colours::text);
    g.setFont (juce::Font (13.0f, juce::Font::bold));
    g.drawText (name, 8, 2, width - 16, height / 2, juce::Justification::centredLeft, true);
    g.setFont (juce::Font (11.0f));
    if (found != lastSearch.found.end())
    {
        g.setColour (colours::meterGreen);
        g.drawText ("found: " + juce::String::fromUTF8 (found->second.c_str()), 8, height / 2, width - 16, height / 2 - 2,
                    juce::Justification::centredLeft, true);
    }
    else
    {
        g.setColour (colours::textDim);
        g.drawText ("was in " + juce::String::fromUTF8 (fs::path (file).parent_path().string().c_str()), 8, height / 2, width - 16,
                    height / 2 - 2, juce::Justification::centredLeft, true);
    }
}

void RelinkDialog::paint (juce::Graphics& g)
{
    g.fillAll (colours::panel);
}

void RelinkDialog::resized()
{
    auto area = getLocalBounds().reduced (14);
    heading.setBounds (area.removeFromTop (44));
    auto buttons = area.removeFromBottom (30);
    closeButton.setBounds (buttons.removeFromRight (90));
    buttons.removeFromRight (8);
    relinkButton.setBounds (buttons.removeFromRight (130));
    searchButton.setBounds (buttons.removeFromLeft (150));
    area.removeFromBottom (8);
    summary.setBounds (area.removeFromBottom (22));
    list.setBounds (area);
}

void RelinkDialog::show (SessionModel& model, juce::Component* centreAround, std::function<void (int)> onDone)
{
    auto* dialog = new RelinkDialog (model);
    auto* window = launchDialog (dialog, "Relink media", centreAround);
    dialog->onDone = [window, onDone] (int relinked) {
        if (onDone)
            onDone (relinked);
        window->exitModalState (relinked);
        // The window deletes itself (and the dialog) once out of its modal state.
    };
}
} // namespace crest
