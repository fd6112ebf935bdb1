// The picture over a master module's controls on its page in the chain
// editor, chosen by the module's kind: the EQ's curve over the master's
// spectrum, the multiband's bands across the spectrum with each one's
// gain reduction, the saturation's transfer curve, the width's goniometer
// and correlation, the limiter's gain-reduction history against its
// ceiling. Each follows its module's tree (undo moves it too) and, while
// shown, reads the running chain 30 times a second.
//
// Message thread only.
#pragma once

#include "Session/SessionModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>
#include <string_view>

namespace crest
{
class SessionPlayer;

// The base of the live pictures: the module's values, a repaint when one
// changes, and tick() at 30 Hz while the picture is on screen.
class ModulePicture : public juce::Component, private juce::ValueTree::Listener, private juce::Timer
{
public:
    ModulePicture (juce::ValueTree module, SessionPlayer* player);
    ~ModulePicture() override;

    // Reads the running module (called by the timer; tests call it).
    virtual void tick() {}

protected:
    double value (std::string_view parameterId) const;
    juce::String moduleId() const { return module[ids::id].toString(); }

    juce::ValueTree module;
    SessionPlayer* player;

private:
    void timerCallback() override;
    void valueTreePropertyChanged (juce::ValueTree&, const juce::Identifier&) override;
};

// The picture for a module of this kind, or null for a kind without one.
std::unique_ptr<juce::Component> makeModulePicture (SessionModel& model, juce::ValueTree module, SessionPlayer* player);
} // namespace crest
