#include "MasterView.h"

#include "Gui/CrestLookAndFeel.h"

namespace crest
{
MasterView::MasterView (SessionModel& model, SessionPlayer& player)
    : chainEditor (model, &player), loudnessPanel (player), scope (player), masterStrip (model, player)
{
    setTitle ("Master");
    setDescription ("The mastering chain, the loudness panel and the monitor switch");
    addAndMakeVisible (chainEditor);
    addAndMakeVisible (loudnessPanel);
    addAndMakeVisible (scope);
    addAndMakeVisible (masterStrip);
}

void MasterView::update()
{
    masterStrip.updateMeter();
    loudnessPanel.update (masterStrip.targetLufs());
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
    loudnessPanel.setBounds (area.removeFromBottom (std::max (230, area.getHeight() * 2 / 5)));
    area.removeFromBottom (8);
    scope.setBounds (area.removeFromRight (std::min (230, area.getWidth() / 4)));
    area.removeFromRight (8);
    chainEditor.setBounds (area);
}
} // namespace crest
