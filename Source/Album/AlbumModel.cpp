#include "AlbumModel.h"

#include "NewAlbum.h"

#include "Core/CrestError.h"
#include "Session/MasterChainJson.h"

#include <algorithm>
#include <cmath>

namespace crest
{
namespace ai = albumIds;

namespace
{
    juce::String text (const std::string& s) { return juce::String::fromUTF8 (s.data(), (int) s.size()); }
    std::string plain (const juce::var& v) { return v.toString().toStdString(); }

    juce::String chainText (const MasterChainDocument& chain) { return text (writeMasterChain (chain).dump()); }
    MasterChainDocument chainFromText (const juce::var& value)
    {
        // Written by chainText: a failure here is a bug, and says so.
        return readMasterChain (nlohmann::ordered_json::parse (plain (value)), "chain", "the album being edited");
    }

    juce::ValueTree trackTree (const AlbumTrack& t)
    {
        juce::ValueTree tree (ai::TRACK);
        tree.setProperty (ai::id, text (t.id), nullptr);
        tree.setProperty (ai::source, text (t.source.string()), nullptr);
        if (t.chain)
            tree.setProperty (ai::chain, chainText (*t.chain), nullptr);
        tree.setProperty (ai::trimDb, t.trimDb, nullptr);
        tree.setProperty (ai::eq, chainText (MasterChainDocument { { t.eq } }), nullptr);
        tree.setProperty (ai::gapBeforeSamples, (juce::int64) t.gapBeforeSamples, nullptr);
        tree.setProperty (ai::crossfadeSamples, (juce::int64) t.crossfadeSamples, nullptr);
        tree.setProperty (ai::crossfadeCurve, text (std::string (crossfadeCurveName (t.crossfadeCurve))), nullptr);
        tree.setProperty (ai::startOffsetSamples, (juce::int64) t.startOffsetSamples, nullptr);
        if (t.lengthSamples)
            tree.setProperty (ai::lengthSamples, (juce::int64) *t.lengthSamples, nullptr);
        tree.setProperty (ai::title, text (t.title), nullptr);
        tree.setProperty (ai::performer, text (t.performer), nullptr);
        tree.setProperty (ai::composer, text (t.composer), nullptr);
        tree.setProperty (ai::isrc, text (t.isrc), nullptr);
        return tree;
    }

