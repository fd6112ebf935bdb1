// The master chain in the live session: a MASTER node after the buses,
// one MODULE child per module in processing order (id, kind, enabled, and
// each value that differs from its default as "value.<parameter id>").
// Every edit is one undoable step of the session's UndoManager; a value
// drag is grouped by SessionModel::beginGesture(). The player routes value
// and enable changes straight to the running module and recompiles on
// added, removed or reordered modules. Message thread only.
#pragma once

#include "MasterChainDocument.h"
#include "SessionModel.h"

namespace crest
{
juce::ValueTree masterChainTree (const MasterChainDocument& chain);
MasterChainDocument masterChainOf (const juce::ValueTree& master);   // an invalid tree is an empty chain
juce::Identifier masterValueProperty (std::string_view parameterId);
std::string masterParameterOf (const juce::Identifier& property);   // "" if not a value property

class MasterChainModel
{
public:
    explicit MasterChainModel (SessionModel& session) : model (session) {}

    juce::ValueTree chain() const { return model.state().getChildWithName (ids::MASTER); }
    int size() const { return chain().getNumChildren(); }
    juce::ValueTree module (int index) const { return chain().getChild (index); }
    juce::ValueTree find (const juce::String& id) const { return chain().getChildWithProperty (ids::id, id); }

    // A new module of a MasterModules kind, at its defaults, with an id no
    // other module has; at the end when index is -1.
    juce::ValueTree add (std::string_view kind, int index = -1);
    void remove (int index);
    void move (int from, int to);
    void setEnabled (juce::ValueTree module, bool on);
    // Clamped to the parameter's range; an unknown parameter is ignored.
    void setValue (juce::ValueTree module, std::string_view parameterId, double value);
    static double value (const juce::ValueTree& module, std::string_view parameterId);
    // The whole chain at once (a preset), as one undoable step.
    void replace (const MasterChainDocument& chain, const juce::String& stepName);

private:
    SessionModel& model;
};
} // namespace crest
