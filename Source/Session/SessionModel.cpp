#include "SessionModel.h"

#include "Core/ByteText.h"
#include "Core/ParameterSpec.h"
#include "Core/StripParameters.h"

#include <cmath>

namespace crest
{
juce::var mediaPathVar (const std::string& bytes)
{
    // juce::String is UTF-8 text: a name that is not would lose bytes.
    if (isValidUtf8 (bytes))
        return juce::String::fromUTF8 (bytes.data(), (int) bytes.size());
    return juce::var (juce::MemoryBlock (bytes.data(), bytes.size()));
}

std::string mediaPathFromVar (const juce::var& value)
{
    if (const auto* block = value.getBinaryData())
        return std::string (static_cast<const char*> (block->getData()), block->getSize());
    return value.toString().toStdString();
}

namespace
{
    juce::ValueTree clipTree (const ClipDocument& clip)
    {
        juce::ValueTree c (ids::CLIP);
        c.setProperty (ids::file, mediaPathVar (clip.file), nullptr);
        c.setProperty (ids::startSample, (juce::int64) clip.startSample, nullptr);
        c.setProperty (ids::sourceOffsetSamples, (juce::int64) clip.sourceOffsetSamples, nullptr);
        c.setProperty (ids::lengthSamples, (juce::int64) clip.lengthSamples, nullptr);
        c.setProperty (ids::gainDb, clip.gainDb, nullptr);
        c.setProperty (ids::fadeInSamples, (juce::int64) clip.fadeInSamples, nullptr);
        c.setProperty (ids::fadeOutSamples, (juce::int64) clip.fadeOutSamples, nullptr);
        return c;
    }

