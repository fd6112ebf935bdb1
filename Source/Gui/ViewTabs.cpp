#include "ViewTabs.h"

#include "CrestLookAndFeel.h"

namespace crest
{
ViewTabs::ViewTabs()
{
    setTitle ("Views");
    int key = 1;
    for (auto* b : { &arrangeButton, &mixerButton, &masterButton, &albumButton })
    {
        b->setRadioGroupId (0x7ab5);
        b->setClickingTogglesState (true);
        b->setColour (juce::TextButton::buttonOnColourId, colours::accent.withAlpha (0.75f));
        b->setColour (juce::TextButton::textColourOnId, colours::background);
        b->setTooltip (b->getButtonText() + " view (" + juce::String (key++) + ", or Tab to cycle)");
        addAndMakeVisible (*b);
    }
    arrangeButton.onClick = [this] { if (arrangeButton.getToggleState() && onChoose) onChoose (AppView::arrange); };
    mixerButton.onClick = [this] { if (mixerButton.getToggleState() && onChoose) onChoose (AppView::mixer); };
    masterButton.onClick = [this] { if (masterButton.getToggleState() && onChoose) onChoose (AppView::master); };
    albumButton.onClick = [this] { if (albumButton.getToggleState() && onChoose) onChoose (AppView::album); };
}

void ViewTabs::setCurrent (AppView view)
{
    auto& button = view == AppView::arrange ? arrangeButton
                   : view == AppView::mixer ? mixerButton
                   : view == AppView::master ? masterButton
                                             : albumButton;
    button.setToggleState (true, juce::dontSendNotification);
}

void ViewTabs::resized()
{
    auto area = getLocalBounds();
    const int w = area.getWidth() / 4;
    arrangeButton.setBounds (area.removeFromLeft (w).reduced (2, 0));
    mixerButton.setBounds (area.removeFromLeft (w).reduced (2, 0));
    masterButton.setBounds (area.removeFromLeft (w).reduced (2, 0));
    albumButton.setBounds (area.reduced (2, 0));
}
} // namespace crest