    AlbumTrack trackOf (const juce::ValueTree& tree)
    {
        AlbumTrack t;
        t.id = plain (tree[ai::id]);
        t.source = plain (tree[ai::source]);
        if (tree.hasProperty (ai::chain))
            t.chain = chainFromText (tree[ai::chain]);
        t.trimDb = tree[ai::trimDb];
        if (const auto eq = chainFromText (tree[ai::eq]); ! eq.modules.empty())
            t.eq = eq.modules.front();
        t.gapBeforeSamples = (juce::int64) tree[ai::gapBeforeSamples];
        t.crossfadeSamples = (juce::int64) tree[ai::crossfadeSamples];
        t.crossfadeCurve = crossfadeCurveFromName (plain (tree[ai::crossfadeCurve])).value_or (CrossfadeCurve::equalPower);
        t.startOffsetSamples = (juce::int64) tree[ai::startOffsetSamples];
        if (tree.hasProperty (ai::lengthSamples))
            t.lengthSamples = (juce::int64) tree[ai::lengthSamples];
        t.title = plain (tree[ai::title]);
        t.performer = plain (tree[ai::performer]);
        t.composer = plain (tree[ai::composer]);
        t.isrc = plain (tree[ai::isrc]);
        return t;
    }
} // namespace

AlbumModel::AlbumModel()
{
    load (AlbumDocument {});
}

void AlbumModel::load (const AlbumDocument& album)
{
    juce::ValueTree fresh (ai::ALBUM);
    fresh.setProperty (ai::version, album.version, nullptr);
    fresh.setProperty (ai::sampleRate, album.sampleRate, nullptr);
    fresh.setProperty (ai::title, text (album.title), nullptr);
    fresh.setProperty (ai::performer, text (album.performer), nullptr);
    fresh.setProperty (ai::upc, text (album.upc), nullptr);
    fresh.setProperty (ai::sharedChain, chainText (album.sharedChain), nullptr);
    fresh.setProperty (ai::strategy, text (std::string (loudnessStrategyName (album.strategy))), nullptr);
    fresh.setProperty (ai::targetLufs, album.targetLufs, nullptr);
    fresh.setProperty (ai::ceilingDbtp, album.ceilingDbtp, nullptr);
    fresh.setProperty (ai::anchorTrack, text (album.anchorTrack), nullptr);
    fresh.setProperty (ai::limitingWarningDb, album.limitingWarningDb, nullptr);
    for (const auto& t : album.tracks)
        fresh.appendChild (trackTree (t), nullptr);
    // Copied into the tree the listeners hold, so they stay attached.
    tree.copyPropertiesAndChildrenFrom (fresh, nullptr);
    undo.clearUndoHistory();
}

AlbumDocument AlbumModel::toDocument() const
{
    AlbumDocument album;
    album.version = tree[ai::version];
    album.sampleRate = tree[ai::sampleRate];
    album.title = plain (tree[ai::title]);
    album.performer = plain (tree[ai::performer]);
    album.upc = plain (tree[ai::upc]);
    album.sharedChain = chainFromText (tree[ai::sharedChain]);
    album.strategy = loudnessStrategyFromName (plain (tree[ai::strategy])).value_or (LoudnessStrategy::none);
    album.targetLufs = tree[ai::targetLufs];
    album.ceilingDbtp = tree[ai::ceilingDbtp];
    album.anchorTrack = plain (tree[ai::anchorTrack]);
    album.limitingWarningDb = tree[ai::limitingWarningDb];
    for (const auto& child : tree)
        album.tracks.push_back (trackOf (child));
    return album;
}

int AlbumModel::indexOf (const juce::String& trackId) const
{
    for (int i = 0; i < numTracks(); ++i)
        if (track (i)[ai::id].toString() == trackId)
            return i;
    return -1;
}

void AlbumModel::beginGesture (const juce::String& name)
{
    undo.beginNewTransaction (name);
}

void AlbumModel::moveTrack (int fromIndex, int toIndex)
{
    const int n = numTracks();
    if (fromIndex < 0 || fromIndex >= n || toIndex < 0 || toIndex >= n || fromIndex == toIndex)
        return;
    tree.moveChild (fromIndex, toIndex, &undo);
    keepTransitionsWhole();
}

void AlbumModel::keepTransitionsWhole()
{
    // A crossfade joins a track to the one after it: the last has none to
    // join, so one left there is dropped; and a transition is a crossfade
    // or a pause, not both, so a track a crossfade now leads into loses its
    // pause. In the same undo step as the edit that made them so.
    const int n = numTracks();
    if (n == 0)
        return;
    if (auto last = track (n - 1); (juce::int64) last[ai::crossfadeSamples] != 0)
        last.setProperty (ai::crossfadeSamples, (juce::int64) 0, &undo);
    for (int i = 0; i + 1 < n; ++i)
        if ((juce::int64) track (i)[ai::crossfadeSamples] > 0)
            if (auto next = track (i + 1); (juce::int64) next[ai::gapBeforeSamples] != 0)
                next.setProperty (ai::gapBeforeSamples, (juce::int64) 0, &undo);
}

void AlbumModel::setGapSamples (int index, int64_t samples)
{
    if (auto t = track (index); t.isValid())
        t.setProperty (ai::gapBeforeSamples, (juce::int64) std::max<int64_t> (0, samples), &undo);
}

void AlbumModel::setCrossfadeSamples (int index, int64_t samples)
{
    if (auto t = track (index); t.isValid() && index + 1 < numTracks())
        t.setProperty (ai::crossfadeSamples, (juce::int64) std::max<int64_t> (0, samples), &undo);
}

void AlbumModel::setCrossfadeCurve (int index, CrossfadeCurve curve)
{
    if (auto t = track (index); t.isValid())
        t.setProperty (ai::crossfadeCurve, text (std::string (crossfadeCurveName (curve))), &undo);
}

void AlbumModel::setTrimDb (int index, double trimDb)
{
    if (auto t = track (index); t.isValid())
        t.setProperty (ai::trimDb, std::clamp (trimDb, -24.0, 24.0), &undo);
}

void AlbumModel::setTrackText (int index, const juce::Identifier& field, const juce::String& value)
{
    jassert (field == ai::title || field == ai::performer || field == ai::composer || field == ai::isrc);
    if (auto t = track (index); t.isValid())
        t.setProperty (field, value, &undo);
}

void AlbumModel::setAlbumText (const juce::Identifier& field, const juce::String& value)
{
    jassert (field == ai::title || field == ai::performer || field == ai::upc);
    tree.setProperty (field, value, &undo);
}

void AlbumModel::setStrategy (LoudnessStrategy strategy, double targetLufs, const juce::String& anchorTrack)
{
    tree.setProperty (ai::strategy, text (std::string (loudnessStrategyName (strategy))), &undo);
    tree.setProperty (ai::targetLufs, targetLufs, &undo);
    tree.setProperty (ai::anchorTrack, anchorTrack, &undo);
}

void AlbumModel::addTracks (const std::vector<std::filesystem::path>& sources, int index)
{
    auto album = toDocument();
    int at = index < 0 || index > numTracks() ? numTracks() : index;
    for (auto t : newAlbum (sources, false).tracks)
    {
        t.id = album.freshTrackId();   // fresh in this album, not in the new one
        t.gapBeforeSamples = (int64_t) std::llround (2.0 * album.sampleRate);
        t.performer = album.performer;
        album.tracks.push_back (t);
        tree.addChild (trackTree (t), at++, &undo);
    }
    keepTransitionsWhole();
}

void AlbumModel::removeTrack (int index)
{
    if (index < 0 || index >= numTracks())
        return;
    tree.removeChild (index, &undo);
    keepTransitionsWhole();
}
} // namespace crest
