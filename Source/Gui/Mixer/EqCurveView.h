// The EQ editor's picture: an EQ's response over 20 Hz to 20 kHz on a log
// axis (±24 dB), each band's handle on it, and, behind, the live spectrum
// (a channel's after its strip, or the master's). The bands are a strip's
// or a master EQ module's (EqBands). Drag a handle to move its band
// in frequency and gain (shift: gain only; pass, notch and band-pass
// filters move in frequency only), the wheel over it changes its Q, a
// double-click on empty space switches on the next free band there as a
// bell, a double-click on a handle switches its band off. Every drag is
// one undo step; the view follows the tree, so undo and the grid below
// move it too.
//
// Message thread only. While shown it listens to the bands' analyser
// signal and drains it from its own 30 Hz timer.
#pragma once

#include "EqBands.h"

#include "Analysis/SpectrumAnalyser.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>

namespace crest
{
class EqCurveView : public juce::Component, private juce::ValueTree::Listener, private juce::Timer
{
public:
    explicit EqCurveView (std::unique_ptr<EqBands> bands);
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
    static constexpr int numBands = 8;

private:
    int bandAt (juce::Point<float> p) const;
    void refreshResponse();
    void listen (bool on);
    void timerCallback() override;
    void valueTreePropertyChanged (juce::ValueTree&, const juce::Identifier&) override;

    std::unique_ptr<EqBands> bands;
    juce::ValueTree watched;
    std::unique_ptr<SpectrumAnalyser> analyser;
    bool listening = false;
    std::vector<double> responseDb, secondDb;   // one per pixel column
    std::vector<float> scratch;
    int dragging = -1;
    bool dragMoved = false;
};
} // namespace crest
