// The four views a key press apart: Arrange (1), Mixer (2), Master (3),
// Album (4); Tab cycles. Radio buttons, so a screen reader announces which is shown.
//
// Message thread only.
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace crest
{
enum class AppView
{
    arrange,
    mixer,
    master,
    album
};

class ViewTabs : public juce::Component
{
public:
    ViewTabs();

    void setCurrent (AppView view);
    std::function<void (AppView)> onChoose;

    void resized() override;

private:
    juce::TextButton arrangeButton { "Arrange" }, mixerButton { "Mixer" }, masterButton { "Master" }, albumButton { "Album" };
};
} // namespace crest
