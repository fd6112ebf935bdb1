// The channel strip at a glance, on each mixer strip: the EQ's curve in
// miniature (flat and dim when the EQ is off) and, beside it, the
// compressor's gain reduction as a bar falling from the top. A click opens
// the strip's editor on the EQ page.
//
// Message thread only. setGainReduction() is called by the strip's meter tick.
#pragma once

#include "Dsp/ParametricEq.h"
#include "Session/SessionModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace crest
{
class StripOverview : public juce::Component, public juce::SettableTooltipClient, private juce::ValueTree::Listener
{
public:
    StripOverview (SessionModel& model, juce::ValueTree owner);
    ~StripOverview() override;

    void setGainReduction (float db);
    float gainReduction() const noexcept { return reductionDb; }
    std::function<void()> onClick;

    void paint (juce::Graphics&) override;
    void resized() override { refreshCurve(); }
    void mouseUp (const juce::MouseEvent&) override;

    static constexpr float reductionRangeDb = 20.0f;

private:
    void refreshCurve();
    void valueTreePropertyChanged (juce::ValueTree&, const juce::Identifier&) override;

    SessionModel& model;
    juce::ValueTree owner;
    ParametricEq preview;
    juce::Path curve;
    bool eqOn = false, compressorOn = false;
    float reductionDb = 0.0f;
};
} // namespace crest
