#include "MixBusStrip.h"

#include "CrestLookAndFeel.h"

#include "Engine/SessionPlayer.h"

#include <cmath>

namespace crest
{
MixBusStrip::MixBusStrip (SessionModel& m, SessionPlayer* player)
    : model (m), session (m.state()), stripButton (m, m.state(), player)
{
    title.setText ("MIX BUS", juce::dontSendNotification);
    title.setJustificationType (juce::Justification::centred);
    title.setFont (juce::Font (14.0f, juce::Font::bold));
    title.setColour (juce::Label::textColourId, colours::accent);
    addAndMakeVisible (title);

    // The session's highest peak, so the engineer sees headroom at a glance.
    peakLabel.setJustificationType (juce::Justification::centred);
    peakLabel.setFont (juce::Font (juce::Font::getDefaultMonospacedFontName(), 13.0f, juce::Font::plain));
    peakLabel.setColour (juce::Label::backgroundColourId, colours::faderTrack);
    peakLabel.setTooltip ("Highest sample peak (dBFS) since last cleared. Click to clear.");
    peakLabel.setText ("PK -inf", juce::dontSendNotification);
    peakLabel.setInterceptsMouseClicks (false, false);
    addAndMakeVisible (peakLabel);
    // And the highest true peak (4x oversampled): what a mastering engineer
    // checks for headroom (-6 to -3 dBTP is the usual hand-over).
    truePeakLabel.setJustificationType (juce::Justification::centred);
    truePeakLabel.setFont (juce::Font (juce::Font::getDefaultMonospacedFontName(), 13.0f, juce::Font::plain));
    truePeakLabel.setColour (juce::Label::backgroundColourId, colours::faderTrack);
    truePeakLabel.setTooltip ("Highest true peak (dBTP, 4x oversampled) since last cleared: amber above -3, red above -1. Click to clear.");
    truePeakLabel.setText ("TP -inf", juce::dontSendNotification);
    truePeakLabel.setInterceptsMouseClicks (false, false);
    addAndMakeVisible (truePeakLabel);

    addAndMakeVisible (stripButton);

    fader.setColour (juce::Slider::rotarySliderFillColourId, colours::accent);
    fader.onEdit = [this] (double db, bool newGesture)
    {
        if (newGesture)
            model.beginGesture ("Mix bus fader");
        model.setSessionValue (ids::mixBusFaderDb, db);
    };
    addAndMakeVisible (fader);
    addAndMakeVisible (meter);

    refreshFromModel();
    session.addListener (this);
}

MixBusStrip::~MixBusStrip()
{
    session.removeListener (this);
}

void MixBusStrip::refreshFromModel()
{
    fader.showValue ((double) session[ids::mixBusFaderDb]);
}

void MixBusStrip::valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier& property)
{
    if (tree == session && property == ids::mixBusFaderDb)
        refreshFromModel();
}

void MixBusStrip::updateMeter (SessionPlayer& player)
{
    float left = 0.0f, right = 0.0f, truePeak = 0.0f;
    if (auto bus = player.mixBus())
    {
        left = bus->meterLeft.take();
        right = bus->meterRight.take();
        truePeak = bus->truePeak.take();
    }
    if (truePeak > 0.0f)
    {
        const float db = 20.0f * std::log10 (truePeak);
        if (db > truePeakHoldDb)
        {
            truePeakHoldDb = db;
            truePeakLabel.setText ("TP " + juce::String (db, 1), juce::dontSendNotification);
            truePeakLabel.setColour (juce::Label::textColourId, db > -1.0f ? colours::meterRed : db > -3.0f ? colours::accent : colours::text);
        }
    }
    meter.pushPeaks (left, right);

    const float peak = juce::jmax (left, right);
    if (peak > 0.0f)
    {
        const float db = 20.0f * std::log10 (peak);
        if (db > peakHoldDb)
        {
            peakHoldDb = db;
            peakLabel.setText ("PK " + juce::String (db, 1), juce::dontSendNotification);
            peakLabel.setColour (juce::Label::textColourId, db >= 0.0f ? colours::meterRed : colours::text);
        }
    }
}

void MixBusStrip::mouseDown (const juce::MouseEvent& e)
{
    if (peakLabel.getBounds().contains (e.getPosition()) || truePeakLabel.getBounds().contains (e.getPosition()))
    {
        peakHoldDb = truePeakHoldDb = -200.0f;
        peakLabel.setText ("PK -inf", juce::dontSendNotification);
        peakLabel.setColour (juce::Label::textColourId, colours::text);
        truePeakLabel.setText ("TP -inf", juce::dontSendNotification);
        truePeakLabel.setColour (juce::Label::textColourId, colours::text);
    }
}

void MixBusStrip::paint (juce::Graphics& g)
{
    auto bounds = getLocalBounds().toFloat().reduced (2.0f, 0.0f);
    g.setColour (colours::panelRaised);
    g.fillRoundedRectangle (bounds, 4.0f);
    g.setColour (colours::accent);
    g.fillRoundedRectangle (bounds.removeFromTop (4.0f), 2.0f);
    g.setColour (colours::outline.brighter (0.2f));
    g.drawRoundedRectangle (getLocalBounds().toFloat().reduced (2.5f, 0.5f), 4.0f, 1.0f);
}

void MixBusStrip::resized()
{
    auto area = getLocalBounds().reduced (8, 0);
    area.removeFromTop (8);
    title.setBounds (area.removeFromTop (20));
    area.removeFromTop (8);
    peakLabel.setBounds (area.removeFromTop (22).reduced (8, 0));
    area.removeFromTop (4);
    truePeakLabel.setBounds (area.removeFromTop (22).reduced (8, 0));
    area.removeFromTop (8);
    stripButton.setBounds (area.removeFromTop (22).reduced (14, 0));
    area.removeFromTop (16);
    area.removeFromBottom (8);
    // Align the fader section with the track strips' (same top offset).
    area.removeFromTop (juce::jmax (0, 168 - area.getY()));

    auto meterArea = area.removeFromRight (46);
    fader.setTextBoxStyle (juce::Slider::TextBoxBelow, false, area.getWidth(), 20);
    fader.setBounds (area);
    meter.setBounds (fader.travelInParent (meterArea.getX(), meterArea.getWidth(), LevelMeter::clipLightHeight));
}

} // namespace crest
