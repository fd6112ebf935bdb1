// A stereo peak meter with peak-hold, clip lights and a dB scale. The owner
// feeds it linear peaks (what PeakMeter::take() returned since the last
// tick) from a ~30 Hz timer; the ballistics (20 dB/s fall, 1.5 s hold)
// are applied here, in the GUI, so the audio thread only ever stores a max.
//
// Message thread only.
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

namespace crest
{
class LevelMeter : public juce::Component, public juce::SettableTooltipClient
{
public:
    LevelMeter();

    // Linear peaks since the last call. Call at a steady rate.
    void pushPeaks (float left, float right);
    // Drops everything to silence (a new session, a stop).
    void reset();

    void paint (juce::Graphics&) override;
    void mouseDown (const juce::MouseEvent&) override;   // clears the clip lights

    // The scale matches GainFader's travel (same range and skew), so when
    // the meter spans the fader's travel a tick sits level with the cap at
    // that gain.
    static constexpr float floorDb = -96.0f;
    static constexpr float topDb = 12.0f;
    static constexpr int clipLightHeight = 7;
    static constexpr float scaleWidth = 16.0f;

private:
    struct Channel
    {
        float levelDb = floorDb;
        float holdDb = floorDb;
        double holdUntilMs = 0.0;
        bool clipped = false;
    };

    void advance (Channel&, float peak, double nowMs, double elapsedSeconds);
    float dbToY (float db, juce::Rectangle<float> area) const;

    Channel channels[2];
    double lastTickMs = 0.0;
};
} // namespace crest
