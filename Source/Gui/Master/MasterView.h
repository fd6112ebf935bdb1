// The Master view: the mastering chain (its modules in order, each
// switched, reordered and edited in place) beside the scopes (goniometer,
// correlation, the limiter's and the multiband's gain reduction), the
// loudness panel (graph and the Mix / Master table), the reference
// tracks (ReferencePanel) or the vinyl preflight (VinylPanel) under them,
// one at a time by their tabs, and at the
// right the master strip:
// the Mix / Master / Difference switch with loudness matching, the target
// with its live pass or fail, Reach target, and the master's meter.
//
// Message thread only. update() is called from the app's timer while the
// view is shown.
#pragma once

#include "LoudnessPanel.h"
#include "MasterScope.h"
#include "ReferencePanel.h"
#include "VinylPanel.h"

#include "Gui/MasterChainEditor.h"
#include "Gui/MasterStrip.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace crest
{
class MasterView : public juce::Component
{
public:
    MasterView (SessionModel& model, SessionPlayer& player, MediaPool& media);

    void update();
    void reset();
    MasterStrip& strip() noexcept { return masterStrip; }
    MasterChainEditor& chain() noexcept { return chainEditor; }
    LoudnessPanel& loudness() noexcept { return loudnessPanel; }
    MasterScope& scopes() noexcept { return scope; }
    ReferencePanel& references() noexcept { return referencePanel; }
    VinylPanel& vinyl() noexcept { return vinylPanel; }
    // Which of the lower panels shows.
    enum class Lower
    {
        loudness,
        references,
        vinyl
    };
    void show (Lower panel);

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    MasterChainEditor chainEditor;
    LoudnessPanel loudnessPanel;
    ReferencePanel referencePanel;
    VinylPanel vinylPanel;
    MasterScope scope;
    MasterStrip masterStrip;
    juce::TextButton loudnessTab { "Loudness" }, referencesTab { "References" }, vinylTab { "Vinyl" };
};
} // namespace crest
