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

float CompressorCurveView::xFor (double db) const
{
    const auto a = curveArea();
    return a.getX() + (float) ((db + rangeDb) / rangeDb) * a.getWidth();
}

float CompressorCurveView::yFor (double db) const
{
    const auto a = curveArea();
    return a.getBottom() - (float) ((juce::jlimit (-rangeDb, 12.0, db) + rangeDb) / rangeDb) * a.getHeight();
}

double CompressorCurveView::dbForX (float x) const
{
    const auto a = curveArea();
    return (double) (x - a.getX()) / a.getWidth() * rangeDb - rangeDb;
}

juce::Point<float> CompressorCurveView::thresholdHandle() const
{
    const double t = value ("thresholdDb");
    return { xFor (t), yFor (outputDbFor (t)) };
}

juce::Point<float> CompressorCurveView::ratioHandle() const
{
    return { xFor (0.0), yFor (outputDbFor (0.0)) };
}

void CompressorCurveView::paint (juce::Graphics& g)
{
    const auto a = curveArea();
    g.setColour (colours::faderTrack);
    g.fillRoundedRectangle (a, 4.0f);
    g.setFont (juce::Font (10.0f));
    for (double db = -rangeDb; db <= 0.0; db += 12.0)
    {
        g.setColour (colours::outline);
        g.drawVerticalLine ((int) xFor (db), a.getY(), a.getBottom());
        g.drawHorizontalLine ((int) yFor (db), a.getX(), a.getRight());
        g.setColour (colours::textDim);
        g.drawText (juce::String ((int) db), (int) xFor (db) + 2, (int) a.getBottom() - 12, 30, 11, juce::Justification::left);
    }
    g.setColour (colours::textDim.withAlpha (0.5f));
    g.drawLine (a.getX(), a.getBottom(), a.getRight(), a.getY(), 1.0f);   // 1:1

    juce::Path curve;
    for (int i = 0; i <= 240; ++i)
    {
        const double in = -rangeDb + rangeDb * i / 240.0;
        const auto p = juce::Point<float> (xFor (in), yFor (outputDbFor (in)));
        if (i == 0)
            curve.startNewSubPath (p);
        else
            curve.lineTo (p);
    }
    g.setColour (value ("enabled") >= 0.5 ? colours::accent : colours::textDim);
    g.strokePath (curve, juce::PathStrokeType (2.0f));
    for (const auto& [p, name] : { std::pair { thresholdHandle(), "T" }, std::pair { ratioHandle(), "R" } })
    {
        const auto circle = juce::Rectangle<float> (16.0f, 16.0f).withCentre (p);
        g.setColour (colours::text);
        g.fillEllipse (circle);
        g.setColour (colours::background);
        g.setFont (juce::Font (10.0f, juce::Font::bold));
        g.drawText (name, circle, juce::Justification::centred);
    }
    g.setColour (colours::text);
    g.setFont (juce::Font (12.0f));
    g.drawText ("Threshold " + juce::String (value ("thresholdDb"), 1) + " dB   Ratio " + juce::String (value ("ratio"), 1) + ":1   Knee "
                    + juce::String (value ("kneeDb"), 1) + " dB",
                a.withHeight (18.0f).translated (4.0f, 2.0f).toNearestInt(), juce::Justification::left);

    // Gain reduction history, newest at the right, 0 to 24 dB down.
    auto graph = getLocalBounds().toFloat().reduced (8.0f).withLeft (a.getRight() + 12.0f);
    g.setColour (colours::faderTrack);
    g.fillRoundedRectangle (graph, 4.0f);
    for (int db = 0; db <= 24; db += 6)
    {
        const float y = graph.getY() + graph.getHeight() * (float) db / 24.0f;
        g.setColour (colours::outline);
        g.drawHorizontalLine ((int) y, graph.getX(), graph.getRight());
        g.setColour (colours::textDim);
        g.drawText ("-" + juce::String (db), (int) graph.getX() + 2, (int) y, 30, 11, juce::Justification::left);
    }
    juce::Path reduction;
    const float step = graph.getWidth() / (float) (historyLength - 1);
    const int n = (int) history.size();
    reduction.startNewSubPath (graph.getRight() - (float) (n - 1) * step, graph.getY());
    for (int i = 0; i < n; ++i)
        reduction.lineTo (graph.getRight() - (float) (n - 1 - i) * step,
                          graph.getY() + graph.getHeight() * juce::jlimit (0.0f, 1.0f, history[(size_t) i] / 24.0f));
    reduction.lineTo (graph.getRight(), graph.getY());
    reduction.closeSubPath();
    g.setColour (colours::meterRed.withAlpha (0.6f));
    g.fillPath (reduction);
    g.setColour (colours::text);
    g.drawText ("Gain reduction " + juce::String (history.empty() ? 0.0f : history.back(), 1) + " dB",
                graph.reduced (6.0f).removeFromBottom (16.0f).toNearestInt(), juce::Justification::right);
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
        model.setStripValue (owner, "compressor.thresholdDb", std::round (dbForX (e.position.x) * 10.0) / 10.0);
    else
    {
        // The output at 0 dB in, as dragged, gives the ratio: 0 = t + (0 - t) / r.
        const double threshold = value ("thresholdDb");
        const double makeup = Compressor::appliedMakeupDb (value ("makeupDb"), value ("autoMakeup") >= 0.5, threshold, value ("ratio"), value ("kneeDb"));
        const auto a = curveArea();
        const double outAtZero = (double) (a.getBottom() - e.position.y) / a.getHeight() * rangeDb - rangeDb - makeup;
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
    history.push_back (player->gainReductionDb (owner[ids::id].toString()));
    while ((int) history.size() > historyLength)
        history.pop_front();
    repaint();
}

void CompressorCurveView::valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier& property)
{
    if (tree == owner && property.toString().startsWith ("strip.compressor."))
        repaint();
}
} // namespace crest
