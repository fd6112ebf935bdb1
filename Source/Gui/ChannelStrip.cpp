#include "ChannelStrip.h"

#include "CrestLookAndFeel.h"

#include "Core/Automation.h"
#include "Core/ParameterSpec.h"
#include "Core/StripParameters.h"
#include "Engine/SessionPlayer.h"

namespace crest
{
ChannelStrip::ChannelStrip (SessionModel& m, juce::ValueTree t, int index, SessionPlayer* player)
    : model (m),
      trackTree (std::move (t)),
      placeIndex (index),
      colour (trackTree.hasType (ids::BUS) ? busColour : colours::forChannel (trackTree, index)),
      stripButton (m, trackTree, player),
      overview (m, trackTree),
      routing (m, trackTree)
{
    nameLabel.setJustificationType (juce::Justification::centred);
    nameLabel.setFont (juce::Font (14.0f, juce::Font::bold));
    nameLabel.setEditable (false, true, false);
    nameLabel.setTooltip ("Double-click to rename");
    nameLabel.addMouseListener (this, false);   // right-click: the bus menu
    nameLabel.setColour (juce::Label::textWhenEditingColourId, colours::text);
    nameLabel.setColour (juce::Label::backgroundWhenEditingColourId, colours::faderTrack);
    nameLabel.onTextChange = [this]
    {
        const auto text = nameLabel.getText().trim();
        if (text.isEmpty() || text == trackTree[ids::name].toString())
        {
            refreshFromModel();
            return;
        }
        model.beginGesture (isBus() ? "Rename bus" : "Rename track");
        model.setTrackValue (trackTree, ids::name, text);
    };
    addAndMakeVisible (nameLabel);

    channelsLabel.setJustificationType (juce::Justification::centred);
    channelsLabel.setFont (juce::Font (10.0f));
    channelsLabel.setColour (juce::Label::textColourId, colours::textDim);
    addAndMakeVisible (channelsLabel);

    const auto& pan = params::pan;
    panKnob.setRange (pan.minimum, pan.maximum, 1.0);
    panKnob.setDoubleClickReturnValue (true, pan.defaultValue);
    panKnob.setRotaryParameters (juce::MathConstants<float>::pi * 1.25f, juce::MathConstants<float>::pi * 2.75f, true);
    panKnob.setMouseDragSensitivity (160);
    panKnob.setTooltip ("Pan. Double-click to centre.");
    panKnob.setTitle ("Pan");
    panKnob.setWantsKeyboardFocus (true);
    panKnob.textFromValueFunction = [] (double v) { return formatPan (v); };
    panKnob.onDragStart = [this]
    {
        panDragging = true;
        panNewGesture = true;
    };
    panKnob.onDragEnd = [this] {
        panDragging = false;
        if (onControlGesture)
            onControlGesture (trackTree, "pan", panKnob.getValue(), 2);
    };
    panKnob.onValueChange = [this]
    {
        if (! panDragging || panNewGesture)
            model.beginGesture ("Pan " + trackTree[ids::name].toString());
        if (onControlGesture && panDragging)
            onControlGesture (trackTree, "pan", panKnob.getValue(), panNewGesture ? 0 : 1);
        panNewGesture = false;
        model.setTrackValue (trackTree, ids::pan, panKnob.getValue());
        panLabel.setText (formatPan (panKnob.getValue()), juce::dontSendNotification);
    };
    addAndMakeVisible (panKnob);

    panLabel.setJustificationType (juce::Justification::centred);
    panLabel.setFont (juce::Font (11.0f));
    panLabel.setColour (juce::Label::textColourId, colours::textDim);
    addAndMakeVisible (panLabel);

    muteButton.setClickingTogglesState (true);
    muteButton.setColour (juce::TextButton::buttonOnColourId, colours::mute);
    muteButton.setColour (juce::TextButton::textColourOnId, juce::Colours::white);
    muteButton.setTooltip ("Mute");
    muteButton.onClick = [this]
    {
        model.beginGesture ("Mute " + trackTree[ids::name].toString());
        model.setTrackValue (trackTree, ids::mute, muteButton.getToggleState());
    };
    addAndMakeVisible (muteButton);

    soloButton.setClickingTogglesState (true);
    soloButton.setColour (juce::TextButton::buttonOnColourId, colours::accent);
    soloButton.setTooltip ("Solo");
    soloButton.onClick = [this]
    {
        model.beginGesture ("Solo " + trackTree[ids::name].toString());
        model.setTrackValue (trackTree, ids::solo, soloButton.getToggleState());
    };
    addAndMakeVisible (soloButton);

    addAndMakeVisible (stripButton);
    overview.onClick = [this] {
        stripButton.openEditor();
        if (auto* window = stripButton.editorWindow())
            window->editor().showModule (StripModule::eq);
    };
    addAndMakeVisible (overview);

    // Polarity and input trim, the first things on a console's channel.
    polarityButton.setClickingTogglesState (true);
    polarityButton.setTitle ("Polarity invert");
    polarityButton.setTooltip ("Invert the polarity");
    polarityButton.setColour (juce::TextButton::buttonOnColourId, colours::accent);
    polarityButton.onClick = [this] {
        model.beginGesture (polarityButton.getToggleState() ? "Polarity inverted" : "Polarity normal");
        model.setStripValue (trackTree, stripKeys::invertPolarity, polarityButton.getToggleState() ? 1.0 : 0.0);
    };
    addAndMakeVisible (polarityButton);
    trimBar.setTitle ("Input trim");
    trimBar.setWantsKeyboardFocus (true);
    trimBar.setRange (params::trimDb.minimum, params::trimDb.maximum, 0.1);
    trimBar.setDoubleClickReturnValue (true, params::trimDb.defaultValue);
    trimBar.textFromValueFunction = [] (double v) { return (v > 0 ? "+" : "") + juce::String (v, 1) + " dB"; };
    trimBar.setTooltip ("Input trim, before the strip. Double-click for 0 dB.");
    trimBar.setColour (juce::Slider::trackColourId, colours::accent.withAlpha (0.35f));
    trimBar.onDragStart = [this] { model.beginGesture ("Trim"); };
    trimBar.onValueChange = [this] { model.setTrackValue (trackTree, ids::trimDb, trimBar.getValue()); };
    addAndMakeVisible (trimBar);
    addAndMakeVisible (routing);

    fader.setColour (juce::Slider::rotarySliderFillColourId, colour);
    fader.onEdit = [this] (double db, bool newGesture)
    {
        if (newGesture)
            model.beginGesture ("Fader " + trackTree[ids::name].toString());
        model.setTrackValue (trackTree, ids::faderDb, db);
        if (onControlGesture)
            onControlGesture (trackTree, "faderDb", db, newGesture ? 0 : 1);
    };
    fader.onRelease = [this]
    {
        if (onControlGesture)
            onControlGesture (trackTree, "faderDb", fader.getValue(), 2);
    };
    addAndMakeVisible (fader);
    addAndMakeVisible (meter);

    refreshFromModel();
    trackTree.addListener (this);
}

ChannelStrip::~ChannelStrip()
{
    trackTree.removeListener (this);
}

juce::String ChannelStrip::formatPan (double pan)
{
    const int p = juce::roundToInt (pan);
    if (p == 0)
        return "C";
    return (p < 0 ? "L" : "R") + juce::String (std::abs (p));
}

void ChannelStrip::refreshFromModel()
{
    nameLabel.setText (trackTree[ids::name].toString(), juce::dontSendNotification);
    nameLabel.setTooltip (trackTree[ids::name].toString() + " (double-click to rename)");
    // What a screen reader says: whose fader, whose pan.
    fader.setTitle (trackTree[ids::name].toString() + " fader");
    panKnob.setTitle (trackTree[ids::name].toString() + " pan");
    if (isBus())
        channelsLabel.setText (trackTree[ids::kind].toString() == "group" ? "GROUP BUS" : "AUX BUS", juce::dontSendNotification);
    else
        channelsLabel.setText ((int) trackTree[ids::channels] == 2 ? "STEREO" : "MONO", juce::dontSendNotification);
    panKnob.setValue ((double) trackTree[ids::pan], juce::dontSendNotification);
    panLabel.setText (formatPan (panKnob.getValue()), juce::dontSendNotification);
    muteButton.setToggleState ((bool) trackTree[ids::mute], juce::dontSendNotification);
    soloButton.setToggleState ((bool) trackTree[ids::solo], juce::dontSendNotification);
    fader.showValue ((double) trackTree[ids::faderDb]);
    polarityButton.setToggleState (SessionModel::stripValue (trackTree, stripKeys::invertPolarity) >= 0.5, juce::dontSendNotification);
    trimBar.setValue ((double) trackTree.getProperty (ids::trimDb, 0.0), juce::dontSendNotification);

}

void ChannelStrip::valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier&)
{
    if (tree == trackTree)
    {
        if (! isBus())
            colour = colours::forChannel (trackTree, placeIndex);
        refreshFromModel();
        repaint();
    }
}

