// The last ten seconds of a dynamics module's gain reduction, one value
// per update at the app's 30 Hz, kept as numbers (tests read them) and
// drawn as a red area hanging from the top of its box, newest at the
// right, with a dB scale and the value now. The compressor's and the
// gate's editors, the limiter's page and the Master view's scopes all
// show theirs with it.
//
// Message thread only.
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <deque>

namespace crest
{
class ReductionHistory
{
public:
    static constexpr int length = 300;   // ten seconds at 30 Hz

    void push (float reductionDb);
    void clear() noexcept { values.clear(); }
    float latest() const noexcept { return values.empty() ? 0.0f : values.back(); }
    const std::deque<float>& history() const noexcept { return values; }

    // `rangeDb` is the depth at the bottom of the box; the scale is marked
    // every `stepDb`; `label` names it ("Gain reduction", "Limiter").
    void paint (juce::Graphics&, juce::Rectangle<float> box, float rangeDb, float stepDb, const juce::String& label) const;

private:
    std::deque<float> values;
};
} // namespace crest
