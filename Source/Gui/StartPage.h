// What the window offers with no session open: start a mix from stems
// (files or a folder, a track each), master a stereo file (a mastering
// session with the default chain), open a session, one of the recent
// ones, or the demo song. The window says what each button does.
//
// Message thread only.
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <filesystem>
#include <functional>
#include <vector>

namespace crest
{
class StartPage : public juce::Component
{
public:
    StartPage();

    void setRecentSessions (const std::vector<std::filesystem::path>& sessions);

    std::function<void()> onNewFromStems, onMasterFile, onOpen, onOpenDemo;
    std::function<void (const std::filesystem::path&)> onOpenRecent;

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    struct Action
    {
        std::unique_ptr<juce::TextButton> button;
        std::unique_ptr<juce::Label> description;
    };
    Action& addAction (const juce::String& name, const juce::String& description, std::function<void()>& callback);

    std::vector<Action> actions;
    juce::Label recentTitle, noRecent;
    juce::OwnedArray<juce::TextButton> recentButtons;
    std::vector<std::filesystem::path> recent;
};
} // namespace crest
