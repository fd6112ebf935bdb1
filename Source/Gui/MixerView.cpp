#include "MixerView.h"

#include "CrestLookAndFeel.h"

#include "Engine/SessionPlayer.h"

namespace crest
{
MixerView::MixerView (SessionModel& m, SessionPlayer* p)
    : model (m), session (m.state()), mixBus (m, p), player (p)
{
    viewport.setViewedComponent (&stripHolder, false);
    viewport.setScrollBarsShown (false, true);
    viewport.setScrollBarThickness (10);
    addAndMakeVisible (viewport);
    addAndMakeVisible (mixBus);

    emptyLabel.setText ("This session has no tracks.", juce::dontSendNotification);
    emptyLabel.setJustificationType (juce::Justification::centred);
    emptyLabel.setColour (juce::Label::textColourId, colours::textDim);
    addChildComponent (emptyLabel);

    addAux.setTooltip ("Add an aux bus (a return fed by sends: reverb, delay, parallel compression)");
    addAux.onClick = [this]
    {
        model.beginGesture ("Add aux bus");
        model.addBus ("Aux " + juce::String (model.numBuses() + 1), BusKind::aux);
    };
    addGroup.setTooltip ("Add a group bus (a sub-mix: route tracks' outputs to it)");
    addGroup.onClick = [this]
    {
        model.beginGesture ("Add group bus");
        model.addBus ("Group " + juce::String (model.numBuses() + 1), BusKind::group);
    };
    addAndMakeVisible (addAux);
    addAndMakeVisible (addGroup);

    session.addListener (this);
    rebuildStrips();
}

void MixerView::setControlGestureHandler (ControlGestureHandler handler)
{
    controlGesture = std::move (handler);
    for (auto& strip : strips)
        strip->onControlGesture = controlGesture;
}

MixerView::~MixerView()
{
    session.removeListener (this);
}

void MixerView::valueTreeChildAdded (juce::ValueTree& parent, juce::ValueTree&)
{
    if (parent == session)
        triggerAsyncUpdate();
}

void MixerView::valueTreeChildRemoved (juce::ValueTree& parent, juce::ValueTree&, int)
{
    if (parent == session)
        triggerAsyncUpdate();
}

void MixerView::valueTreeChildOrderChanged (juce::ValueTree& parent, int, int)
{
    if (parent == session)
        triggerAsyncUpdate();
}

void MixerView::rebuildStrips()
{
    strips.clear();
    for (int i = 0; i < model.numTracks() + model.numBuses(); ++i)
    {
        auto strip = std::make_unique<ChannelStrip> (model, model.state().getChild (i), i, player);
        strip->onControlGesture = controlGesture;
        stripHolder.addAndMakeVisible (*strip);
        strips.push_back (std::move (strip));
    }
    emptyLabel.setVisible (strips.empty());
    mixBus.resetMeter();
    layoutStrips();
}

void MixerView::updateMeters (SessionPlayer& live)
{
    // A rebuild is pending: the strips may name tracks that are gone.
    if (isUpdatePending())
        return;
    for (auto& strip : strips)
        strip->updateMeter (live);
    mixBus.updateMeter (live);
}

void MixerView::resetMeters()
{
    for (auto& strip : strips)
        strip->resetMeter();
    mixBus.resetMeter();
}

void MixerView::paint (juce::Graphics& g)
{
    g.fillAll (colours::background);
}

void MixerView::resized()
{
    auto area = getLocalBounds().reduced (8, 8);
    area.removeFromRight (6);
    mixBus.setBounds (area.removeFromRight (MixBusStrip::preferredWidth));
    area.removeFromRight (10);
    auto buttons = area.removeFromTop (24);
    addAux.setBounds (buttons.removeFromLeft (96));
    buttons.removeFromLeft (6);
    addGroup.setBounds (buttons.removeFromLeft (104));
    area.removeFromTop (6);
    viewport.setBounds (area);
    emptyLabel.setBounds (area);
    layoutStrips();
}

void MixerView::layoutStrips()
{
    const int spacing = 4;
    const int busGap = 14;   // buses sit apart from the tracks
    const int count = (int) strips.size();
    const int tracks = model.numTracks();
    const int width = juce::jmax (viewport.getWidth(), count * (ChannelStrip::preferredWidth + spacing) + (count > tracks ? busGap : 0));
    // Leave room for the horizontal scrollbar only when it is needed.
    const bool scrolls = width > viewport.getWidth();
    const int height = viewport.getHeight() - (scrolls ? viewport.getScrollBarThickness() + 2 : 0);
    stripHolder.setSize (width, juce::jmax (0, height));
    for (int i = 0; i < count; ++i)
        strips[(size_t) i]->setBounds (i * (ChannelStrip::preferredWidth + spacing) + (i >= tracks ? busGap : 0), 0,
                                       ChannelStrip::preferredWidth, stripHolder.getHeight());
}
} // namespace crest