void ChannelStrip::mouseDown (const juce::MouseEvent& e)
{
    if (! e.mods.isPopupMenu() || ! isBus())
        return;
    juce::PopupMenu menu;
    menu.addSectionHeader (trackTree[ids::name].toString());
    menu.addItem (1, "Solo-safe (stays audible when others solo)", true, (bool) trackTree[ids::soloSafe]);
    menu.addItem (2, "Remove bus");
    menu.showMenuAsync (juce::PopupMenu::Options(), [this] (int result) {
        if (result == 1)
        {
            model.beginGesture ("Solo-safe");
            model.setTrackValue (trackTree, ids::soloSafe, ! (bool) trackTree[ids::soloSafe]);
        }
        else if (result == 2)
        {
            model.beginGesture ("Remove bus " + trackTree[ids::name].toString());
            for (int b = 0; b < model.numBuses(); ++b)
                if (model.bus (b) == trackTree)
                {
                    model.removeBus (b);
                    return;   // this strip is rebuilt away
                }
        }
    });
}

void ChannelStrip::updateMeter (SessionPlayer& player)
{
    // A fader lane that plays moves the fader with it, as on a moving-fader
    // desk; not while the user holds it (touch and latch are recording).
    if (const auto lane = SessionModel::laneOf (trackTree, "faderDb");
        lane && lane->mode != AutomationMode::off && ! lane->points.empty() && ! fader.isMouseButtonDown())
    {
        std::vector<AutomationPointValue> points;
        for (const auto& p : lane->points)
            points.push_back ({ p.time, p.value, p.curve });
        fader.showValue (AutomationCurve (points, *automationTarget ("faderDb")).unitValueAt (player.position()));
    }
    overview.setGainReduction (player.gainReductionDb (trackTree[ids::id].toString()));
    if (auto runtime = player.runtimeFor (trackTree[ids::id].toString()))
        meter.pushPeaks (runtime->controls.meterLeft.take(), runtime->controls.meterRight.take());
    else
        meter.pushPeaks (0.0f, 0.0f);
}

