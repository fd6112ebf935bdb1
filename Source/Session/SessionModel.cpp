#include "SessionModel.h"

#include "ClipEdits.h"

#include "Core/Automation.h"
#include "Core/ByteText.h"
#include "Core/ParameterSpec.h"
#include "Core/StripParameters.h"
#include "MasterChainModel.h"
#include "ReferenceModel.h"
#include "RoutingGraph.h"

#include <cmath>
#include <cstring>

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

    constexpr const char* automationPrefix = "automation.";
    constexpr const char* laneModeNames[] = { "off", "read", "touch", "latch", "write" };

    juce::Identifier laneProperty (const std::string& parameter) { return juce::Identifier (automationPrefix + parameter); }

    juce::var laneVar (const AutomationLane& lane)
    {
        juce::Array<juce::var> points;
        for (const auto& p : lane.points)
            points.add (juce::Array<juce::var> { (juce::int64) p.time, p.value, p.curve });
        auto* object = new juce::DynamicObject();
        object->setProperty ("mode", laneModeNames[(int) lane.mode]);
        object->setProperty ("points", points);
        return juce::var (object);
    }

    AutomationLane laneFromVar (const std::string& parameter, const juce::var& value)
    {
        AutomationLane lane;
        lane.parameter = parameter;
        const auto mode = value["mode"].toString();
        for (int m = 0; m < 5; ++m)
            if (mode == laneModeNames[m])
                lane.mode = (AutomationMode) m;
        if (const auto* points = value["points"].getArray())
            for (const auto& p : *points)
                lane.points.push_back ({ (juce::int64) p[0], (double) p[1], (double) p[2] });
        return lane;
    }

    void setChannelDefaults (juce::ValueTree& t)
    {
        t.setProperty (ids::trimDb, params::trimDb.defaultValue, nullptr);
        t.setProperty (ids::faderDb, params::faderDb.defaultValue, nullptr);
        t.setProperty (ids::pan, params::pan.defaultValue, nullptr);
        t.setProperty (ids::mute, false, nullptr);
        t.setProperty (ids::solo, false, nullptr);
    }

    void writeChannel (juce::ValueTree& t, const ChannelDocument& channel)
    {
        t.setProperty (ids::id, juce::String (channel.id), nullptr);
        t.setProperty (ids::name, juce::String (channel.name), nullptr);
        if (! channel.colour.empty())
            t.setProperty (ids::colour, juce::String (channel.colour), nullptr);
        t.setProperty (ids::trimDb, channel.trimDb, nullptr);
        t.setProperty (ids::faderDb, channel.faderDb, nullptr);
        t.setProperty (ids::pan, channel.pan, nullptr);
        t.setProperty (ids::mute, channel.mute, nullptr);
        t.setProperty (ids::solo, channel.solo, nullptr);
        for (const auto& [key, value] : channel.strip.values)
            t.setProperty (stripProperty (key), value, nullptr);
        if (! channel.output.empty())
            t.setProperty (ids::output, juce::String (channel.output), nullptr);
        if (! channel.sidechain.empty())
            t.setProperty (ids::sidechain, juce::String (channel.sidechain), nullptr);
        for (const auto& send : channel.sends)
        {
            t.setProperty (sendProperty (send.bus, SendField::levelDb), send.levelDb, nullptr);
            t.setProperty (sendProperty (send.bus, SendField::pan), send.pan, nullptr);
            t.setProperty (sendProperty (send.bus, SendField::preFader), send.preFader, nullptr);
        }
        for (const auto& lane : channel.automation)
            t.setProperty (laneProperty (lane.parameter), laneVar (lane), nullptr);
    }

    void readChannel (const juce::ValueTree& t, ChannelDocument& channel)
    {
        channel = ChannelDocument {};   // the shared part only, when a track or bus is passed
        channel.id = t[ids::id].toString().toStdString();
        channel.name = t[ids::name].toString().toStdString();
        channel.colour = t[ids::colour].toString().toStdString();
        channel.trimDb = t[ids::trimDb];
        channel.faderDb = t[ids::faderDb];
        channel.pan = t[ids::pan];
        channel.mute = t[ids::mute];
        channel.solo = t[ids::solo];
        channel.strip = SessionModel::stripOf (t);
        channel.output = t[ids::output].toString().toStdString();
        channel.sidechain = t[ids::sidechain].toString().toStdString();
        for (const auto& bus : SessionModel::sendsOf (t))
        {
            SendDocument send;
            send.bus = bus.toStdString();
            send.levelDb = t[sendProperty (bus, SendField::levelDb)];
            send.pan = t[sendProperty (bus, SendField::pan)];
            send.preFader = t[sendProperty (bus, SendField::preFader)];
            channel.sends.push_back (send);
        }
        channel.automation = SessionModel::automationOf (t);
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
    for (const auto& lane : document.mixBusAutomation)
        fresh.setProperty (laneProperty (lane.parameter), laneVar (lane), nullptr);
    fresh.setProperty (ids::tempoBpm, document.tempoBpm, nullptr);
    fresh.setProperty (ids::meterNumerator, document.meterNumerator, nullptr);
    fresh.setProperty (ids::meterDenominator, document.meterDenominator, nullptr);
    for (const auto& track : document.tracks)
    {
        juce::ValueTree t (ids::TRACK);
        writeChannel (t, track);
        t.setProperty (ids::channels, track.channels, nullptr);
        for (const auto& clip : track.clips)
            t.appendChild (clipTree (clip), nullptr);
        fresh.appendChild (t, nullptr);
    }
    for (const auto& bus : document.buses)
    {
        juce::ValueTree b (ids::BUS);
        writeChannel (b, bus);
        b.setProperty (ids::kind, bus.kind == BusKind::group ? "group" : "aux", nullptr);
        b.setProperty (ids::soloSafe, bus.soloSafe, nullptr);
        fresh.appendChild (b, nullptr);
    }
    fresh.appendChild (masterChainTree (document.masterChain), nullptr);
    fresh.appendChild (referencesTree (document.references), nullptr);
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
    document.mixBusAutomation = automationOf (tree);
    document.tempoBpm = tree.getProperty (ids::tempoBpm, params::tempoBpm.defaultValue);
    document.meterNumerator = tree.getProperty (ids::meterNumerator, 4);
    document.meterDenominator = tree.getProperty (ids::meterDenominator, 4);
    document.masterChain = masterChainOf (tree.getChildWithName (ids::MASTER));
    document.references = referencesOf (tree.getChildWithName (ids::REFERENCES));
    for (const auto& t : tree)
    {
        if (t.hasType (ids::MASTER) || t.hasType (ids::REFERENCES))
            continue;
        if (t.hasType (ids::BUS))
        {
            BusDocument bus;
            readChannel (t, bus);
            bus.kind = t[ids::kind].toString() == "group" ? BusKind::group : BusKind::aux;
            bus.soloSafe = t[ids::soloSafe];
            document.buses.push_back (std::move (bus));
            continue;
        }
        TrackDocument track;
        readChannel (t, track);
        track.channels = t[ids::channels];
        for (const auto& c : t)
        {
            track.clips.push_back (clipOf (c));
        }
        document.tracks.push_back (std::move (track));
    }
    return document;
}

