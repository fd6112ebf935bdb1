#include "ReferenceModel.h"

#include <algorithm>
#include <filesystem>

namespace crest
{
namespace
{
    ReferenceDocument documentOf (const juce::ValueTree& r)
    {
        ReferenceDocument ref;
        ref.id = r[ids::id].toString().toStdString();
        ref.name = r[ids::name].toString().toStdString();
        ref.file = mediaPathFromVar (r[ids::file]);
        ref.alignSessionSample = (juce::int64) r[ids::alignSessionSample];
        ref.alignReferenceSample = (juce::int64) r[ids::alignReferenceSample];
        ref.loopStartSample = (juce::int64) r[ids::loopStartSample];
        ref.loopEndSample = (juce::int64) r[ids::loopEndSample];
        ref.trimDb = r[ids::trimDb];
        return ref;
    }

    void write (juce::ValueTree& r, const ReferenceDocument& ref, juce::UndoManager* undo)
    {
        r.setProperty (ids::id, juce::String (ref.id), undo);
        r.setProperty (ids::name, juce::String (ref.name), undo);
        r.setProperty (ids::file, mediaPathVar (ref.file), undo);
        r.setProperty (ids::alignSessionSample, (juce::int64) ref.alignSessionSample, undo);
        r.setProperty (ids::alignReferenceSample, (juce::int64) ref.alignReferenceSample, undo);
        r.setProperty (ids::loopStartSample, (juce::int64) ref.loopStartSample, undo);
        r.setProperty (ids::loopEndSample, (juce::int64) ref.loopEndSample, undo);
        r.setProperty (ids::trimDb, ref.trimDb, undo);
    }
} // namespace

juce::ValueTree referencesTree (const std::vector<ReferenceDocument>& references)
{
    juce::ValueTree node (ids::REFERENCES);
    for (const auto& ref : references)
    {
        juce::ValueTree r (ids::REFERENCE);
        write (r, ref, nullptr);   // no undo: a load is not an edit
        node.appendChild (r, nullptr);
    }
    return node;
}

std::vector<ReferenceDocument> referencesOf (const juce::ValueTree& references)
{
    std::vector<ReferenceDocument> list;
    for (const auto& r : references)
        list.push_back (documentOf (r));
    return list;
}

ReferenceDocument ReferenceModel::reference (int index) const
{
    return documentOf (node().getChild (index));
}

int ReferenceModel::indexOf (const juce::String& id) const
{
    return node().indexOf (find (id));
}

juce::String ReferenceModel::add (ReferenceDocument ref)
{
    auto references = node();
    if (! references.isValid())
    {
        references = juce::ValueTree (ids::REFERENCES);
        model.state().appendChild (references, nullptr);
    }
    // One past the highest in use, so an id is not handed to a new
    // reference while measurements of an old one may still be about.
    int n = 1;
    for (const auto& r : references)
        n = std::max (n, r[ids::id].toString().fromFirstOccurrenceOf ("ref-", false, false).getIntValue() + 1);
    ref.id = ("ref-" + juce::String (n)).toStdString();
    if (ref.name.empty())
        ref.name = std::filesystem::path (ref.file).stem().string();
    model.beginGesture ("Add reference " + juce::String (ref.name));
    juce::ValueTree r (ids::REFERENCE);
    write (r, ref, nullptr);
    references.appendChild (r, &model.undoManager());
    return juce::String (ref.id);
}

void ReferenceModel::remove (const juce::String& id)
{
    auto r = find (id);
    if (! r.isValid())
        return;
    model.beginGesture ("Remove reference " + r[ids::name].toString());
    node().removeChild (r, &model.undoManager());
}

void ReferenceModel::update (const ReferenceDocument& edited, const juce::String& stepName)
{
    auto r = find (juce::String (edited.id));
    if (! r.isValid() || documentOf (r) == edited)
        return;
    model.beginGesture (stepName);
    write (r, edited, &model.undoManager());
}
} // namespace crest
