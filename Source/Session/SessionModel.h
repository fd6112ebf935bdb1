// The live session: a juce::ValueTree with one UndoManager. Every edit goes
// through this class so it is undoable; the engine controller listens to
// the tree and either updates parameters (fader, pan, mute…) or recompiles
// the render plan (tracks, clips, sample rate, pan law).
//
// Message thread only. Media paths are held absolute here; SessionFile
// makes them relative to the session's folder on save.
#pragma once

#include "Identifiers.h"
#include "SessionDocument.h"

#include <juce_data_structures/juce_data_structures.h>

#include <filesystem>
#include <string_view>

namespace crest
{
// Strip values live on the track as properties "strip.<key>"
// ("strip.eq.band3.gainDb"); these map between the two.
juce::Identifier stripProperty (std::string_view key);
std::string stripKeyOf (const juce::Identifier& property);   // "" if not a strip property

// A clip's media path in the tree: a string when it is valid UTF-8, else
// its raw bytes (a MemoryBlock), so no file name is ever mangled.
juce::var mediaPathVar (const std::string& bytes);
std::string mediaPathFromVar (const juce::var& value);

class SessionModel
{
public:
    SessionModel();

    juce::ValueTree& state() noexcept { return tree; }
    juce::UndoManager& undoManager() noexcept { return undo; }

    // Replaces the whole session (not undoable: it is an open, not an edit).
    // Listeners see the tree's many intermediate states while isLoading()
    // is true, then one sampleRate change once it is complete, so they can
    // react once to the finished session.
    void load (const SessionDocument& document);
    bool isLoading() const noexcept { return loading; }
    SessionDocument toDocument() const;

    int numTracks() const { return tree.getNumChildren(); }
    juce::ValueTree track (int index) const { return tree.getChild (index); }
    juce::ValueTree findTrack (const juce::String& id) const;

    // Edits. Each is one undoable step; a gesture spanning many calls (a
    // fader drag) is grouped by calling beginGesture() first.
    void beginGesture (const juce::String& name);
    juce::ValueTree addTrack (const juce::String& name, int channels, int insertIndex = -1);
    void removeTrack (int index);
    juce::ValueTree addClip (juce::ValueTree track, const ClipDocument& clip);
    void removeClip (juce::ValueTree track, int clipIndex);
    void setTrackValue (juce::ValueTree track, const juce::Identifier& property, const juce::var& value);
    // A channel-strip value by its StripParameters key, clamped to its
    // range: on a track's tree, or on the session's (the mix bus's strip).
    void setStripValue (juce::ValueTree track, std::string_view key, double value);
    static double stripValue (const juce::ValueTree& track, std::string_view key);
    static StripDocument stripOf (const juce::ValueTree& track);
    void setSessionValue (const juce::Identifier& property, const juce::var& value);

    double sampleRate() const { return tree[ids::sampleRate]; }
    int64_t lengthSamples() const;   // end of the last clip

    static juce::String newTrackId();

private:
    juce::ValueTree tree { ids::SESSION };
    juce::UndoManager undo;
    bool loading = false;
};
} // namespace crest
