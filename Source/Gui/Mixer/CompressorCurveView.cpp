#include "CompressorCurveView.h"

#include "Core/ModuleSpecs.h"
#include "Dsp/Compressor.h"
#include "Engine/SessionPlayer.h"
#include "Gui/CrestLookAndFeel.h"

#include <cmath>

namespace crest
{
CompressorCurveView::CompressorCurveView (SessionModel& m, juce::ValueTree o, SessionPlayer* p) : model (m), owner (std::move (o)), player (p)
{
    setTitle ("Compressor curve");
    setDescription ("Drag the threshold handle along the curve, or the ratio handle up and down");
    owner.addListener (this);
    startTimerHz (30);
}

CompressorCurveView::~CompressorCurveView()
{
    owner.removeListener (this);
}

double CompressorCurveView::value (const char* field) const
{
    return SessionModel::stripValue (owner, std::string ("compressor.") + field);
}

double CompressorCurveView::outputDbFor (double inputDb) const
{
    const double threshold = value ("thresholdDb"), ratio = value ("ratio"), knee = value ("kneeDb");
    const double makeup = Compressor::appliedMakeupDb (value ("makeupDb"), value ("autoMakeup") >= 0.5, threshold, ratio, knee);
    if (value ("enabled") < 0.5)
        return inputDb;
    return Compressor::staticCurveDb (inputDb, threshold, ratio, knee) + makeup;
}

juce::Rectangle<float> CompressorCurveView::curveArea() const
{
    auto area = getLocalBounds().toFloat().reduced (8.0f);
    const float side = std::min (area.getHeight(), area.getWidth() * 0.5f);
    return area.removeFromLeft (side).withSizeKeepingCentre (side, side);
}

TransferPlot CompressorCurveView::plot() const
{
    return { curveArea(), -rangeDb, 0.0 };
}

juce::Point<float> CompressorCurveView::thresholdHandle() const
{
    const double t = value ("thresholdDb");
    const auto p = plot();
    return { p.x (t), p.y (juce::jlimit (-rangeDb, 12.0, outputDbFor (t))) };
}

juce::Point<float> CompressorCurveView::ratioHandle() const
{
    const auto p = plot();
    return { p.x (0.0), p.y (juce::jlimit (-rangeDb, 12.0, outputDbFor (0.0))) };
}

void CompressorCurveView::paint (juce::Graphics& g)
{
    const auto p = plot();
    const auto a = p.box;
    p.paintGrid (g, 12.0);
    p.paintCurve (g, [this] (double in) { return outputDbFor (in); }, value ("enabled") >= 0.5 ? colours::accent : colours::textDim, 2.0f);
    TransferPlot::paintHandle (g, thresholdHandle(), "T");
    TransferPlot::paintHandle (g, ratioHandle(), "R");
    g.setColour (colours::text);
    g.setFont (juce::Font (12.0f));
    g.drawText ("Threshold " + juce::String (value ("thresholdDb"), 1) + " dB   Ratio " + juce::String (value ("ratio"), 1) + ":1   Knee "
                    + juce::String (value ("kneeDb"), 1) + " dB",
                a.withHeight (18.0f).translated (4.0f, 2.0f).toNearestInt(), juce::Justification::left);

    history.paint (g, getLocalBounds().toFloat().reduced (8.0f).withLeft (a.getRight() + 12.0f), 24.0f, 6.0f, "Gain reduction");
}

void CompressorCurveView::mouseDown (const juce::MouseEvent& e)
{
    grabbed = false;
    grab = e.position.getDistanceFrom (thresholdHandle()) < 12.0f ? Grab::threshold
           : e.position.getDistanceFrom (ratioHandle()) < 12.0f   ? Grab::ratio
                                                                  : Grab::none;
}

void CompressorCurveView::mouseDrag (const juce::MouseEvent& e)
{
    if (grab == Grab::none || e.getDistanceFromDragStart() < 2)
        return;
    if (! grabbed)
    {
        model.beginGesture (grab == Grab::threshold ? "Compressor threshold" : "Compressor ratio");
        if (value ("enabled") < 0.5)
            model.setStripValue (owner, "compressor.enabled", 1.0);
        grabbed = true;
    }
    if (grab == Grab::threshold)
        model.setStripValue (owner, "compressor.thresholdDb", std::round (plot().inputAt (e.position.x) * 10.0) / 10.0);
    else
    {
        // The output at 0 dB in, as dragged, gives the ratio: 0 = t + (0 - t) / r.
        const double threshold = value ("thresholdDb");
        const double makeup = Compressor::appliedMakeupDb (value ("makeupDb"), value ("autoMakeup") >= 0.5, threshold, value ("ratio"), value ("kneeDb"));
        const double outAtZero = plot().outputAt (e.position.y) - makeup;
        const double above = -threshold, outAbove = outAtZero - threshold;
        const double ratio = outAbove <= 0.05 ? 50.0 : above / outAbove;
        model.setStripValue (owner, "compressor.ratio", std::round (juce::jlimit (1.0, 50.0, ratio) * 10.0) / 10.0);
    }
}

void CompressorCurveView::mouseUp (const juce::MouseEvent&)
{
    grab = Grab::none;
}

void CompressorCurveView::timerCallback()
{
    if (! isShowing() || player == nullptr || ! owner.hasProperty (ids::id))
        return;
    history.push (player->gainReductionDb (owner[ids::id].toString()));
    repaint();
}

void CompressorCurveView::valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier& property)
{
    if (tree == owner && property.toString().startsWith ("strip.compressor."))
        repaint();
}
} // namespace crest
