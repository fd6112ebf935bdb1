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
#include <map>
#include <optional>
#include <string_view>
#include <vector>

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

// A send lives on its sender as three properties, "send.<busId>.levelDb",
// ".pan" and ".preFader"; a send exists while its level property does.
enum class SendField
{
    levelDb,
    pan,
    preFader
};
struct SendProperty
{
    juce::String bus;
    SendField field;
};
juce::Identifier sendProperty (const juce::String& busId, SendField field);
std::optional<SendProperty> parseSendProperty (const juce::Identifier& property);

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

    // The tree holds the tracks first, then the buses, then the master
    // chain (edited through MasterChainModel), then the reference tracks
    // (ReferenceModel).
    int numTracks() const;
    juce::ValueTree track (int index) const { return tree.getChild (index); }
    juce::ValueTree findTrack (const juce::String& id) const;
    int numBuses() const;
    juce::ValueTree bus (int index) const;
    juce::ValueTree findChannel (const juce::String& id) const;   // a track or a bus

    // Edits. Each is one undoable step; a gesture spanning many calls (a
    // fader drag) is grouped by calling beginGesture() first.
    void beginGesture (const juce::String& name);
    juce::ValueTree addTrack (const juce::String& name, int channels, int insertIndex = -1);
    void removeTrack (int index);
    void moveTrack (int fromIndex, int toIndex);   // both among the tracks
    juce::ValueTree addClip (juce::ValueTree track, const ClipDocument& clip);
    void removeClip (juce::ValueTree track, int clipIndex);
    // A clip as plain data, and one that takes another's place, moved to
    // `destination` (another track) when given. The clip's tree stays the
    // same object on its own track, so a selection holding it survives.
    static ClipDocument clipOf (const juce::ValueTree& clip);
    void replaceClip (juce::ValueTree clip, const ClipDocument& edited, juce::ValueTree destination = {});
    // Points clips at media that moved: every clip whose file is a key
    // reads the value instead. Returns how many clips changed.
    int relinkMedia (const std::map<std::string, std::string>& moved);
    // Cuts the clip at timeline sample `at` (see splitClip); returns the
    // second part, or an invalid tree if `at` is not inside it.
    juce::ValueTree splitClipAt (juce::ValueTree clip, int64_t at);
    void setTrackValue (juce::ValueTree track, const juce::Identifier& property, const juce::var& value);

    // Buses. A new aux bus gets a send at -inf from every track; removing
    // a bus sends what it fed back to the mix bus and drops sends to it.
    juce::ValueTree addBus (const juce::String& name, BusKind kind);
    void removeBus (int index);

    // Routing edits on a track or bus. Each returns "" once done, or why it
    // was refused (a loop, a bus that does not exist) with nothing changed.
    // An empty id routes to the mix bus / keys the compressor by itself.
    juce::String setOutput (juce::ValueTree channel, const juce::String& busId);
    juce::String setSidechain (juce::ValueTree channel, const juce::String& keyId);
    juce::String addSend (juce::ValueTree channel, const juce::String& busId);   // at -inf, post-fader
    void removeSend (juce::ValueTree channel, const juce::String& busId);
    void setSendValue (juce::ValueTree channel, const juce::String& busId, SendField field, double value);
    static std::vector<juce::String> sendsOf (const juce::ValueTree& channel);   // bus ids, in the order added

    // Automation lanes, one per parameter (see AutomationLane), held on the
    // channel as "automation.<parameter>". setAutomation() clamps values to
    // the parameter's range and sorts the points; a parameter no channel
    // has, or a send the channel lacks, is refused with the reason.
    juce::String setAutomation (juce::ValueTree channel, const AutomationLane& lane);
    void removeAutomation (juce::ValueTree channel, const juce::String& parameter);
    static std::vector<AutomationLane> automationOf (const juce::ValueTree& channel);
    static std::optional<AutomationLane> laneOf (const juce::ValueTree& channel, const juce::String& parameter);
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
    void forgetChannel (const juce::String& id);
    juce::String checkedRouting (juce::ValueTree channel, const juce::Identifier& property, const juce::String& value);
    static void addSendProperties (juce::ValueTree& channel, const juce::String& busId, juce::UndoManager* undoManager);

    juce::ValueTree tree { ids::SESSION };
    juce::UndoManager undo;
    bool loading = false;
};
} // namespace crest
