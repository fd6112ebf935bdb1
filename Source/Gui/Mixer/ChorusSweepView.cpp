#include "ChorusSweepView.h"

#include "Core/ModuleSpecs.h"
#include "Dsp/Chorus.h"
#include "Gui/CrestLookAndFeel.h"

#include <cmath>

namespace crest
{
ChorusSweepView::ChorusSweepView (SessionModel& m, juce::ValueTree o) : model (m), owner (std::move (o))
{
    setTitle ("Chorus sweep");
    setDescription ("Each voice's delay over two turns of its LFO");
    owner.addListener (this);
}

ChorusSweepView::~ChorusSweepView()
{
    owner.removeListener (this);
}

double ChorusSweepView::value (const char* field) const
{
    return SessionModel::stripValue (owner, std::string ("chorus.") + field);
}

int ChorusSweepView::voices() const
{
    return juce::jlimit (1, 4, (int) std::lround (value ("voices")));
}

double ChorusSweepView::shownSeconds() const
{
    return 2.0 / std::max (0.01, value ("rateHz"));
}

double ChorusSweepView::delayMsAt (double seconds, int voice, int side) const
{
    const double rate = model.sampleRate() > 0 ? model.sampleRate() : 48000.0;
    return Chorus::voiceDelayMs (value ("rateHz") * seconds, voice, voices(), side, value ("delayMs"), value ("depthMs"),
                                 value ("width") / 100.0, rate);
}

void ChorusSweepView::paint (juce::Graphics& g)
{
    auto box = getLocalBounds().toFloat().reduced (8.0f);
    g.setColour (colours::faderTrack);
    g.fillRoundedRectangle (box, 4.0f);
    const auto plot = box.reduced (40.0f, 18.0f).withTrimmedRight (-30.0f);
    // The delay axis covers the module's whole range, so moving a setting
    // moves the picture rather than rescaling it.
    const double top = moduleSpecs::chorus[Chorus::delayMs].maximum + moduleSpecs::chorus[Chorus::depthMs].maximum;
    const double seconds = shownSeconds();
    auto xFor = [&] (double t) { return plot.getX() + (float) (t / seconds) * plot.getWidth(); };
    auto yFor = [&] (double ms) { return plot.getBottom() - (float) (ms / top) * plot.getHeight(); };

    g.setFont (juce::Font (10.0f));
    for (double ms = 0; ms <= top + 1e-9; ms += top / 5)
    {
        g.setColour (colours::outline);
        g.drawHorizontalLine ((int) yFor (ms), plot.getX(), plot.getRight());
        g.setColour (colours::textDim);
        g.drawText (juce::String (ms, 0) + " ms", (int) box.getX() + 2, (int) yFor (ms) - 6, 36, 12, juce::Justification::right);
    }
    for (int quarter = 0; quarter <= 8; ++quarter)
    {
        const double t = seconds * quarter / 8;
        g.setColour (colours::outline);
        g.drawVerticalLine ((int) xFor (t), plot.getY(), plot.getBottom());
        g.setColour (colours::textDim);
        g.drawText (juce::String (t, t < 10 ? 2 : 1) + " s", (int) xFor (t) + 2, (int) plot.getBottom() + 2, 50, 12, juce::Justification::left);
    }

    const bool on = value ("enabled") >= 0.5;
    const juce::Colour sideColours[] = { on ? colours::accent : colours::textDim, on ? juce::Colour (0xff6fb7ff) : colours::textDim };
    const float dashes[] = { 5.0f, 4.0f };
    for (int side = 1; side >= 0; --side)
        for (int v = 0; v < voices(); ++v)
        {
            juce::Path path;
            for (int i = 0; i <= 400; ++i)
            {
                const double t = seconds * i / 400;
                const juce::Point<float> p (xFor (t), yFor (delayMsAt (t, v, side)));
                if (i == 0)
                    path.startNewSubPath (p);
                else
                    path.lineTo (p);
            }
            g.setColour (sideColours[side]);
            if (side == 0)
                g.strokePath (path, juce::PathStrokeType (1.6f));
            else
            {
                juce::Path dashed;
                juce::PathStrokeType (1.2f).createDashedStroke (dashed, path, dashes, 2);
                g.fillPath (dashed);
            }
        }
    g.setColour (colours::text);
    g.setFont (juce::Font (12.0f));
    g.drawText (juce::String (voices()) + (voices() == 1 ? " voice" : " voices") + ", " + juce::String (value ("delayMs"), 1) + " ms "
                    + juce::String::charToString (0xb1) + " " + juce::String (value ("depthMs"), 1) + " ms at " + juce::String (value ("rateHz"), 2)
                    + " Hz   left solid, right dashed",
                plot.reduced (6.0f, 2.0f).removeFromTop (16.0f).toNearestInt(), juce::Justification::right);
}

void ChorusSweepView::valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier& property)
{
    if (tree == owner && property.toString().startsWith ("strip.chorus."))
        repaint();
}
} // namespace crest
