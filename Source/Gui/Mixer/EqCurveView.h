// The EQ editor's picture: the strip EQ's response over 20 Hz to 20 kHz
// on a log axis (±24 dB), each band's handle on it, and, behind, the live
// spectrum of the channel after its strip. Drag a handle to move its band
// in frequency and gain (shift: gain only; pass, notch and band-pass
// filters move in frequency only), the wheel over it changes its Q, a
// double-click on empty space switches on the next free band there as a
// bell, a double-click on a handle switches its band off. Every drag is
// one undo step; the view follows the tree, so undo and the grid below
// move it too.
//
// Message thread only. While shown it asks the channel's runtime for its
// analysis tap and drains it from its own 30 Hz timer.
#pragma once

#include "Analysis/SpectrumAnalyser.h"
#include "Dsp/ParametricEq.h"
#include "Session/SessionModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>

namespace crest
{
class ChannelRuntime;
class SessionPlayer;

class EqCurveView : public juce::Component, private juce::ValueTree::Listener, private juce::Timer
{
public:
    // `player` may be null (no spectrum then); `owner` is a track, a bus or the session (the mix bus).
    EqCurveView (SessionModel& model, juce::ValueTree owner, SessionPlayer* player);
    ~EqCurveView() override;

    // Where band `band` (0..7) is drawn, in this component's coordinates.
    juce::Point<float> handlePosition (int band) const;
    // The response drawn at `hz`, in dB (the model's values, as the engine designs them).
    double responseDbAt (double hz) const;
    float xForFrequency (double hz) const noexcept;
    double frequencyForX (float x) const noexcept;
    float yForGain (double db) const noexcept;
    double gainForY (float y) const noexcept;

    void paint (juce::Graphics&) override;
    void resized() override;
    void mouseDown (const juce::MouseEvent&) override;
    void mouseDrag (const juce::MouseEvent&) override;
    void mouseUp (const juce::MouseEvent&) override;
    void mouseDoubleClick (const juce::MouseEvent&) override;
    void mouseWheelMove (const juce::MouseEvent&, const juce::MouseWheelDetails&) override;

    static constexpr double gainRangeDb = 24.0;

private:
    int bandAt (juce::Point<float> p) const;
    double value (int band, const char* field) const;
    void set (int band, const char* field, double v);
    void refreshResponse();
    void listen (bool on);
    void timerCallback() override;
    void valueTreePropertyChanged (juce::ValueTree&, const juce::Identifier&) override;

    SessionModel& model;
    juce::ValueTree owner;
    SessionPlayer* player;
    ParametricEq preview;
    std::unique_ptr<SpectrumAnalyser> analyser;
    std::shared_ptr<ChannelRuntime> listened;
    std::vector<double> responseDb;   // one per pixel column
    std::vector<float> scratch;
    int dragging = -1;
    bool dragMoved = false;
};
} // namespace crest
