// The button on a mixer strip that stands for its channel strip: it names
// the modules that are on ("Ø F G EQ C", or "STRIP"), lists their settings
// in its tooltip, and opens the strip editor. Bound to a track's tree or
// to the session's (the mix bus); follows it, so undo updates it.
//
// Message thread only.
#pragma once

#include "StripEditor.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>

namespace crest
{
class SessionPlayer;

class StripButton : public juce::TextButton, private juce::ValueTree::Listener
{
public:
    // `player` (may be null) feeds the editors' spectrum and gain reduction.
    StripButton (SessionModel& model, juce::ValueTree owner, SessionPlayer* player);
    ~StripButton() override;

    void openEditor();
    StripEditorWindow* editorWindow() noexcept { return window.get(); }

private:
    void valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier& property) override;
    void refresh();

    SessionModel& model;
    juce::ValueTree owner;
    SessionPlayer* player;
    std::unique_ptr<StripEditorWindow> window;
};
} // namespace crest
