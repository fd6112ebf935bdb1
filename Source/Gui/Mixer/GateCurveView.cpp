#include "GateCurveView.h"

#include "Dsp/Gate.h"
#include "Engine/SessionPlayer.h"
#include "Gui/CrestLookAndFeel.h"

#include <cmath>

namespace crest
{
GateCurveView::GateCurveView (SessionModel& m, juce::ValueTree o, SessionPlayer* p) : model (m), owner (std::move (o)), player (p)
{
    setTitle ("Gate curve");
    setDescription ("Drag the threshold handle across, or the floor handle up and down to set the range");
    owner.addListener (this);
    startTimerHz (30);
}

GateCurveView::~GateCurveView()
{
    owner.removeListener (this);
}

double GateCurveView::value (const char* field) const
{
    return SessionModel::stripValue (owner, std::string ("gate.") + field);
}

double GateCurveView::outputDbFor (double inputDb) const
{
    if (value ("enabled") < 0.5)
        return inputDb;
    return inputDb + Gate::settledGainDb (inputDb, value ("thresholdDb"), value ("rangeDb"), value ("ratio"));
}

TransferPlot GateCurveView::plot() const
{
    auto area = getLocalBounds().toFloat().reduced (8.0f);
    const float side = std::min (area.getHeight(), area.getWidth() * 0.5f);
    return { area.removeFromLeft (side).withSizeKeepingCentre (side, side), -rangeDb, 0.0 };
}

juce::Point<float> GateCurveView::thresholdHandle() const
{
    const auto p = plot();
    const double t = value ("thresholdDb");
    return { p.x (t), p.y (t) };
}

juce::Point<float> GateCurveView::floorHandle() const
{
    const auto p = plot();
    const double t = value ("thresholdDb");
    return { p.x (t), p.y (std::max (-rangeDb - 10.0, t - value ("rangeDb"))) };
}

void GateCurveView::paint (juce::Graphics& g)
{
    const auto p = plot();
    p.paintGrid (g, 10.0);
    const double threshold = value ("thresholdDb"), range = value ("rangeDb"), ratio = value ("ratio");
    const bool gating = ratio >= Gate::gateRatio;
    g.saveState();
    g.reduceClipRegion (p.box.toNearestInt());
    if (gating)
    {
        // Inside the hysteresis the gate keeps its state: open from above, closed from below.
        const float left = p.x (threshold - value ("hysteresisDb")), right = p.x (threshold);
        g.setColour (colours::accent.withAlpha (0.12f));
        g.fillRect (juce::Rectangle<float>::leftTopRightBottom (left, p.box.getY(), right, p.box.getBottom()));
    }
    // The floor: where the range stops the fall.
    const float dashes[] = { 4.0f, 4.0f };
    g.setColour (colours::textDim);
    g.drawDashedLine ({ p.x (-rangeDb), p.y (-rangeDb - range), p.x (threshold), p.y (threshold - range) }, dashes, 2, 1.0f);
    p.paintCurve (g, [this] (double in) { return outputDbFor (in); }, value ("enabled") >= 0.5 ? colours::accent : colours::textDim, 2.0f);
    g.restoreState();
    TransferPlot::paintHandle (g, thresholdHandle(), "T");
    TransferPlot::paintHandle (g, floorHandle(), "F");
    g.setColour (colours::text);
    g.setFont (juce::Font (12.0f));
    g.drawText ("Threshold " + juce::String (threshold, 1) + " dB   Range " + juce::String (range, 1) + " dB   "
                    + (gating ? juce::String ("Gate") : "Expander " + juce::String (ratio, 1) + ":1"),
                p.box.withHeight (18.0f).translated (4.0f, 2.0f).toNearestInt(), juce::Justification::left);

    history.paint (g, getLocalBounds().toFloat().reduced (8.0f).withLeft (p.box.getRight() + 12.0f), 48.0f, 12.0f, "Gain reduction");
}

void GateCurveView::mouseDown (const juce::MouseEvent& e)
{
    grabbed = false;
    // The floor handle first: at a small range the two overlap, and the
    // threshold can still be dragged by the curve's knee above.
    grab = e.position.getDistanceFrom (floorHandle()) < 12.0f       ? Grab::floor
           : e.position.getDistanceFrom (thresholdHandle()) < 12.0f ? Grab::threshold
                                                                    : Grab::none;
}

void GateCurveView::mouseDrag (const juce::MouseEvent& e)
{
    if (grab == Grab::none || e.getDistanceFromDragStart() < 2)
        return;
    if (! grabbed)
    {
        model.beginGesture (grab == Grab::threshold ? "Gate threshold" : "Gate range");
        if (value ("enabled") < 0.5)
            model.setStripValue (owner, "gate.enabled", 1.0);
        grabbed = true;
    }
    const auto p = plot();
    if (grab == Grab::threshold)
        model.setStripValue (owner, "gate.thresholdDb", std::round (p.inputAt (e.position.x) * 10.0) / 10.0);
    else
        model.setStripValue (owner, "gate.rangeDb", std::round ((value ("thresholdDb") - p.outputAt (e.position.y)) * 10.0) / 10.0);
}

void GateCurveView::mouseUp (const juce::MouseEvent&)
{
    grab = Grab::none;
}

void GateCurveView::timerCallback()
{
    if (! isShowing() || player == nullptr || ! owner.hasProperty (ids::id))
        return;
    history.push (player->gainReductionDb (owner[ids::id].toString(), StripModule::gate));
    repaint();
}

void GateCurveView::valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier& property)
{
    if (tree == owner && property.toString().startsWith ("strip.gate."))
        repaint();
}
} // namespace crest
