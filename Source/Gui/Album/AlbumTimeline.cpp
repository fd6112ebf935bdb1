#include "AlbumTimeline.h"

#include "Album/AlbumModel.h"
#include "Album/Crossfade.h"
#include "Gui/CrestLookAndFeel.h"

#include <cmath>

namespace crest
{
namespace
{
    constexpr int rulerHeight = 22;
    constexpr int handleSize = 10;
    constexpr int sidePadding = 8;
} // namespace

AlbumTimeline::AlbumTimeline (AlbumModel& m) : model (m)
{
    setTitle ("Album timeline");
    setDescription ("The album's tracks in order: drag a track to reorder, drag a transition's handle for its gap or crossfade");
    setWantsKeyboardFocus (true);
}

void AlbumTimeline::setLayout (const AlbumLayout& l, double sampleRate)
{
    layout = l;
    rate = sampleRate;
    if (selected >= (int) layout.spans.size())
        selected = (int) layout.spans.size() - 1;
    if (dragging == Drag::none)
        scaleSamples = std::max<int64_t> (1, layout.totalSamples + layout.totalSamples / 20);
    repaint();
}

void AlbumTimeline::setWaveforms (std::vector<std::shared_ptr<const PeakOverview>> outlines, double outlineRate)
{
    waveforms = std::move (outlines);
    waveformRate = outlineRate;
    repaint();
}

void AlbumTimeline::setPlayhead (int64_t albumSample)
{
    if (albumSample == playhead)
        return;
    const int oldX = xForSample (playhead), newX = xForSample (albumSample);
    playhead = albumSample;
    repaint (std::min (oldX, newX) - 2, 0, std::abs (newX - oldX) + 4, getHeight());
}

juce::Rectangle<int> AlbumTimeline::lanes() const
{
    return getLocalBounds().withTrimmedTop (rulerHeight).reduced (0, 4);
}

int AlbumTimeline::xForSample (int64_t sample) const
{
    const double width = getWidth() - 2 * sidePadding;
    return sidePadding + (int) std::lround ((double) sample / (double) scaleSamples * width);
}

int64_t AlbumTimeline::sampleForX (float x) const
{
    const double width = std::max (1, getWidth() - 2 * sidePadding);
    return (int64_t) std::llround ((x - sidePadding) / width * (double) scaleSamples);
}

juce::Rectangle<int> AlbumTimeline::trackBounds (int index) const
{
    if (index < 0 || index >= (int) layout.spans.size())
        return {};
    const auto area = lanes();
    const auto& span = layout.spans[(size_t) index];
    const int half = area.getHeight() / 2;
    const int top = area.getY() + (index % 2) * half;
    const int x0 = xForSample (span.start), x1 = std::max (x0 + 2, xForSample (span.end));
    return { x0, top + 2, x1 - x0, half - 4 };
}

juce::Point<int> AlbumTimeline::transitionHandle (int index) const
{
    const auto b = trackBounds (index);
    return { b.getX(), b.getY() + handleSize / 2 + 2 };
}

int AlbumTimeline::handleAt (juce::Point<int> p) const
{
    for (int i = 0; i < (int) layout.spans.size(); ++i)
        if (transitionHandle (i).getDistanceFrom (p) <= handleSize)
            return i;
    return -1;
}

int AlbumTimeline::trackAt (juce::Point<int> p) const
{
    for (int i = 0; i < (int) layout.spans.size(); ++i)
        if (trackBounds (i).contains (p))
            return i;
    return -1;
}

void AlbumTimeline::paint (juce::Graphics& g)
{
    g.fillAll (colours::panel);
    // The ruler: minutes and seconds, a tick every 10 s or every minute.
    auto ruler = getLocalBounds().removeFromTop (rulerHeight);
    g.setColour (colours::panelRaised);
    g.fillRect (ruler);
    const double seconds = (double) layout.totalSamples / rate;
    const double step = seconds > 600 ? 60 : seconds > 120 ? 30 : 10;
    g.setFont (juce::Font (11.0f));
    for (double t = 0; t <= seconds; t += step)
    {
        const int x = xForSample ((int64_t) (t * rate));
        g.setColour (colours::outline);
        g.drawVerticalLine (x, (float) ruler.getY() + 12, (float) ruler.getBottom());
        g.setColour (colours::textDim);
        g.drawText (juce::String ((int) t / 60) + ":" + juce::String ((int) t % 60).paddedLeft ('0', 2), x + 2, 0, 50, 14,
                    juce::Justification::left);
    }

    for (int i = 0; i < (int) layout.spans.size(); ++i)
    {
        const auto& span = layout.spans[(size_t) i];
        const auto box = trackBounds (i);
        const auto colour = colours::track (i);
        g.setColour (colour.withAlpha (dragging == Drag::track && dragIndex == i ? 0.15f : 0.28f));
        g.fillRoundedRectangle (box.toFloat(), 3.0f);
        // The waveform: the master's outline over the track's part of it.
        if ((size_t) i < waveforms.size() && waveforms[(size_t) i] != nullptr)
        {
            const auto& outline = *waveforms[(size_t) i];
            const double ratio = waveformRate / rate;
            const float mid = (float) box.getCentreY(), half = box.getHeight() * 0.45f;
            g.setColour (colour.withAlpha (0.85f));
            for (int x = box.getX(); x < box.getRight(); ++x)
            {
                const int64_t from = span.sourceStart + (sampleForX ((float) x) - span.start);
                const int64_t to = span.sourceStart + (sampleForX ((float) x + 1) - span.start);
                float low = 0, high = 0;
                for (int ch = 0; ch < std::min (2, outline.channels()); ++ch)
                {
                    const auto r = outline.range (ch, (int64_t) ((double) from * ratio), (int64_t) ((double) to * ratio) + 1);
                    low = std::min (low, r.low);
                    high = std::max (high, r.high);
                }
                // Scaled by the fades, so a crossfade's shape is seen.
                const auto k = std::clamp<int64_t> (sampleForX ((float) x) - span.start, 0, span.length() - 1);
                float fade = 1.0f;
                if (k < span.fadeIn)
                    fade *= (float) crossfadeGains (span.fadeInCurve, k, span.fadeIn).fadeIn;
                if (k >= span.length() - span.fadeOut)
                    fade *= (float) crossfadeGains (span.fadeOutCurve, k - (span.length() - span.fadeOut), span.fadeOut).fadeOut;
                g.drawVerticalLine (x, mid - high * half * fade, mid - low * half * fade + 1);
            }
        }
        g.setColour (i == selected ? colours::text : colour);
        g.drawRoundedRectangle (box.toFloat(), 3.0f, i == selected ? 2.0f : 1.0f);
        // The fades' curves over the overlap.
        if (span.fadeOut > 0)
        {
            juce::Path curve;
            const int x0 = xForSample (span.end - span.fadeOut), x1 = xForSample (span.end);
            for (int x = x0; x <= x1; ++x)
            {
                const auto k = std::clamp<int64_t> (sampleForX ((float) x) - (span.end - span.fadeOut), 0, span.fadeOut - 1);
                const float y = box.getBottom() - (float) crossfadeGains (span.fadeOutCurve, k, span.fadeOut).fadeOut * box.getHeight();
                x == x0 ? curve.startNewSubPath ((float) x, y) : curve.lineTo ((float) x, y);
            }
            g.setColour (colours::accent);
            g.strokePath (curve, juce::PathStrokeType (1.5f));
        }
        g.setColour (colours::text);
        g.setFont (juce::Font (12.0f, juce::Font::bold));
        const auto title = model.track (i)[albumIds::title].toString();
        g.drawFittedText (juce::String (i + 1) + "  " + title, box.reduced (6, 3).withTrimmedLeft (handleSize), juce::Justification::topLeft, 1);
        // The transition's handle at the track's start.
        const auto h = transitionHandle (i);
        g.setColour (span.fadeIn > 0 ? colours::accent : colours::text);
        g.fillRect (h.x - handleSize / 2, h.y - handleSize / 2, handleSize, handleSize);
    }
    if (dragging == Drag::track && dropIndex >= 0)
    {
        const int x = dropIndex < (int) layout.spans.size() ? trackBounds (dropIndex).getX() : xForSample (layout.totalSamples);
        g.setColour (colours::accent);
        g.fillRect (x - 1, lanes().getY(), 3, lanes().getHeight());
    }
    g.setColour (colours::accent);
    g.drawVerticalLine (xForSample (playhead), 0.0f, (float) getHeight());
}

void AlbumTimeline::mouseDown (const juce::MouseEvent& e)
{
    dragging = Drag::none;
    const auto p = e.getPosition();
    if (p.y < rulerHeight)
    {
        dragging = Drag::seek;
        if (onSeek)
            onSeek (std::clamp<int64_t> (sampleForX ((float) p.x), 0, layout.totalSamples));
        return;
    }
    if (const int h = handleAt (p); h >= 0)
    {
        if (e.mods.isPopupMenu())
        {
            if (h > 0)
                showCurveMenu (h - 1);
            return;
        }
        dragging = Drag::transition;
        dragIndex = h;
        dragPrevEnd = h > 0 ? layout.spans[(size_t) h - 1].end : 0;
        model.beginGesture (h > 0 ? "Change transition" : "Change the pause before track 1");
        return;
    }
    if (const int t = trackAt (p); t >= 0)
    {
        if (e.mods.isPopupMenu())
        {
            if (t + 1 < (int) layout.spans.size() && layout.spans[(size_t) t].fadeOut > 0)
                showCurveMenu (t);
            return;
        }
        dragging = Drag::track;
        dragIndex = t;
        dropIndex = -1;
    }
}

void AlbumTimeline::mouseDrag (const juce::MouseEvent& e)
{
    if (dragging == Drag::seek && onSeek)
        onSeek (std::clamp<int64_t> (sampleForX ((float) e.x), 0, layout.totalSamples));
    else if (dragging == Drag::transition)
        dragTransition (dragIndex, (float) e.x, ! e.mods.isShiftDown());
    else if (dragging == Drag::track && e.getDistanceFromDragStart() > 4)
    {
        // Lands before the first track whose middle is right of the pointer.
        int to = (int) layout.spans.size();
        for (int i = 0; i < (int) layout.spans.size(); ++i)
            if (e.x < trackBounds (i).getCentreX())
            {
                to = i;
                break;
            }
        dropIndex = to;
        repaint();
    }
}

void AlbumTimeline::mouseUp (const juce::MouseEvent&)
{
    if (dragging == Drag::track)
    {
        selected = dragIndex;
        if (dropIndex >= 0)
        {
            // A drop before itself or just after itself leaves it where it is.
            const int to = dropIndex > dragIndex ? dropIndex - 1 : dropIndex;
            if (to != dragIndex)
            {
                model.beginGesture ("Move track");
                model.moveTrack (dragIndex, to);
                selected = to;
            }
        }
        if (onSelect)
            onSelect (selected);
    }
    dragging = Drag::none;
    dropIndex = -1;
    setLayout (layout, rate);   // the scale follows the album again
}

void AlbumTimeline::mouseMove (const juce::MouseEvent& e)
{
    setMouseCursor (handleAt (e.getPosition()) >= 0 ? juce::MouseCursor::LeftRightResizeCursor
                    : trackAt (e.getPosition()) >= 0 ? juce::MouseCursor::DraggingHandCursor
                                                     : juce::MouseCursor::NormalCursor);
}

void AlbumTimeline::dragTransition (int index, float x, bool snap)
{
    int64_t start = sampleForX (x);
    const auto frame = samplesPerCdFrame (rate);
    if (snap && rate == 44100.0)
        start = (start + frame / 2) / frame * frame;
    if (index == 0)
    {
        model.setGapSamples (0, std::max<int64_t> (0, start));
        return;
    }
    // Right of the previous track's end: a pause; left of it: an overlap.
    const auto& previous = layout.spans[(size_t) index - 1];
    const auto& next = layout.spans[(size_t) index];
    if (start >= dragPrevEnd)
    {
        model.setCrossfadeSamples (index - 1, 0);
        model.setGapSamples (index, start - dragPrevEnd);
    }
    else
    {
        // No longer than either track it joins can give: the previous one's
        // audio after its own fade-in, the next one's before its fade-out.
        const int64_t longest = std::min (previous.length() - previous.fadeIn, next.length() - next.fadeOut) - 1;
        model.setGapSamples (index, 0);
        model.setCrossfadeSamples (index - 1, std::min (dragPrevEnd - start, longest));
    }
}

void AlbumTimeline::showCurveMenu (int index)
{
    juce::PopupMenu menu;
    const auto current = crossfadeCurveFromName (model.track (index)[albumIds::crossfadeCurve].toString().toStdString());
    menu.addSectionHeader ("Crossfade into track " + juce::String (index + 2));
    int id = 1;
    for (const auto curve : { CrossfadeCurve::equalPower, CrossfadeCurve::linear, CrossfadeCurve::sCurve })
        menu.addItem (id++, curve == CrossfadeCurve::equalPower ? "Equal power (uncorrelated material)"
                            : curve == CrossfadeCurve::linear ? "Linear (correlated material)"
                                                              : "S-curve",
                      true, current == curve);
    menu.showMenuAsync (juce::PopupMenu::Options().withTargetComponent (this), [this, index] (int chosen) {
        if (chosen <= 0)
            return;
        model.beginGesture ("Crossfade curve");
        model.setCrossfadeCurve (index, (CrossfadeCurve) (chosen - 1));
    });
}
} // namespace crest
