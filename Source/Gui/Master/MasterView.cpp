#include "MasterView.h"

#include "Gui/CrestLookAndFeel.h"

namespace crest
{
MasterView::MasterView (SessionModel& model, SessionPlayer& player, MediaPool& media)
    : chainEditor (model, &player), loudnessPanel (player), referencePanel (model, player, media), vinylPanel (model, player), scope (player), masterStrip (model, player)
{
    setTitle ("Master");
    setDescription ("The mastering chain, the loudness panel and the monitor switch");
    addAndMakeVisible (chainEditor);
    addAndMakeVisible (loudnessPanel);
    addAndMakeVisible (scope);
    addAndMakeVisible (masterStrip);
    addChildComponent (referencePanel);
    addChildComponent (vinylPanel);
    vinylTab.setTooltip ("Vinyl preflight: what a cutting engineer would warn of in this master");
    for (auto* tab : { &loudnessTab, &referencesTab, &vinylTab })
    {
        tab->setClickingTogglesState (false);
        tab->setColour (juce::TextButton::buttonOnColourId, colours::accent);
        tab->setColour (juce::TextButton::textColourOnId, colours::background);
        addAndMakeVisible (tab);
    }
    loudnessTab.onClick = [this] { show (Lower::loudness); };
    referencesTab.onClick = [this] { show (Lower::references); };
    vinylTab.onClick = [this] { show (Lower::vinyl); };
    show (Lower::loudness);
}

void MasterView::show (Lower panel)
{
    loudnessPanel.setVisible (panel == Lower::loudness);
    referencePanel.setVisible (panel == Lower::references);
    vinylPanel.setVisible (panel == Lower::vinyl);
    loudnessTab.setToggleState (panel == Lower::loudness, juce::dontSendNotification);
    referencesTab.setToggleState (panel == Lower::references, juce::dontSendNotification);
    vinylTab.setToggleState (panel == Lower::vinyl, juce::dontSendNotification);
    // A vinyl target chosen in the strip names the format to check for.
    if (panel == Lower::vinyl)
        vinylPanel.followTarget (masterStrip.targetVinyl());
}

void MasterView::update()
{
    masterStrip.updateMeter();
    loudnessPanel.update (masterStrip.targetLufs());
    referencePanel.update();
    vinylPanel.update();
    scope.update();
}

void MasterView::reset()
{
    masterStrip.resetMeter();
    loudnessPanel.reset();
    vinylPanel.reset();
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
    tabs.removeFromLeft (4);
    vinylTab.setBounds (tabs.removeFromLeft (100));
    lower.removeFromTop (4);
    loudnessPanel.setBounds (lower);
    referencePanel.setBounds (lower);
    vinylPanel.setBounds (lower);
    area.removeFromBottom (8);
    scope.setBounds (area.removeFromRight (std::min (230, area.getWidth() / 4)));
    area.removeFromRight (8);
    chainEditor.setBounds (area);
}
} // namespace crest
