#include "StripOverview.h"

#include "Gui/CrestLookAndFeel.h"

#include <cmath>

namespace crest
{
StripOverview::StripOverview (SessionModel& m, juce::ValueTree o) : model (m), owner (std::move (o))
{
    setTitle ("EQ and compressor at a glance");
    setTooltip ("The EQ's curve and the compressor's gain reduction. Click to edit the channel strip.");
    preview.prepare ({ model.sampleRate(), 64, 1 });
    owner.addListener (this);
    refreshCurve();
}

StripOverview::~StripOverview()
{
    owner.removeListener (this);
}

void StripOverview::setGainReduction (float db)
{
    db = juce::jlimit (0.0f, reductionRangeDb, db);
    // Repaint only when the bar moves by a pixel or more.
    if (std::abs (db - reductionDb) * (float) getHeight() / reductionRangeDb >= 1.0f || (db == 0.0f) != (reductionDb == 0.0f))
    {
        reductionDb = db;
        repaint (getLocalBounds().removeFromRight (8));
    }
}

void StripOverview::refreshCurve()
{
    eqOn = SessionModel::stripValue (owner, "eq.enabled") >= 0.5;
    compressorOn = SessionModel::stripValue (owner, "compressor.enabled") >= 0.5;
    const auto specs = moduleSpecs::parametricEq();
    for (size_t i = 0; i < specs.size(); ++i)
        preview.setParameter (i, SessionModel::stripValue (owner, "eq." + std::string (specs[i].id)));
    const auto area = getLocalBounds().toFloat().withTrimmedRight (10.0f).reduced (2.0f);
    curve.clear();
    const int points = std::max (2, (int) area.getWidth());
    for (int i = 0; i < points; ++i)
    {
        const double hz = 20.0 * std::pow (1000.0, (double) i / (points - 1));
        const double db = eqOn ? 20.0 * std::log10 (std::max (1e-9, preview.magnitudeAt (hz))) : 0.0;
        const float y = area.getCentreY() - (float) juce::jlimit (-18.0, 18.0, db) / 18.0f * area.getHeight() * 0.5f;
        if (i == 0)
            curve.startNewSubPath (area.getX(), y);
        else
            curve.lineTo (area.getX() + (float) i, y);
    }
    repaint();
}

void StripOverview::valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier& property)
{
    const auto name = property.toString();
    if (tree == owner && (name.startsWith ("strip.eq.") || name == "strip.compressor.enabled"))
        refreshCurve();
}

void StripOverview::paint (juce::Graphics& g)
{
    auto bounds = getLocalBounds().toFloat();
    g.setColour (colours::faderTrack);
    g.fillRoundedRectangle (bounds, 3.0f);
    auto curveArea = bounds.withTrimmedRight (10.0f);
    g.setColour (colours::outline);
    g.drawHorizontalLine ((int) curveArea.getCentreY(), curveArea.getX() + 2.0f, curveArea.getRight() - 2.0f);
    g.setColour (eqOn ? colours::text : colours::textDim.withAlpha (0.5f));
    g.strokePath (curve, juce::PathStrokeType (eqOn ? 1.4f : 1.0f));

    // Gain reduction, from the top down.
    auto bar = bounds.removeFromRight (8.0f).reduced (1.0f, 2.0f);
    g.setColour (colours::background);
    g.fillRect (bar);
    if (compressorOn && reductionDb > 0.0f)
    {
        g.setColour (colours::meterRed.withAlpha (0.85f));
        g.fillRect (bar.withHeight (bar.getHeight() * reductionDb / reductionRangeDb));
    }
}

void StripOverview::mouseUp (const juce::MouseEvent& e)
{
    if (! e.mouseWasDraggedSinceMouseDown() && onClick)
        onClick();
}
} // namespace crest
