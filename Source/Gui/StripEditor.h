// The channel strip's editor: one page per module (strip-wide, filters,
// gate, EQ, compressor, space), each a switch and a grid of labelled
// controls built from the parameter registry (StripParameters), with units
// on every value; the EQ's page has its curve with draggable bands over the
// live spectrum, the compressor's its static curve and gain-reduction
// history. Every move writes through
// SessionModel::setStripValue, one undo step per gesture; the editor
// follows the track's tree, so undo and other editors move its controls.
//
// Message thread only.
#pragma once

#include "Core/StripParameters.h"
#include "Session/SessionModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>
#include <vector>

namespace crest
{
class SessionPlayer;
class EqCurveView;
class CompressorCurveView;
class GateCurveView;
class SpaceResponseView;
class ChorusSweepView;

class StripEditor : public juce::Component, private juce::ValueTree::Listener
{
public:
    StripEditor (SessionModel& model, juce::ValueTree track, SessionPlayer* player = nullptr);
    ~StripEditor() override;

    void resized() override;
    void paint (juce::Graphics&) override;

    // Switches a page on by module (for tests and keyboard shortcuts).
    void showModule (StripModule module);
    // The designed pictures over the EQ's and the compressor's controls.
    EqCurveView& eqCurve() noexcept { return *eqView; }
    CompressorCurveView& compressorCurve() noexcept { return *compressorView; }
    GateCurveView& gateCurve() noexcept { return *gateView; }
    SpaceResponseView& reverbResponse() noexcept { return *reverbView; }
    SpaceResponseView& delayResponse() noexcept { return *delayView; }
    ChorusSweepView& chorusSweep() noexcept { return *chorusView; }

private:
    class Page;

    void valueTreePropertyChanged (juce::ValueTree&, const juce::Identifier&) override;

    SessionModel& model;
    juce::ValueTree track;
    juce::TabbedComponent tabs { juce::TabbedButtonBar::TabsAtTop };
    std::vector<Page*> pages;   // owned by the tabs
    EqCurveView* eqView = nullptr;                 // owned by the tabs
    CompressorCurveView* compressorView = nullptr; // owned by the tabs
    GateCurveView* gateView = nullptr;             // owned by the tabs
    SpaceResponseView* reverbView = nullptr;       // owned by the tabs
    SpaceResponseView* delayView = nullptr;        // owned by the tabs
    ChorusSweepView* chorusView = nullptr;         // owned by the tabs
};

// A window holding one track's StripEditor.
class StripEditorWindow : public juce::DocumentWindow
{
public:
    StripEditorWindow (SessionModel& model, juce::ValueTree track, SessionPlayer* player = nullptr);
    void closeButtonPressed() override { setVisible (false); }
    StripEditor& editor() noexcept { return *content; }

private:
    StripEditor* content;
};
} // namespace crest
