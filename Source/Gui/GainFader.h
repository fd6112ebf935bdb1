// A console fader in dB, built from params::faderDb so its range is
// declared once. The travel is skewed so 0 dB sits about three quarters up,
// as on a desk; the bottom stop means -inf (silence) and shows as "-inf".
// Double-click returns to 0 dB. The value box below accepts typed dB.
//
// It reports edits through onEdit (value, startsNewGesture): one drag, one
// double-click or one typed value is one gesture, so each becomes exactly
// one undo step in the SessionModel.
//
// Message thread only.
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace crest
{
class GainFader : public juce::Slider
{
public:
    GainFader();

    // Moves the fader without reporting an edit (undo/redo, a new session).
    void showValue (double db);

    std::function<void (double db, bool startsNewGesture)> onEdit;
    std::function<void()> onRelease;   // the end of a drag

    juce::String getTextFromValue (double value) override;
    double getValueFromText (const juce::String& text) override;

    static juce::String formatDb (double db);
    // Where a level sits on the travel, 0 (bottom) .. 1 (top); shared with
    // the meters so their scale lines up with the fader cap.
    static double proportionOfDb (double db);
    static constexpr double skew = 2.44;
    // The meter area that lines up with this fader's travel, in the parent's coordinates.
    juce::Rectangle<int> travelInParent (int x, int width, int extraTop) const;

private:
    bool dragging = false;
    bool isNewGesture = false;   // the first value of a drag opens a new undo step
};
} // namespace crest
