#include "TimelineRuler.h"

#include "Gui/CrestLookAndFeel.h"

namespace crest
{
TimelineRuler::TimelineRuler (const TimelineScale& s) : scale (s)
{
    setTitle ("Timeline ruler");
    setDescription ("Click to move the playhead; shift-drag to set the loop range");
    setWantsKeyboardFocus (false);
}

void TimelineRuler::setMusicalTime (const MusicalTime& t)
{
    time = t;
    repaint();
}

void TimelineRuler::setLoopRange (int64_t start, int64_t end, bool enabled)
{
    if (start == loopStart && end == loopEnd && enabled == loopEnabled)
        return;
    loopStart = start;
    loopEnd = end;
    loopEnabled = enabled;
    repaint();
}

int64_t TimelineRuler::barStep (double pixelsPerBar, double minPixels) noexcept
{
    int64_t step = 1;
    while (pixelsPerBar * (double) step < minPixels && step < (int64_t (1) << 20))
        step *= 2;
    return step;
}

void TimelineRuler::paint (juce::Graphics& g)
{
    g.fillAll (colours::panel);
    g.setColour (colours::outline);
    g.drawHorizontalLine (getHeight() - 1, 0.0f, (float) getWidth());

    if (loopEnd > loopStart)
    {
        const float x0 = scale.xFor (loopStart), x1 = scale.xFor (loopEnd);
        g.setColour ((loopEnabled ? colours::accent : colours::textDim).withAlpha (0.35f));
        g.fillRect (juce::Rectangle<float> (x0, 0.0f, x1 - x0, (float) getHeight() * 0.4f));
    }

    const double pixelsPerBar = time.samplesPerBar() / scale.samplesPerPixel;
    const int64_t step = barStep (pixelsPerBar, 64.0);
    const int64_t firstBar = std::max<int64_t> (1, (int64_t) (scale.firstSample / time.samplesPerBar()) + 1);
    const int64_t lastBar = (int64_t) ((scale.firstSample + getWidth() * scale.samplesPerPixel) / time.samplesPerBar()) + 2;
    g.setFont (juce::Font (12.0f));
    for (int64_t bar = (firstBar - 1) / step * step + 1; bar <= lastBar; bar += step)
    {
        const float x = scale.xFor (time.sampleAtBar (bar));
        g.setColour (colours::textDim);
        g.drawVerticalLine ((int) x, (float) getHeight() * 0.45f, (float) getHeight());
        g.setColour (colours::text);
        g.drawText (juce::String (bar), (int) x + 4, 2, 60, 14, juce::Justification::left, false);
        const double seconds = (double) time.sampleAtBar (bar) / time.sampleRate;
        g.setColour (colours::textDim);
        g.setFont (juce::Font (10.0f));
        g.drawText (juce::String ((int) seconds / 60) + ":" + juce::String ((int) seconds % 60).paddedLeft ('0', 2), (int) x + 4,
                    15, 60, 12, juce::Justification::left, false);
        g.setFont (juce::Font (12.0f));
        // Beats, when a bar has room for them.
        if (step == 1 && pixelsPerBar > 24.0 * time.numerator)
            for (int beat = 1; beat < time.numerator; ++beat)
            {
                const float bx = x + (float) (beat * time.samplesPerBeat() / scale.samplesPerPixel);
                g.drawVerticalLine ((int) bx, (float) getHeight() * 0.75f, (float) getHeight());
            }
    }
}

void TimelineRuler::mouseDown (const juce::MouseEvent& e)
{
    dragAnchor = std::max<int64_t> (0, scale.sampleAt ((float) e.x));
    if (! e.mods.isShiftDown() && onSeek)
        onSeek (dragAnchor);
}

void TimelineRuler::mouseDrag (const juce::MouseEvent& e)
{
    const auto here = std::max<int64_t> (0, scale.sampleAt ((float) e.x));
    if (e.mods.isShiftDown())
    {
        if (onLoopRange && here != dragAnchor)
            onLoopRange (std::min (here, dragAnchor), std::max (here, dragAnchor));
    }
    else if (onSeek)
        onSeek (here);
}
} // namespace crest
