// The Relink dialog: the session's offline media listed by name and the
// folder it was last in; "Search folder..." looks for them by name in a
// folder the user picks (and under it) and shows what was found, "Relink"
// points the clips at the found files in one undo step. Clips still
// missing stay offline and keep their reference.
//
// Message thread only.
#pragma once

#include "Session/MediaRelink.h"
#include "Session/SessionModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <memory>

namespace crest
{
class RelinkDialog : public juce::Component, private juce::ListBoxModel
{
public:
    explicit RelinkDialog (SessionModel& model);

    // Looks in `folder` (the chooser calls this; so do the tests).
    void searchFolder (const std::filesystem::path& folder);
    // Applies what was found; returns the clips relinked.
    int relink();
    const RelinkSearch& search() const noexcept { return lastSearch; }

    std::function<void (int relinked)> onDone;   // after Relink or Close

    void paint (juce::Graphics&) override;
    void resized() override;

    static void show (SessionModel& model, juce::Component* centreAround, std::function<void (int)> onDone);

private:
    int getNumRows() override { return (int) missing.size(); }
    void paintListBoxItem (int row, juce::Graphics&, int width, int height, bool selected) override;
    void refreshSummary();

    SessionModel& model;
    std::vector<std::string> missing;
    RelinkSearch lastSearch;
    juce::Label heading, summary;
    juce::ListBox list { "Offline media", this };
    juce::TextButton searchButton { "Search folder..." }, relinkButton { "Relink" }, closeButton { "Close" };
    std::unique_ptr<juce::FileChooser> chooser;
};
} // namespace crest