void ChannelStrip::paint (juce::Graphics& g)
{
    auto bounds = getLocalBounds().toFloat().reduced (2.0f, 0.0f);
    g.setColour (colours::panel);
    g.fillRoundedRectangle (bounds, 4.0f);
    // The track's colour as a cap, so a strip is recognisable from afar.
    g.setColour (colour);
    g.fillRoundedRectangle (bounds.removeFromTop (4.0f), 2.0f);

    // A hairline under the name and above the fader section.
    g.setColour (colours::outline);
    g.drawHorizontalLine (muteButton.getBottom() + 6, bounds.getX() + 6.0f, bounds.getRight() - 6.0f);
}

void ChannelStrip::resized()
{
    auto area = getLocalBounds().reduced (6, 0);
    area.removeFromTop (8);
    nameLabel.setBounds (area.removeFromTop (20));
    channelsLabel.setBounds (area.removeFromTop (12));
    area.removeFromTop (4);
    panKnob.setBounds (area.removeFromTop (46).withSizeKeepingCentre (46, 46));
    panLabel.setBounds (area.removeFromTop (14));
    area.removeFromTop (4);
    auto buttons = area.removeFromTop (22);
    const int half = (buttons.getWidth() - 4) / 2;
    muteButton.setBounds (buttons.removeFromLeft (half));
    soloButton.setBounds (buttons.removeFromRight (half));
    area.removeFromTop (4);
    auto inputRow = area.removeFromTop (20);
    polarityButton.setBounds (inputRow.removeFromLeft (22));
    inputRow.removeFromLeft (3);
    trimBar.setBounds (inputRow);
    area.removeFromTop (4);
    stripButton.setBounds (area.removeFromTop (22));
    area.removeFromTop (3);
    overview.setBounds (area.removeFromTop (30));
    area.removeFromTop (4);
    routing.setBounds (area.removeFromTop (RoutingSection::heightFor (routing.sendCount())));
    area.removeFromTop (8);
    area.removeFromBottom (8);

    // Fader on the left, meter (with its scale) beside it, both the same
    // height so the meter's 0 dB and the top of the travel line up-ish.
    auto meterArea = area.removeFromRight (34);
    fader.setTextBoxStyle (juce::Slider::TextBoxBelow, false, area.getWidth(), 20);
    fader.setBounds (area);
    meter.setBounds (fader.travelInParent (meterArea.getX(), meterArea.getWidth(), LevelMeter::clipLightHeight));
}

} // namespace crest