juce::ValueTree SessionModel::findTrack (const juce::String& id) const
{
    const auto found = tree.getChildWithProperty (ids::id, id);
    return found.hasType (ids::TRACK) ? found : juce::ValueTree();
}

juce::ValueTree SessionModel::findChannel (const juce::String& id) const
{
    return tree.getChildWithProperty (ids::id, id);
}

int SessionModel::numTracks() const
{
    int n = 0;
    while (n < tree.getNumChildren() && tree.getChild (n).hasType (ids::TRACK))
        ++n;
    return n;
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
    setChannelDefaults (t);
    // Every aux bus is a send away, at -inf until it is turned up.
    for (int b = 0; b < numBuses(); ++b)
        if (bus (b)[ids::kind].toString() == "aux")
            addSendProperties (t, bus (b)[ids::id].toString(), nullptr);
    const int tracks = numTracks();
    tree.addChild (t, insertIndex < 0 || insertIndex > tracks ? tracks : insertIndex, &undo);
    return t;
}

void SessionModel::removeTrack (int index)
{
    forgetChannel (track (index)[ids::id].toString());
    tree.removeChild (index, &undo);
}

void SessionModel::moveTrack (int fromIndex, int toIndex)
{
    const int n = numTracks();
    if (fromIndex < 0 || fromIndex >= n || toIndex < 0 || toIndex >= n || fromIndex == toIndex)
        return;
    tree.moveChild (fromIndex, toIndex, &undo);
}

