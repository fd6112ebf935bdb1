// The ABX test's own window (View > ABX Listening Test): an AbxView that
// compares the open session's mix and master (rendered for it when asked)
// or files. Closing it stops what it plays.
//
// Message thread only.
#pragma once

#include "AbxView.h"
#include "Session/SessionDocument.h"

#include <functional>
#include <memory>

namespace crest
{
class AbxWindow : public juce::DocumentWindow
{
public:
    // `session` gives the open session (its mix and master are rendered
    // from it on Prepare); `onClose` is told when the user closes the window.
    AbxWindow (juce::AudioDeviceManager& devices, MediaPool& media, std::function<SessionDocument()> session,
               std::function<void()> stopSession, std::function<void()> onClose);
    ~AbxWindow() override;

    AbxView& view() noexcept { return *content; }
    void closeButtonPressed() override;

private:
    std::unique_ptr<AbxView> content;
    std::function<void()> closed;
};
} // namespace crest
