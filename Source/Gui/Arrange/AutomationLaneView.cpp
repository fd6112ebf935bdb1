#include "AutomationLaneView.h"

#include "ArrangeView.h"

#include "Gui/CrestLookAndFeel.h"
#include "Gui/GainFader.h"

#include <cmath>

namespace crest
{
namespace
{
    constexpr float pointRadius = 4.5f;

    const char* modeNames[] = { "Off", "Read", "Touch", "Latch", "Write" };

    juce::String displayName (const juce::String& parameter, const AutomationTarget& target)
    {
        const auto unit = juce::String (std::string (target.spec.unit));
        auto name = juce::String (std::string (target.spec.name));
        if (parameter.startsWith ("send."))
            name = "Send " + parameter.fromFirstOccurrenceOf ("send.", false, false).upToFirstOccurrenceOf (".", false, false) + " " + name.toLowerCase();
        return unit.isEmpty() ? name : name + " (" + unit + ")";
    }
} // namespace

AutomationLaneView::AutomationLaneView (ArrangeView& a, juce::ValueTree t, juce::String p)
    : arrange (a), trackTree (std::move (t)), parameterName (std::move (p)),
      target (automationTarget (parameterName.toStdString()).value_or (AutomationTarget {}))
{
    setTitle ("Automation lane " + parameterName);
    setDescription ("Click to add a point, drag points, alt-drag a segment to bend it, double-click a point to delete it");
    nameLabel.setText (displayName (parameterName, target), juce::dontSendNotification);
    nameLabel.setFont (juce::Font (12.0f));
    nameLabel.setColour (juce::Label::textColourId, colours::text);
    addAndMakeVisible (nameLabel);
    for (int m = 0; m < 5; ++m)
        modeBox.addItem (modeNames[m], m + 1);
    modeBox.setTitle ("Automation mode");
    modeBox.setTooltip ("Off ignores the lane; Read plays it; Touch records while you hold a control; Latch from the first touch until stop; Write the whole pass");
    modeBox.onChange = [this] {
        auto edited = lane();
        edited.mode = (AutomationMode) (modeBox.getSelectedId() - 1);
        commit (edited, "Automation mode");
    };
    addAndMakeVisible (modeBox);
    removeButton.setTitle ("Remove lane");
    removeButton.setTooltip ("Remove this automation lane (undoable)");
    removeButton.onClick = [this] {
        arrange.model().beginGesture ("Remove automation");
        arrange.model().removeAutomation (trackTree, parameterName);
    };
    addAndMakeVisible (removeButton);
    refresh();
}

AutomationLane AutomationLaneView::lane() const
{
    if (dragged)
        return *dragged;
    if (auto l = SessionModel::laneOf (trackTree, parameterName))
        return *l;
    AutomationLane empty;
    empty.parameter = parameterName.toStdString();
    return empty;
}

void AutomationLaneView::refresh()
{
    modeBox.setSelectedId ((int) lane().mode + 1, juce::dontSendNotification);
    repaint();
}

void AutomationLaneView::commit (const AutomationLane& edited, const juce::String& name)
{
    arrange.model().beginGesture (name);
    const auto problem = arrange.model().setAutomation (trackTree, edited);
    juce::ignoreUnused (problem);   // a lane this view shows is always one the channel has
}

double AutomationLaneView::proportionOf (double value) const
{
    const auto& spec = target.spec;
    if (target.kind == AutomationTarget::Kind::fader)
        return GainFader::proportionOfDb (value);
    if (target.domain == AutomationDomain::logarithmic && spec.minimum > 0)
        return std::log (value / spec.minimum) / std::log (spec.maximum / spec.minimum);
    return spec.maximum > spec.minimum ? (value - spec.minimum) / (spec.maximum - spec.minimum) : 0.0;
}

double AutomationLaneView::valueAt (double proportion) const
{
    proportion = juce::jlimit (0.0, 1.0, proportion);
    const auto& spec = target.spec;
    if (target.kind == AutomationTarget::Kind::fader)
    {
        // The fader's skewed travel, inverted by bisection (it is monotonic).
        double low = spec.minimum, high = spec.maximum;
        for (int i = 0; i < 40; ++i)
        {
            const double mid = 0.5 * (low + high);
            (GainFader::proportionOfDb (mid) < proportion ? low : high) = mid;
        }
        return std::round (0.5 * (low + high) * 10.0) / 10.0;
    }
    if (target.domain == AutomationDomain::logarithmic && spec.minimum > 0)
        return spec.minimum * std::pow (spec.maximum / spec.minimum, proportion);
    return spec.minimum + proportion * (spec.maximum - spec.minimum);
}

float AutomationLaneView::laneX (int64_t time) const
{
    return (float) ArrangeView::headerWidth + arrange.scale().xFor (time);
}

juce::Point<float> AutomationLaneView::pointPosition (const AutomationPoint& p) const
{
    const float top = 4.0f, height = (float) getHeight() - 8.0f;
    return { laneX (p.time), top + height * (float) (1.0 - proportionOf (p.value)) };
}

int AutomationLaneView::pointAt (juce::Point<float> position) const
{
    const auto points = lane().points;
    for (int i = (int) points.size(); --i >= 0;)
        if (pointPosition (points[(size_t) i]).getDistanceFrom (position) <= pointRadius + 3.0f)
            return i;
    return -1;
}

int AutomationLaneView::segmentAt (float x) const
{
    const auto points = lane().points;
    for (int i = 0; i + 1 < (int) points.size(); ++i)
        if (x >= laneX (points[(size_t) i].time) && x < laneX (points[(size_t) i + 1].time))
            return i;
    return -1;
}

void AutomationLaneView::paint (juce::Graphics& g)
{
    const auto lanePart = getLocalBounds().withTrimmedLeft (ArrangeView::headerWidth);
    g.setColour (colours::panel.darker (0.15f));
    g.fillRect (getLocalBounds().withWidth (ArrangeView::headerWidth));
    g.setColour (colours::background.brighter (0.015f));
    g.fillRect (lanePart);
    g.setColour (colours::outline);
    g.drawHorizontalLine (getHeight() - 1, 0.0f, (float) getWidth());
    g.drawVerticalLine (ArrangeView::headerWidth - 1, 0.0f, (float) getHeight());

    const auto current = lane();
    const bool active = current.mode != AutomationMode::off;
    const auto colour = (active ? colours::accent : colours::textDim).withAlpha (0.9f);
    g.saveState();
    g.reduceClipRegion (lanePart);
    if (current.points.empty())
    {
        g.setColour (colours::textDim);
        g.setFont (juce::Font (11.0f));
        g.drawText ("Click to add a point", lanePart.reduced (8, 0), juce::Justification::centredLeft);
    }
    else
    {
        // The curve, sampled every two pixels with the engine's interpolation.
        std::vector<AutomationPointValue> values;
        for (const auto& p : current.points)
            values.push_back ({ p.time, p.value, p.curve });
        const AutomationCurve curve (values, target);
        const auto visible = g.getClipBounds();
        juce::Path path;
        bool started = false;
        for (int x = visible.getX(); x <= visible.getRight() + 2; x += 2)
        {
            const auto time = std::max<int64_t> (0, arrange.scale().sampleAt ((float) (x - ArrangeView::headerWidth)));
            const float y = 4.0f + ((float) getHeight() - 8.0f) * (float) (1.0 - proportionOf (curve.unitValueAt (time)));
            if (started)
                path.lineTo ((float) x, y);
            else
                path.startNewSubPath ((float) x, y);
            started = true;
        }
        g.setColour (colour);
        g.strokePath (path, juce::PathStrokeType (1.6f));
        for (size_t i = 0; i < current.points.size(); ++i)
        {
            const auto p = pointPosition (current.points[i]);
            g.setColour (colours::background);
            g.fillEllipse (juce::Rectangle<float> (2 * pointRadius, 2 * pointRadius).withCentre (p));
            g.setColour ((int) i == dragPoint ? colours::text : colour);
            g.drawEllipse (juce::Rectangle<float> (2 * pointRadius, 2 * pointRadius).withCentre (p), 1.5f);
        }
    }
    g.restoreState();
}

void AutomationLaneView::resized()
{
    auto header = getLocalBounds().withWidth (ArrangeView::headerWidth).reduced (8, 4).withTrimmedLeft (6);
    auto top = header.removeFromTop (20);
    removeButton.setBounds (top.removeFromRight (22));
    nameLabel.setBounds (top);
    header.removeFromTop (4);
    modeBox.setBounds (header.removeFromTop (22).removeFromLeft (96));
}

void AutomationLaneView::mouseDown (const juce::MouseEvent& e)
{
    if (e.x < ArrangeView::headerWidth)
        return;
    auto edited = lane();
    dragged = edited;
    bending = false;
    dragPoint = pointAt (e.position);
    if (e.mods.isAltDown() && dragPoint < 0)
    {
        // Bend the segment under the mouse.
        dragPoint = segmentAt (e.position.x);
        bending = dragPoint >= 0;
        bendStart = bending ? edited.points[(size_t) dragPoint].curve : 0.0;
        gestureName = "Bend automation";
        if (! bending)
            dragged.reset();
        return;
    }
    if (dragPoint < 0)
    {
        // A new point here; the drag moves it.
        AutomationPoint point;
        point.time = std::max<int64_t> (0, arrange.scale().sampleAt (e.position.x - (float) ArrangeView::headerWidth));
        point.value = valueAt (1.0 - (e.position.y - 4.0f) / ((float) getHeight() - 8.0f));
        auto& points = dragged->points;
        const auto at = std::upper_bound (points.begin(), points.end(), point.time, [] (int64_t t, const AutomationPoint& q) { return t < q.time; });
        dragPoint = (int) (at - points.begin());
        points.insert (at, point);
        gestureName = "Add automation point";
    }
    else
        gestureName = "Move automation point";
    repaint();
}

void AutomationLaneView::mouseDrag (const juce::MouseEvent& e)
{
    if (! dragged || dragPoint < 0)
        return;
    auto& points = dragged->points;
    if (bending)
    {
        points[(size_t) dragPoint].curve = juce::jlimit (-1.0, 1.0, bendStart - e.getDistanceFromDragStartY() / 60.0);
        repaint();
        return;
    }
    auto& p = points[(size_t) dragPoint];
    // Between its neighbours in time, so the order stays.
    const int64_t earliest = dragPoint > 0 ? points[(size_t) dragPoint - 1].time + 1 : 0;
    const int64_t latest = dragPoint + 1 < (int) points.size() ? points[(size_t) dragPoint + 1].time - 1 : INT64_MAX / 4;
    p.time = std::clamp<int64_t> (arrange.scale().sampleAt (e.position.x - (float) ArrangeView::headerWidth), earliest, latest);
    p.value = valueAt (1.0 - (e.position.y - 4.0f) / ((float) getHeight() - 8.0f));
    repaint();
}

void AutomationLaneView::mouseUp (const juce::MouseEvent&)
{
    if (dragged)
    {
        const auto edited = *dragged;
        dragged.reset();
        commit (edited, gestureName);
    }
    dragPoint = -1;
    bending = false;
    repaint();
}

void AutomationLaneView::mouseDoubleClick (const juce::MouseEvent& e)
{
    dragged.reset();
    const int index = pointAt (e.position);
    if (index < 0)
        return;
    auto edited = lane();
    edited.points.erase (edited.points.begin() + index);
    commit (edited, "Delete automation point");
}

void AutomationLaneView::mouseWheelMove (const juce::MouseEvent& e, const juce::MouseWheelDetails& wheel)
{
    if (! arrange.wheel (e, wheel))
        Component::mouseWheelMove (e, wheel);
}
} // namespace crest