    void setTrackDefaults (juce::ValueTree& t)
    {
        t.setProperty (ids::trimDb, params::trimDb.defaultValue, nullptr);
        t.setProperty (ids::faderDb, params::faderDb.defaultValue, nullptr);
        t.setProperty (ids::pan, params::pan.defaultValue, nullptr);
        t.setProperty (ids::mute, false, nullptr);
        t.setProperty (ids::solo, false, nullptr);
    }
} // namespace

SessionModel::SessionModel()
{
    load (SessionDocument {});
}

juce::String SessionModel::newTrackId()
{
    return juce::Uuid().toDashedString().substring (0, 8);
}

void SessionModel::load (const SessionDocument& document)
{
    juce::ValueTree fresh (ids::SESSION);
    fresh.setProperty (ids::sampleRate, document.sampleRate, nullptr);
    fresh.setProperty (ids::panLaw, juce::String (std::string (panLawName (document.panLaw))), nullptr);
    fresh.setProperty (ids::mixBusFaderDb, document.mixBusFaderDb, nullptr);
    for (const auto& [key, value] : document.mixBusStrip.values)
        fresh.setProperty (stripProperty (key), value, nullptr);
    for (const auto& track : document.tracks)
    {
        juce::ValueTree t (ids::TRACK);
        t.setProperty (ids::id, juce::String (track.id), nullptr);
        t.setProperty (ids::name, juce::String (track.name), nullptr);
        t.setProperty (ids::channels, track.channels, nullptr);
        t.setProperty (ids::trimDb, track.trimDb, nullptr);
        t.setProperty (ids::faderDb, track.faderDb, nullptr);
        t.setProperty (ids::pan, track.pan, nullptr);
        t.setProperty (ids::mute, track.mute, nullptr);
        t.setProperty (ids::solo, track.solo, nullptr);
        for (const auto& [key, value] : track.strip.values)
            t.setProperty (stripProperty (key), value, nullptr);
        for (const auto& clip : track.clips)
            t.appendChild (clipTree (clip), nullptr);
        fresh.appendChild (t, nullptr);
    }
    // Copy into the existing tree so listeners stay attached.
    loading = true;
    tree.copyPropertiesAndChildrenFrom (fresh, nullptr);
    loading = false;
    undo.clearUndoHistory();
    tree.sendPropertyChangeMessage (ids::sampleRate);
}

SessionDocument SessionModel::toDocument() const
{
    SessionDocument document;
    document.sampleRate = tree[ids::sampleRate];
    document.panLaw = panLawFromName (tree[ids::panLaw].toString().toStdString()).value_or (defaultPanLaw);
    document.mixBusFaderDb = tree[ids::mixBusFaderDb];
    document.mixBusStrip = stripOf (tree);
    for (const auto& t : tree)
    {
        TrackDocument track;
        track.id = t[ids::id].toString().toStdString();
        track.name = t[ids::name].toString().toStdString();
        track.channels = t[ids::channels];
        track.trimDb = t[ids::trimDb];
        track.faderDb = t[ids::faderDb];
        track.pan = t[ids::pan];
        track.mute = t[ids::mute];
        track.solo = t[ids::solo];
        track.strip = stripOf (t);
        for (const auto& c : t)
        {
            ClipDocument clip;
            clip.file = mediaPathFromVar (c[ids::file]);
            clip.startSample = (juce::int64) c[ids::startSample];
            clip.sourceOffsetSamples = (juce::int64) c[ids::sourceOffsetSamples];
            clip.lengthSamples = (juce::int64) c[ids::lengthSamples];
            clip.gainDb = c[ids::gainDb];
            clip.fadeInSamples = (juce::int64) c[ids::fadeInSamples];
            clip.fadeOutSamples = (juce::int64) c[ids::fadeOutSamples];
            track.clips.push_back (clip);
        }
        document.tracks.push_back (std::move (track));
    }
    return document;
}

juce::ValueTree SessionModel::findTrack (const juce::String& id) const
{
    return tree.getChildWithProperty (ids::id, id);
}

void SessionModel::beginGesture (const juce::String& name)
{
    undo.beginNewTransaction (name);
}

juce::ValueTree SessionModel::addTrack (const juce::String& name, int channels, int insertIndex)
{
    juce::ValueTree t (ids::TRACK);
    t.setProperty (ids::id, newTrackId(), nullptr);
    t.setProperty (ids::name, name, nullptr);
    t.setProperty (ids::channels, juce::jlimit (1, 2, channels), nullptr);
    setTrackDefaults (t);
    tree.addChild (t, insertIndex, &undo);
    return t;
}

void SessionModel::removeTrack (int index)
{
    tree.removeChild (index, &undo);
}

juce::ValueTree SessionModel::addClip (juce::ValueTree track, const ClipDocument& clip)
{
    auto c = clipTree (clip);
    track.appendChild (c, &undo);
    return c;
}

void SessionModel::removeClip (juce::ValueTree track, int clipIndex)
{
    track.removeChild (clipIndex, &undo);
}

void SessionModel::setTrackValue (juce::ValueTree track, const juce::Identifier& property, const juce::var& value)
{
    auto v = value;
    if (property == ids::faderDb)
        v = params::faderDb.clamp (value);
    else if (property == ids::trimDb)
        v = params::trimDb.clamp (value);
    else if (property == ids::pan)
        v = params::pan.clamp (value);
    track.setProperty (property, v, &undo);
}

void SessionModel::setStripValue (juce::ValueTree track, std::string_view key, double value)
{
    const auto* parameter = findStripParameter (key);
    if (parameter == nullptr || ! std::isfinite (value))
        return;
    track.setProperty (stripProperty (key), parameter->spec.clamp (value), &undo);
}

StripDocument SessionModel::stripOf (const juce::ValueTree& track)
{
    StripDocument strip;
    for (int p = 0; p < track.getNumProperties(); ++p)
        if (const auto key = stripKeyOf (track.getPropertyName (p)); ! key.empty())
            if (findStripParameter (key) != nullptr)
                strip.set (key, track[track.getPropertyName (p)]);
    return strip;
}

double SessionModel::stripValue (const juce::ValueTree& track, std::string_view key)
{
    const auto property = stripProperty (key);
    if (track.hasProperty (property))
        return track[property];
    const auto* parameter = findStripParameter (key);
    return parameter != nullptr ? parameter->spec.defaultValue : 0.0;
}

juce::Identifier stripProperty (std::string_view key)
{
    return juce::Identifier ("strip." + std::string (key));
}

std::string stripKeyOf (const juce::Identifier& property)
{
    const auto name = property.toString();
    return name.startsWith ("strip.") ? name.substring (6).toStdString() : std::string();
}

void SessionModel::setSessionValue (const juce::Identifier& property, const juce::var& value)
{
    auto v = value;
    if (property == ids::mixBusFaderDb)
        v = params::faderDb.clamp (value);
    tree.setProperty (property, v, &undo);
}

int64_t SessionModel::lengthSamples() const
{
    int64_t end = 0;
    for (const auto& t : tree)
        for (const auto& c : t)
            end = std::max (end, (int64_t) (juce::int64) c[ids::startSample] + (int64_t) (juce::int64) c[ids::lengthSamples]);
    return end;
}
} // namespace crest
