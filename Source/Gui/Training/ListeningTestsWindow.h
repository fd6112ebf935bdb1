// The listening tests' own window (View > ABX Listening Test, View > EQ
// Ear Training): two tabs, the blind ABX test (AbxView) and EQ ear
// training (EarTrainerView), each playing through the session's device.
// Switching tabs or closing the window stops what plays.
//
// Message thread only.
#pragma once

#include "AbxView.h"
#include "EarTrainerView.h"
#include "Session/SessionDocument.h"

#include <functional>
#include <memory>

namespace crest
{
class ListeningTestsWindow : public juce::DocumentWindow
{
public:
    enum Tab
    {
        abxTab,
        earTrainingTab
    };

    // `session` gives the open session (what is rendered from it is
    // rendered on Prepare); `onClose` is told when the user closes the window.
    ListeningTestsWindow (juce::AudioDeviceManager& devices, MediaPool& media, std::function<SessionDocument()> session,
                          std::function<void()> stopSession, std::function<void()> onClose);
    ~ListeningTestsWindow() override;

    void show (Tab tab);
    AbxView& abx() noexcept { return *abxView; }
    EarTrainerView& earTraining() noexcept { return *earView; }
    void closeButtonPressed() override;

private:
    class Tabs;
    std::unique_ptr<AbxView> abxView;
    std::unique_ptr<EarTrainerView> earView;
    std::unique_ptr<Tabs> tabs;
    std::function<void()> closed;
};
} // namespace crest
