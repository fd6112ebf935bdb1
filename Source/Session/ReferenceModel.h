// The session's reference tracks in the live model: a REFERENCES node
// after the master chain, one REFERENCE child each (ReferenceDocument's
// fields as properties). Every edit is one undoable step of the session's
// UndoManager; the player recompiles on any of them (a reference's stream,
// its place on the timeline or its trim). Message thread only.
#pragma once

#include "SessionModel.h"

#include <vector>

namespace crest
{
juce::ValueTree referencesTree (const std::vector<ReferenceDocument>& references);
std::vector<ReferenceDocument> referencesOf (const juce::ValueTree& references);   // an invalid tree is none

class ReferenceModel
{
public:
    explicit ReferenceModel (SessionModel& session) : model (session) {}

    juce::ValueTree node() const { return model.state().getChildWithName (ids::REFERENCES); }
    int size() const { return node().getNumChildren(); }
    ReferenceDocument reference (int index) const;
    int indexOf (const juce::String& id) const;
    std::vector<ReferenceDocument> all() const { return referencesOf (node()); }

    // Adds a reference with a fresh id (its name the file's when empty);
    // returns the id.
    juce::String add (ReferenceDocument reference);
    void remove (const juce::String& id);
    // Replaces one reference's fields (its id kept), as one named step.
    void update (const ReferenceDocument& edited, const juce::String& stepName);

private:
    juce::ValueTree find (const juce::String& id) const { return node().getChildWithProperty (ids::id, id); }
    SessionModel& model;
};
} // namespace crest
