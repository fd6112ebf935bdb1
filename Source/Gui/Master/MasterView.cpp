#include "MasterView.h"

#include "Gui/CrestLookAndFeel.h"

namespace crest
{
MasterView::MasterView (SessionModel& model, SessionPlayer& player, MediaPool& media)
    : chainEditor (model, &player), loudnessPanel (player), referencePanel (model, player, media), scope (player), masterStrip (model, player)
{
    setTitle ("Master");
    setDescription ("The mastering chain, the loudness panel and the monitor switch");
    addAndMakeVisible (chainEditor);
    addAndMakeVisible (loudnessPanel);
    addAndMakeVisible (scope);
    addAndMakeVisible (masterStrip);
    addChildComponent (referencePanel);
    for (auto* tab : { &loudnessTab, &referencesTab })
    {
        tab->setClickingTogglesState (false);
        tab->setColour (juce::TextButton::buttonOnColourId, colours::accent);
        tab->setColour (juce::TextButton::textColourOnId, colours::background);
        addAndMakeVisible (tab);
    }
    loudnessTab.onClick = [this] { showReferences (false); };
    referencesTab.onClick = [this] { showReferences (true); };
    showReferences (false);
}

void MasterView::showReferences (bool show)
{
    referencePanel.setVisible (show);
    loudnessPanel.setVisible (! show);
    referencesTab.setToggleState (show, juce::dontSendNotification);
    loudnessTab.setToggleState (! show, juce::dontSendNotification);
}

void MasterView::update()
{
    masterStrip.updateMeter();
    loudnessPanel.update (masterStrip.targetLufs());
    referencePanel.update();
    scope.update();
}

void MasterView::reset()
{
    masterStrip.resetMeter();
    loudnessPanel.reset();
    scope.reset();
}

void MasterView::paint (juce::Graphics& g)
{
    g.fillAll (colours::background);
}

void MasterView::resized()
{
    auto area = getLocalBounds().reduced (8);
    masterStrip.setBounds (area.removeFromRight (MasterStrip::preferredWidth + 16));
    area.removeFromRight (8);
    auto lower = area.removeFromBottom (std::max (250, area.getHeight() * 2 / 5));
    auto tabs = lower.removeFromTop (22);
    loudnessTab.setBounds (tabs.removeFromLeft (100));
    tabs.removeFromLeft (4);
    referencesTab.setBounds (tabs.removeFromLeft (100));
    lower.removeFromTop (4);
    loudnessPanel.setBounds (lower);
    referencePanel.setBounds (lower);
    area.removeFromBottom (8);
    scope.setBounds (area.removeFromRight (std::min (230, area.getWidth() / 4)));
    area.removeFromRight (8);
    chainEditor.setBounds (area);
}
} // namespace crest
