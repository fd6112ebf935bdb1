// The whole album on one timeline: each track a block at its place, on
// two alternating rows so a crossfade shows as the overlap it is, with
// its master's waveform, its title and the fades drawn with their curves.
//  - Drag a track to a new place among the others: one "Move track" step.
//  - Drag a transition's handle (the square at the next track's start):
//    right of the previous track's end it sets the gap, left of it the
//    crossfade; snapped to CD frames (1/75 s) on a 44.1 kHz album unless
//    Shift is held. One step per drag. Right-click a crossfade for its curve.
//  - Click a track to select it; click the ruler to move the playhead.
// The whole album always fits the width (the scale holds still during a
// drag, so a lengthening pause does not run away under the pointer).
//
// Message thread only.
#pragma once

#include "Album/AlbumLayout.h"
#include "Analysis/PeakOverview.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <memory>

namespace crest
{
class AlbumModel;

class AlbumTimeline : public juce::Component
{
public:
    explicit AlbumTimeline (AlbumModel& model);

    // What to draw: the layout at the album's rate, and per track its
    // master's outline (or null while it is being made) at `waveformRate`.
    void setLayout (const AlbumLayout& layout, double sampleRate);
    void setWaveforms (std::vector<std::shared_ptr<const PeakOverview>> outlines, double waveformRate);
    void setPlayhead (int64_t albumSample);
    std::function<void (int64_t albumSample)> onSeek;
    // A click on a track selects it (and a moved track stays selected).
    std::function<void (int index)> onSelect;
    int selectedTrack() const noexcept { return selected; }

    // Where things are drawn, for the GUI tests and the handles' hit test.
    juce::Rectangle<int> trackBounds (int index) const;
    juce::Point<int> transitionHandle (int index) const;   // the handle before track `index` (index >= 1)
    int xForSample (int64_t sample) const;
    int64_t sampleForX (float x) const;

    void paint (juce::Graphics&) override;
    void mouseDown (const juce::MouseEvent&) override;
    void mouseDrag (const juce::MouseEvent&) override;
    void mouseUp (const juce::MouseEvent&) override;
    void mouseMove (const juce::MouseEvent&) override;

private:
    int handleAt (juce::Point<int> p) const;
    int trackAt (juce::Point<int> p) const;
    juce::Rectangle<int> lanes() const;
    void dragTransition (int index, float x, bool snap);
    void showCurveMenu (int index);

    AlbumModel& model;
    AlbumLayout layout;
    double rate = 44100.0;
    std::vector<std::shared_ptr<const PeakOverview>> waveforms;
    double waveformRate = 44100.0;
    int64_t playhead = 0;
    int64_t scaleSamples = 1;   // what the width shows: the album and a margin, held still while dragging

    enum class Drag { none, transition, track, seek };
    Drag dragging = Drag::none;
    int dragIndex = -1;
    int dropIndex = -1;   // while moving a track: where it would land
    int64_t dragPrevEnd = 0;
    int selected = -1;   // the end of the track before the transition being dragged
};
} // namespace crest