juce::ValueTree SessionModel::addBus (const juce::String& name, BusKind kind)
{
    juce::ValueTree b (ids::BUS);
    b.setProperty (ids::id, newTrackId(), nullptr);
    b.setProperty (ids::name, name, nullptr);
    b.setProperty (ids::kind, kind == BusKind::group ? "group" : "aux", nullptr);
    b.setProperty (ids::soloSafe, kind == BusKind::aux, nullptr);
    setChannelDefaults (b);
    tree.addChild (b, numTracks() + numBuses(), &undo);   // before the master
    if (kind == BusKind::aux)
        for (int i = 0; i < numTracks(); ++i)
        {
            auto t = track (i);
            addSendProperties (t, b[ids::id].toString(), &undo);
        }
    return b;
}

void SessionModel::removeBus (int index)
{
    auto b = bus (index);
    forgetChannel (b[ids::id].toString());
    tree.removeChild (b, &undo);
}

void SessionModel::forgetChannel (const juce::String& id)
{
    // Whatever fed or was keyed by the channel goes back to the mix bus
    // and to keying itself, and its sends go, in the same undo step.
    for (auto child : tree)
    {
        for (const auto& lane : automationOf (child))
            if (const auto target = automationTarget (lane.parameter); target && juce::String (target->send) == id)
                child.removeProperty (laneProperty (lane.parameter), &undo);
        if (child[ids::output].toString() == id)
            child.removeProperty (ids::output, &undo);
        if (child[ids::sidechain].toString() == id)
            child.removeProperty (ids::sidechain, &undo);
        for (auto field : { SendField::levelDb, SendField::pan, SendField::preFader })
            child.removeProperty (sendProperty (id, field), &undo);
    }
}

juce::String SessionModel::checkedRouting (juce::ValueTree channel, const juce::Identifier& property, const juce::String& value)
{
    auto proposal = channel.createCopy();
    if (value.isEmpty())
        proposal.removeProperty (property, nullptr);
    else
        proposal.setProperty (property, value, nullptr);
    auto document = toDocument();
    const auto id = channel[ids::id].toString().toStdString();
    for (auto& t : document.tracks)
        if (t.id == id)
            readChannel (proposal, t);
    for (auto& b : document.buses)
        if (b.id == id)
            readChannel (proposal, b);
    return juce::String (routingProblem (document));
}

juce::String SessionModel::setOutput (juce::ValueTree channel, const juce::String& busId)
{
    if (busId.isNotEmpty() && ! findChannel (busId).hasType (ids::BUS))
        return "There is no bus with the id \"" + busId + "\"";
    if (auto problem = checkedRouting (channel, ids::output, busId); problem.isNotEmpty())
        return problem;
    if (busId.isEmpty())
        channel.removeProperty (ids::output, &undo);
    else
        channel.setProperty (ids::output, busId, &undo);
    return {};
}

juce::String SessionModel::setSidechain (juce::ValueTree channel, const juce::String& keyId)
{
    if (auto problem = checkedRouting (channel, ids::sidechain, keyId); problem.isNotEmpty())
        return problem;
    if (keyId.isEmpty())
        channel.removeProperty (ids::sidechain, &undo);
    else
        channel.setProperty (ids::sidechain, keyId, &undo);
    return {};
}

