#include "EqCurveView.h"

#include "Dsp/BiquadDesign.h"
#include "Engine/ChannelRuntime.h"
#include "Gui/CrestLookAndFeel.h"

#include <cmath>

namespace crest
{
namespace
{
    constexpr double lowHz = 20.0, highHz = 20000.0;
    constexpr double spectrumFloorDb = -96.0;

    bool hasGain (int shape)
    {
        const auto s = (FilterShape) shape;
        return s == FilterShape::bell || s == FilterShape::lowShelf || s == FilterShape::highShelf;
    }

    juce::Colour bandColour (int band)
    {
        return colours::track (band).brighter (0.3f);
    }
} // namespace

EqCurveView::EqCurveView (std::unique_ptr<EqBands> b) : bands (std::move (b)), watched (bands->tree())
{
    setTitle ("EQ curve");
    setDescription ("Drag a band's handle to change its frequency and gain; the wheel changes its Q");
    setWantsKeyboardFocus (true);
    watched.addListener (this);
    refreshResponse();
    // Showing depends on every parent (a tab, a window): looked at each tick.
    startTimerHz (30);
}

EqCurveView::~EqCurveView()
{
    listen (false);
    watched.removeListener (this);
}

float EqCurveView::xForFrequency (double hz) const noexcept
{
    return (float) (std::log (hz / lowHz) / std::log (highHz / lowHz) * getWidth());
}

double EqCurveView::frequencyForX (float x) const noexcept
{
    return juce::jlimit (lowHz, highHz, lowHz * std::pow (highHz / lowHz, (double) x / std::max (1, getWidth())));
}

float EqCurveView::yForGain (double db) const noexcept
{
    const float h = (float) getHeight() - 16.0f;
    return 8.0f + (float) ((gainRangeDb - db) / (2.0 * gainRangeDb)) * h;
}

double EqCurveView::gainForY (float y) const noexcept
{
    const float h = (float) getHeight() - 16.0f;
    return juce::jlimit (-gainRangeDb, gainRangeDb, gainRangeDb - (double) (y - 8.0f) / h * 2.0 * gainRangeDb);
}

juce::Point<float> EqCurveView::handlePosition (int band) const
{
    const double hz = bands->value (band, "frequencyHz");
    const int shape = (int) std::lround (bands->value (band, "shape"));
    return { xForFrequency (hz), yForGain (hasGain (shape) ? bands->value (band, "gainDb") : 0.0) };
}

int EqCurveView::bandAt (juce::Point<float> p) const
{
    int best = -1;
    float bestDistance = 12.0f;
    for (int b = 0; b < numBands; ++b)
        if (const float d = handlePosition (b).getDistanceFrom (p); d < bestDistance)
        {
            best = b;
            bestDistance = d;
        }
    return best;
}

double EqCurveView::responseDbAt (double hz) const
{
    std::vector<double> main, second;
    bands->response ({ hz }, main, second);
    return main.front();
}

void EqCurveView::refreshResponse()
{
    const int width = std::max (1, getWidth());
    std::vector<double> hz ((size_t) width);
    for (int x = 0; x < width; ++x)
        hz[(size_t) x] = frequencyForX ((float) x);
    bands->response (hz, responseDb, secondDb);
    repaint();
}

void EqCurveView::paint (juce::Graphics& g)
{
    const auto bounds = getLocalBounds().toFloat();
    g.setColour (colours::faderTrack);
    g.fillRoundedRectangle (bounds, 4.0f);

    // Grid: decades and their halves, every 6 dB.
    g.setFont (juce::Font (10.0f));
    for (double hz : { 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0, 20000.0 })
    {
        const float x = xForFrequency (hz);
        g.setColour (colours::outline);
        g.drawVerticalLine ((int) x, 0.0f, bounds.getBottom());
        g.setColour (colours::textDim);
        g.drawText (hz >= 1000 ? juce::String (hz / 1000, 0) + "k" : juce::String (hz, 0), (int) x + 3, getHeight() - 14, 40, 12,
                    juce::Justification::left);
    }
    for (double db = -gainRangeDb; db <= gainRangeDb; db += 6.0)
    {
        const float y = yForGain (db);
        g.setColour (db == 0.0 ? colours::textDim.withAlpha (0.6f) : colours::outline);
        g.drawHorizontalLine ((int) y, 0.0f, bounds.getRight());
        g.setColour (colours::textDim);
        g.drawText ((db > 0 ? "+" : "") + juce::String ((int) db) + " dB", 4, (int) y - 12, 50, 11, juce::Justification::left);
    }

    // The live spectrum behind: -96 to 0 dBFS over the full height.
    if (analyser != nullptr)
    {
        juce::Path spectrum;
        const float h = bounds.getHeight();
        spectrum.startNewSubPath (0.0f, h);
        for (int x = 0; x < getWidth(); x += 2)
        {
            const double level = std::max (spectrumFloorDb, analyser->levelAt (frequencyForX ((float) x)));
            spectrum.lineTo ((float) x, (float) (h * (level / spectrumFloorDb)));
        }
        spectrum.lineTo ((float) getWidth(), h);
        spectrum.closeSubPath();
        g.setColour (colours::accent.withAlpha (0.16f));
        g.fillPath (spectrum);
    }

    // The response (and the side's, dashed, where a master EQ treats it apart).
    const bool on = bands->isOn();
    if (! secondDb.empty())
    {
        juce::Path side;
        for (int x = 0; x < (int) secondDb.size(); ++x)
        {
            const float y = yForGain (juce::jlimit (-gainRangeDb - 2, gainRangeDb + 2, secondDb[(size_t) x]));
            if (x == 0)
                side.startNewSubPath (0.0f, y);
            else
                side.lineTo ((float) x, y);
        }
        juce::Path dashed;
        const float dashes[] = { 5.0f, 4.0f };
        juce::PathStrokeType (1.4f).createDashedStroke (dashed, side, dashes, 2);
        g.setColour (colours::accent.withAlpha (0.8f));
        g.fillPath (dashed);
        g.drawText ("side", getLocalBounds().removeFromTop (18).removeFromRight (60), juce::Justification::centredRight);
    }
    juce::Path curve;
    for (int x = 0; x < (int) responseDb.size(); ++x)
    {
        const float y = yForGain (juce::jlimit (-gainRangeDb - 2, gainRangeDb + 2, responseDb[(size_t) x]));
        if (x == 0)
            curve.startNewSubPath (0.0f, y);
        else
            curve.lineTo ((float) x, y);
    }
    g.setColour (on ? colours::text : colours::textDim.withAlpha (0.5f));
    g.strokePath (curve, juce::PathStrokeType (2.0f));

    for (int b = 0; b < numBands; ++b)
    {
        const auto p = handlePosition (b);
        const bool bandOn = bands->value (b, "on") >= 0.5;
        const auto colour = bandColour (b);
        auto circle = juce::Rectangle<float> (16.0f, 16.0f).withCentre (p);
        g.setColour (bandOn ? colour : colour.withAlpha (0.25f));
        g.fillEllipse (circle);
        g.setColour (b == dragging ? colours::text : colours::background);
        g.drawEllipse (circle, b == dragging ? 2.0f : 1.0f);
        g.setColour (bandOn ? colours::background : colours::text.withAlpha (0.5f));
        g.setFont (juce::Font (11.0f, juce::Font::bold));
        g.drawText (juce::String (b + 1), circle, juce::Justification::centred);
    }
    if (! on)
    {
        g.setColour (colours::textDim);
        g.drawText ("EQ off: drag a band to switch it on", getLocalBounds().removeFromTop (24), juce::Justification::centred);
    }
}

void EqCurveView::resized()
{
    refreshResponse();
}

void EqCurveView::mouseDown (const juce::MouseEvent& e)
{
    dragging = bandAt (e.position);
    dragMoved = false;
    repaint();
}

void EqCurveView::mouseDrag (const juce::MouseEvent& e)
{
    if (dragging < 0 || e.getDistanceFromDragStart() < 2)
        return;
    if (! dragMoved)
    {
        // The grab: one undo step, and the band (and the EQ) switched on.
        bands->beginGesture ("EQ band " + juce::String (dragging + 1));
        if (! bands->isOn())
            bands->switchOn();
        if (bands->value (dragging, "on") < 0.5)
            bands->set (dragging, "on", 1.0);
        dragMoved = true;
    }
    if (! e.mods.isShiftDown())
        bands->set (dragging, "frequencyHz", frequencyForX (e.position.x));
    if (hasGain ((int) std::lround (bands->value (dragging, "shape"))))
        bands->set (dragging, "gainDb", std::round (gainForY (e.position.y) * 10.0) / 10.0);
}

void EqCurveView::mouseUp (const juce::MouseEvent&)
{
    dragging = -1;
    repaint();
}

void EqCurveView::mouseDoubleClick (const juce::MouseEvent& e)
{
    if (const int band = bandAt (e.position); band >= 0)
    {
        bands->beginGesture ("EQ band " + juce::String (band + 1) + " off");
        bands->set (band, "on", 0.0);
        return;
    }
    for (int b = 0; b < numBands; ++b)
        if (bands->value (b, "on") < 0.5)
        {
            bands->beginGesture ("EQ band " + juce::String (b + 1));
            bands->switchOn();
            bands->set (b, "on", 1.0);
            bands->set (b, "shape", (double) FilterShape::bell);
            bands->set (b, "frequencyHz", frequencyForX (e.position.x));
            bands->set (b, "gainDb", std::round (gainForY (e.position.y) * 10.0) / 10.0);
            return;
        }
}

void EqCurveView::mouseWheelMove (const juce::MouseEvent& e, const juce::MouseWheelDetails& wheel)
{
    const int band = bandAt (e.position);
    if (band < 0 || wheel.deltaY == 0.0f)
        return;
    bands->beginGesture ("EQ band " + juce::String (band + 1) + " Q");
    bands->set (band, "q", bands->value (band, "q") * (wheel.deltaY > 0 ? 1.12 : 1.0 / 1.12));
}

void EqCurveView::valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier& property)
{
    if (tree == watched && bands->concerns (property))
        refreshResponse();
}

void EqCurveView::listen (bool on)
{
    bands->listen (on);
    listening = on;
    if (! on)
        return;
    if (analyser == nullptr || analyser->sampleRate() != bands->sampleRate())
        analyser = std::make_unique<SpectrumAnalyser> (bands->sampleRate());
    analyser->reset();
    scratch.resize (ChannelRuntime::analysisCapacity);
}

void EqCurveView::timerCallback()
{
    if (isShowing() != listening)
        listen (isShowing());
    if (! listening)
        return;
    const auto n = bands->drain (scratch.data(), scratch.size());
    if (n > 0 && analyser->push (scratch.data(), n))
        repaint();
}
} // namespace crest
