// The album being edited in the app: a juce::ValueTree with one
// UndoManager, like the session's model, so every edit in the Album view
// (order, gaps, crossfades, metadata, loudness strategy) is one named,
// undoable step. The tree mirrors AlbumDocument field for field; a
// track's own chain and its EQ, which the Album view does not edit, ride
// along as their JSON text so they survive undo and save untouched.
//
// Message thread only.
#pragma once

#include "AlbumDocument.h"

#include <juce_data_structures/juce_data_structures.h>

namespace crest
{
namespace albumIds
{
#define CREST_ALBUM_IDENTIFIER(name) inline const juce::Identifier name { #name };
    CREST_ALBUM_IDENTIFIER (ALBUM)
    CREST_ALBUM_IDENTIFIER (TRACK)
    CREST_ALBUM_IDENTIFIER (version)
    CREST_ALBUM_IDENTIFIER (sampleRate)
    CREST_ALBUM_IDENTIFIER (title)
    CREST_ALBUM_IDENTIFIER (performer)
    CREST_ALBUM_IDENTIFIER (composer)
    CREST_ALBUM_IDENTIFIER (isrc)
    CREST_ALBUM_IDENTIFIER (upc)
    CREST_ALBUM_IDENTIFIER (sharedChain)
    CREST_ALBUM_IDENTIFIER (strategy)
    CREST_ALBUM_IDENTIFIER (targetLufs)
    CREST_ALBUM_IDENTIFIER (ceilingDbtp)
    CREST_ALBUM_IDENTIFIER (anchorTrack)
    CREST_ALBUM_IDENTIFIER (limitingWarningDb)
    CREST_ALBUM_IDENTIFIER (id)
    CREST_ALBUM_IDENTIFIER (source)
    CREST_ALBUM_IDENTIFIER (chain)
    CREST_ALBUM_IDENTIFIER (trimDb)
    CREST_ALBUM_IDENTIFIER (eq)
    CREST_ALBUM_IDENTIFIER (gapBeforeSamples)
    CREST_ALBUM_IDENTIFIER (crossfadeSamples)
    CREST_ALBUM_IDENTIFIER (crossfadeCurve)
    CREST_ALBUM_IDENTIFIER (startOffsetSamples)
    CREST_ALBUM_IDENTIFIER (lengthSamples)
#undef CREST_ALBUM_IDENTIFIER
} // namespace albumIds

class AlbumModel
{
public:
    AlbumModel();

    juce::ValueTree& state() noexcept { return tree; }
    const juce::ValueTree& state() const noexcept { return tree; }
    juce::UndoManager& undoManager() noexcept { return undo; }

    // Replaces the whole album (an open, not an edit: the undo history is cleared).
    void load (const AlbumDocument& album);
    AlbumDocument toDocument() const;

    int numTracks() const noexcept { return tree.getNumChildren(); }
    juce::ValueTree track (int index) const { return tree.getChild (index); }
    int indexOf (const juce::String& trackId) const;

    // Each edit is one undo step named for what it did; a drag that calls
    // one many times is grouped by beginGesture() at its start.
    void beginGesture (const juce::String& name);
    void moveTrack (int fromIndex, int toIndex);
    void setGapSamples (int index, int64_t samples);
    void setCrossfadeSamples (int index, int64_t samples);
    void setCrossfadeCurve (int index, CrossfadeCurve curve);
    void setTrimDb (int index, double trimDb);
    // title, performer, composer or isrc of a track; title, performer or upc of the album.
    void setTrackText (int index, const juce::Identifier& field, const juce::String& text);
    void setAlbumText (const juce::Identifier& field, const juce::String& text);
    void setStrategy (LoudnessStrategy strategy, double targetLufs, const juce::String& anchorTrack);
    // New tracks (stereo files or sessions) at `index` (-1: at the end).
    void addTracks (const std::vector<std::filesystem::path>& sources, int index = -1);
    void removeTrack (int index);

private:
    void keepTransitionsWhole();

    juce::ValueTree tree { albumIds::ALBUM };
    juce::UndoManager undo;
};
} // namespace crest