juce::String SessionModel::addSend (juce::ValueTree channel, const juce::String& busId)
{
    if (! findChannel (busId).hasType (ids::BUS))
        return "There is no bus with the id \"" + busId + "\"";
    if (channel.hasProperty (sendProperty (busId, SendField::levelDb)))
        return {};
    auto proposal = toDocument();
    SendDocument send;
    send.bus = busId.toStdString();
    const auto id = channel[ids::id].toString().toStdString();
    for (auto& t : proposal.tracks)
        if (t.id == id)
            t.sends.push_back (send);
    for (auto& b : proposal.buses)
        if (b.id == id)
            b.sends.push_back (send);
    if (const auto problem = routingProblem (proposal); ! problem.empty())
        return juce::String (problem);
    addSendProperties (channel, busId, &undo);
    return {};
}

void SessionModel::removeSend (juce::ValueTree channel, const juce::String& busId)
{
    for (const auto& lane : automationOf (channel))
        if (const auto target = automationTarget (lane.parameter); target && juce::String (target->send) == busId)
            channel.removeProperty (laneProperty (lane.parameter), &undo);
    for (auto field : { SendField::levelDb, SendField::pan, SendField::preFader })
        channel.removeProperty (sendProperty (busId, field), &undo);
}

void SessionModel::setSendValue (juce::ValueTree channel, const juce::String& busId, SendField field, double value)
{
    const auto property = sendProperty (busId, field);
    if (! channel.hasProperty (property) || ! std::isfinite (value))
        return;
    if (field == SendField::levelDb)
        channel.setProperty (property, params::sendLevelDb.clamp (value), &undo);
    else if (field == SendField::pan)
        channel.setProperty (property, params::pan.clamp (value), &undo);
    else
        channel.setProperty (property, value >= 0.5, &undo);
}

void SessionModel::addSendProperties (juce::ValueTree& channel, const juce::String& busId, juce::UndoManager* undoManager)
{
    channel.setProperty (sendProperty (busId, SendField::levelDb), params::sendLevelDb.defaultValue, undoManager);
    channel.setProperty (sendProperty (busId, SendField::pan), params::pan.defaultValue, undoManager);
    channel.setProperty (sendProperty (busId, SendField::preFader), false, undoManager);
}

std::vector<juce::String> SessionModel::sendsOf (const juce::ValueTree& channel)
{
    std::vector<juce::String> buses;
    for (int p = 0; p < channel.getNumProperties(); ++p)
        if (const auto send = parseSendProperty (channel.getPropertyName (p)); send && send->field == SendField::levelDb)
            buses.push_back (send->bus);
    return buses;
}

juce::String SessionModel::setAutomation (juce::ValueTree channel, const AutomationLane& lane)
{
    const auto target = automationTarget (lane.parameter);
    if (! target)
        return "\"" + juce::String (lane.parameter) + "\" is not a parameter Crest can automate";
    if (! target->send.empty() && ! channel.hasProperty (sendProperty (target->send, SendField::levelDb)))
        return "There is no send to \"" + juce::String (target->send) + "\" on this channel to automate";
    if (channel.hasType (ids::SESSION) && lane.parameter != "faderDb" && target->kind != AutomationTarget::Kind::strip)
        return "The mix bus has no " + juce::String (lane.parameter) + " to automate (its fader and strip can be)";
    auto clean = lane;
    for (auto& p : clean.points)
    {
        p.value = target->spec.clamp (std::isfinite (p.value) ? p.value : target->spec.defaultValue);
        p.time = std::max<int64_t> (0, p.time);
        p.curve = std::clamp (std::isfinite (p.curve) ? p.curve : 0.0, -1.0, 1.0);
    }
    std::stable_sort (clean.points.begin(), clean.points.end(), [] (auto& a, auto& b) { return a.time < b.time; });
    channel.setProperty (laneProperty (clean.parameter), laneVar (clean), &undo);
    return {};
}

void SessionModel::removeAutomation (juce::ValueTree channel, const juce::String& parameter)
{
    channel.removeProperty (laneProperty (parameter.toStdString()), &undo);
}

