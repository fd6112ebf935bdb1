#include "AbxWindow.h"

#include "Gui/CrestLookAndFeel.h"

namespace crest
{
AbxWindow::AbxWindow (juce::AudioDeviceManager& devices, MediaPool& media, std::function<SessionDocument()> session,
                      std::function<void()> stopSession, std::function<void()> onClose)
    : juce::DocumentWindow ("ABX listening test", colours::background, juce::DocumentWindow::closeButton), closed (std::move (onClose))
{
    content = std::make_unique<AbxView> (devices, media, std::move (session), std::move (stopSession));
    setContentNonOwned (content.get(), true);
    setUsingNativeTitleBar (true);
    setResizable (true, false);
    centreWithSize (getWidth(), getHeight());
}

AbxWindow::~AbxWindow()
{
    clearContentComponent();
}

void AbxWindow::closeButtonPressed()
{
    content->player().stop();
    if (closed)
        closed();
}
} // namespace crest
