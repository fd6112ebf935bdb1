#include "TrackLane.h"

#include "ArrangeView.h"

#include "Gui/CrestLookAndFeel.h"
#include "Session/ClipEdits.h"
#include "Session/Identifiers.h"
#include "Session/SessionModel.h"

#include <cmath>

namespace crest
{
namespace
{
    constexpr float edgeGrip = 6.0f;      // pixels either side of an edge that trim it
    constexpr float handleSize = 8.0f;    // the fade handles' squares
    constexpr float nameStrip = 14.0f;

    juce::String clipName (const ClipDocument& clip)
    {
        return juce::String::fromUTF8 (std::filesystem::path (clip.file).filename().string().c_str());
    }
} // namespace

TrackLane::TrackLane (ArrangeView& a, juce::ValueTree t) : arrange (a), trackTree (std::move (t))
{
    setTitle ("Lane of " + trackTree[ids::name].toString());
    setDescription ("Clips: drag to move, drag an edge to trim, drag a top corner to fade");
    setRepaintsOnMouseActivity (false);
}

juce::Rectangle<float> TrackLane::clipBounds (const ClipDocument& clip) const
{
    const auto& scale = arrange.scale();
    const float x0 = scale.xFor (clip.startSample);
    const float x1 = scale.xFor (clip.startSample + clip.lengthSamples);
    return { x0, 2.0f, std::max (1.0f, x1 - x0), (float) getHeight() - 4.0f };
}

TrackLane::Zone TrackLane::zoneAt (juce::Point<int> p, juce::ValueTree& clipUnder) const
{
    const auto point = p.toFloat();
    // The last clip is drawn on top: look from the end.
    for (int i = trackTree.getNumChildren(); --i >= 0;)
    {
        const auto c = trackTree.getChild (i);
        if (! c.hasType (ids::CLIP))
            continue;
        const auto doc = SessionModel::clipOf (c);
        const auto box = clipBounds (doc);
        if (! box.expanded (edgeGrip * 0.5f, 0.0f).contains (point))
            continue;
        clipUnder = c;
        const auto& scale = arrange.scale();
        const float fadeInX = box.getX() + (float) ((double) doc.fadeInSamples / scale.samplesPerPixel);
        const float fadeOutX = box.getRight() - (float) ((double) doc.fadeOutSamples / scale.samplesPerPixel);
        if (point.y < box.getY() + handleSize + 2.0f)
        {
            if (std::abs (point.x - fadeInX) <= handleSize && point.x < box.getCentreX())
                return Zone::fadeIn;
            if (std::abs (point.x - fadeOutX) <= handleSize && point.x >= box.getCentreX())
                return Zone::fadeOut;
        }
        if (box.getWidth() > 3 * edgeGrip)
        {
            if (point.x < box.getX() + edgeGrip)
                return Zone::startEdge;
            if (point.x > box.getRight() - edgeGrip)
                return Zone::endEdge;
        }
        return Zone::body;
    }
    clipUnder = {};
    return Zone::none;
}

void TrackLane::paint (juce::Graphics& g)
{
    g.fillAll (colours::background.brighter (0.03f));
    arrange.paintGrid (g, *this);
    g.setColour (colours::outline);
    g.drawHorizontalLine (getHeight() - 1, 0.0f, (float) getWidth());

    const auto* ghost = arrange.ghost();
    for (const auto& c : trackTree)
        if (c.hasType (ids::CLIP))
            drawClip (g, c, SessionModel::clipOf (c), false);
    if (ghost != nullptr && ghost->track == trackTree)
        drawClip (g, ghost->clip, ghost->clipDocument, true);
}

void TrackLane::drawClip (juce::Graphics& g, const juce::ValueTree& clip, const ClipDocument& doc, bool preview) const
{
    auto box = clipBounds (doc);
    if (! g.getClipBounds().toFloat().intersects (box.expanded (2.0f)))
        return;
    const auto* ghost = arrange.ghost();
    const bool beingDragged = ! preview && ghost != nullptr && ghost->clip == clip;
    const bool selected = arrange.isSelected (clip);
    const auto media = arrange.mediaFor (doc.file);

    auto body = media.online ? colours::background.interpolatedWith (colour, 0.3f) : colours::offline;
    g.setColour (body.withAlpha (beingDragged ? 0.35f : preview ? 0.75f : 1.0f));
    g.fillRoundedRectangle (box, 3.0f);

    auto waveArea = box.withTrimmedTop (nameStrip).reduced (0.0f, 1.0f);
    if (media.online && ! beingDragged)
        drawWaveform (g, doc, waveArea, colour.brighter (0.5f).withAlpha (preview ? 0.7f : 1.0f));

    // The name strip, and the fades as the gain they apply.
    g.setColour (colour.withAlpha (beingDragged ? 0.3f : 0.55f));
    g.fillRoundedRectangle (box.withHeight (nameStrip), 3.0f);
    g.setColour (colours::text);
    g.setFont (juce::Font (11.0f));
    const auto label = media.online ? clipName (doc) : "Offline: " + clipName (doc);
    g.drawText (label, box.withHeight (nameStrip).reduced (4.0f, 0.0f).toNearestInt(), juce::Justification::centredLeft, true);

    const auto& scale = arrange.scale();
    const float fadeInX = box.getX() + (float) ((double) doc.fadeInSamples / scale.samplesPerPixel);
    const float fadeOutX = box.getRight() - (float) ((double) doc.fadeOutSamples / scale.samplesPerPixel);
    g.setColour (colours::text.withAlpha (0.8f));
    if (doc.fadeInSamples > 0)
        g.drawLine (box.getX(), box.getBottom(), fadeInX, box.getY() + nameStrip, 1.2f);
    if (doc.fadeOutSamples > 0)
        g.drawLine (fadeOutX, box.getY() + nameStrip, box.getRight(), box.getBottom(), 1.2f);
    if (selected || preview)
    {
        g.setColour (colours::text.withAlpha (0.9f));
        g.fillRect (juce::Rectangle<float> (fadeInX - handleSize * 0.5f, box.getY(), handleSize, handleSize).constrainedWithin (box));
        g.fillRect (juce::Rectangle<float> (fadeOutX - handleSize * 0.5f, box.getY(), handleSize, handleSize).constrainedWithin (box));
    }

    g.setColour (selected ? colours::accent : colour.withAlpha (0.7f));
    g.drawRoundedRectangle (box.reduced (0.5f), 3.0f, selected ? 2.0f : 1.0f);
}

void TrackLane::drawWaveform (juce::Graphics& g, const ClipDocument& doc, juce::Rectangle<float> area, juce::Colour wave) const
{
    const auto media = arrange.mediaFor (doc.file);
    const auto overview = arrange.waveforms().find (media.playable, media.identity);
    if (overview == nullptr)
    {
        g.setColour (wave.withAlpha (0.35f));
        g.drawHorizontalLine ((int) area.getCentreY(), area.getX(), area.getRight());
        return;
    }
    const auto& scale = arrange.scale();
    const int channels = std::min (2, overview->channels());
    const float gain = (float) std::pow (10.0, doc.gainDb / 20.0);
    const auto visible = g.getClipBounds().toFloat().getIntersection (area);
    const int firstX = (int) std::floor (visible.getX());
    const int lastX = (int) std::ceil (visible.getRight());
    const float laneHeight = area.getHeight() / (float) channels;
    g.setColour (wave);
    for (int x = firstX; x < lastX; ++x)
    {
        const int64_t timelineFrom = scale.sampleAt ((float) x);
        const int64_t timelineTo = scale.sampleAt ((float) (x + 1));
        const int64_t into = timelineFrom - doc.startSample;
        if (into < 0 || into >= doc.lengthSamples)
            continue;
        // The fades drawn into the outline, as they are heard.
        float envelope = gain;
        if (into < doc.fadeInSamples)
            envelope *= (float) into / (float) doc.fadeInSamples;
        if (into > doc.lengthSamples - doc.fadeOutSamples)
            envelope *= (float) (doc.lengthSamples - into) / (float) std::max<int64_t> (1, doc.fadeOutSamples);
        const int64_t from = doc.sourceOffsetSamples + into;
        const int64_t to = from + std::max<int64_t> (1, timelineTo - timelineFrom);
        for (int ch = 0; ch < channels; ++ch)
        {
            const auto r = overview->range (ch, from, to);
            const float centre = area.getY() + laneHeight * ((float) ch + 0.5f);
            const float half = laneHeight * 0.48f;
            const float top = centre - std::min (1.0f, r.high * envelope) * half;
            const float bottom = centre - std::max (-1.0f, r.low * envelope) * half;
            g.drawVerticalLine (x, top, std::max (bottom, top + 1.0f));
        }
    }
}

void TrackLane::mouseMove (const juce::MouseEvent& e)
{
    juce::ValueTree clip;
    switch (zoneAt (e.getPosition(), clip))
    {
        case Zone::startEdge:
        case Zone::endEdge: setMouseCursor (juce::MouseCursor::LeftRightResizeCursor); break;
        case Zone::fadeIn:
        case Zone::fadeOut: setMouseCursor (juce::MouseCursor::CrosshairCursor); break;
        case Zone::body: setMouseCursor (juce::MouseCursor::DraggingHandCursor); break;
        case Zone::none: setMouseCursor (juce::MouseCursor::NormalCursor); break;
    }
}

void TrackLane::mouseDown (const juce::MouseEvent& e)
{
    drag = {};
    juce::ValueTree clip;
    drag.zone = zoneAt (e.getPosition(), clip);
    if (drag.zone == Zone::none)
    {
        arrange.selectTrack (trackTree);
        arrange.seek (std::max<int64_t> (0, arrange.scale().sampleAt ((float) e.x)));
        return;
    }
    arrange.selectClip (clip);
    drag.clip = clip;
    drag.original = drag.preview = SessionModel::clipOf (clip);
    drag.destination = trackTree;
}

void TrackLane::mouseDrag (const juce::MouseEvent& e)
{
    if (drag.zone == Zone::none || ! drag.clip.isValid())
        return;
    if (! drag.moved && e.getDistanceFromDragStart() < 3)
        return;   // a click, not a drag
    drag.moved = true;
    const auto& scale = arrange.scale();
    const auto delta = (int64_t) std::llround ((double) e.getDistanceFromDragStartX() * scale.samplesPerPixel);
    const auto& o = drag.original;
    const auto mediaFrames = arrange.mediaFor (o.file).frames;
    switch (drag.zone)
    {
        case Zone::body:
        {
            drag.preview = clipMovedTo (o, arrange.snap (o.startSample + delta, e.mods));
            if (auto* lane = arrange.laneAt (e.getScreenPosition()))
                drag.destination = lane->track();
            break;
        }
        case Zone::startEdge: drag.preview = clipWithStartAt (o, arrange.snap (o.startSample + delta, e.mods)); break;
        case Zone::endEdge: drag.preview = clipWithEndAt (o, arrange.snap (o.startSample + o.lengthSamples + delta, e.mods), mediaFrames); break;
        case Zone::fadeIn: drag.preview = clipWithFades (o, o.fadeInSamples + delta, o.fadeOutSamples); break;
        case Zone::fadeOut: drag.preview = clipWithFades (o, o.fadeInSamples, o.fadeOutSamples - delta); break;
        case Zone::none: break;
    }
    arrange.showGhost (drag.clip, drag.destination, drag.preview);
}

void TrackLane::mouseUp (const juce::MouseEvent&)
{
    arrange.clearGhost();
    if (! drag.moved || ! drag.clip.isValid())
        return;
    const bool otherTrack = drag.destination.isValid() && drag.destination != trackTree;
    if (drag.preview == drag.original && ! otherTrack)
        return;
    static const char* names[] = { "", "Move clip", "Trim clip start", "Trim clip end", "Fade in", "Fade out" };
    auto& model = arrange.model();
    model.beginGesture (names[(int) drag.zone]);
    model.replaceClip (drag.clip, drag.preview, otherTrack ? drag.destination : juce::ValueTree());
    drag = {};
}

void TrackLane::mouseWheelMove (const juce::MouseEvent& e, const juce::MouseWheelDetails& wheel)
{
    if (! arrange.wheel (e, wheel))
        Component::mouseWheelMove (e, wheel);
}
} // namespace crest