std::vector<AutomationLane> SessionModel::automationOf (const juce::ValueTree& channel)
{
    std::vector<AutomationLane> lanes;
    for (int p = 0; p < channel.getNumProperties(); ++p)
    {
        const auto name = channel.getPropertyName (p).toString();
        if (name.startsWith (automationPrefix))
            lanes.push_back (laneFromVar (name.substring ((int) std::strlen (automationPrefix)).toStdString(), channel[channel.getPropertyName (p)]));
    }
    return lanes;
}

std::optional<AutomationLane> SessionModel::laneOf (const juce::ValueTree& channel, const juce::String& parameter)
{
    const auto property = laneProperty (parameter.toStdString());
    if (! channel.hasProperty (property))
        return std::nullopt;
    return laneFromVar (parameter.toStdString(), channel[property]);
}

int SessionModel::numBuses() const
{
    int n = 0;
    for (const auto& child : tree)
        n += child.hasType (ids::BUS) ? 1 : 0;
    return n;
}

juce::ValueTree SessionModel::bus (int index) const
{
    return tree.getChild (numTracks() + index);
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

ClipDocument SessionModel::clipOf (const juce::ValueTree& c)
{
    ClipDocument clip;
    clip.file = mediaPathFromVar (c[ids::file]);
    clip.startSample = (juce::int64) c[ids::startSample];
    clip.sourceOffsetSamples = (juce::int64) c[ids::sourceOffsetSamples];
    clip.lengthSamples = (juce::int64) c[ids::lengthSamples];
    clip.gainDb = c[ids::gainDb];
    clip.fadeInSamples = (juce::int64) c[ids::fadeInSamples];
    clip.fadeOutSamples = (juce::int64) c[ids::fadeOutSamples];
    return clip;
}

void SessionModel::replaceClip (juce::ValueTree clip, const ClipDocument& edited, juce::ValueTree destination)
{
    if (destination.isValid() && destination != clip.getParent() && destination.hasType (ids::TRACK))
    {
        clip.getParent().removeChild (clip, &undo);
        destination.appendChild (clip, &undo);
    }
    // Only what changed, so a move is one property change (one rebuild).
    const auto fresh = clipTree (edited);
    for (int p = 0; p < fresh.getNumProperties(); ++p)
    {
        const auto name = fresh.getPropertyName (p);
        if (clip[name] != fresh[name])
            clip.setProperty (name, fresh[name], &undo);
    }
}

int SessionModel::relinkMedia (const std::map<std::string, std::string>& moved)
{
    int changed = 0;
    for (int t = 0; t < numTracks(); ++t)
        for (auto clip : track (t))
            if (clip.hasType (ids::CLIP))
                if (auto found = moved.find (mediaPathFromVar (clip[ids::file])); found != moved.end())
                {
                    clip.setProperty (ids::file, mediaPathVar (found->second), &undo);
                    ++changed;
                }
    return changed;
}

juce::ValueTree SessionModel::splitClipAt (juce::ValueTree clip, int64_t at)
{
    const auto parts = splitClip (clipOf (clip), at);
    auto track = clip.getParent();
    if (! parts || ! track.isValid())
        return {};
    replaceClip (clip, parts->first);
    auto second = clipTree (parts->second);
    track.addChild (second, track.indexOf (clip) + 1, &undo);
    return second;
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
    if (v.isVoid())
        track.removeProperty (property, &undo);   // back to the default (a colour by place)
    else
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

juce::Identifier sendProperty (const juce::String& busId, SendField field)
{
    const char* names[] = { "levelDb", "pan", "preFader" };
    return juce::Identifier ("send." + busId + "." + names[(int) field]);
}

std::optional<SendProperty> parseSendProperty (const juce::Identifier& property)
{
    const auto name = property.toString();
    if (! name.startsWith ("send."))
        return std::nullopt;
    const auto rest = name.substring (5);
    const auto dot = rest.lastIndexOfChar ('.');
    if (dot <= 0)
        return std::nullopt;
    const auto field = rest.substring (dot + 1);
    SendProperty parsed { rest.substring (0, dot), SendField::levelDb };
    if (field == "pan")
        parsed.field = SendField::pan;
    else if (field == "preFader")
        parsed.field = SendField::preFader;
    else if (field != "levelDb")
        return std::nullopt;
    return parsed;
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
