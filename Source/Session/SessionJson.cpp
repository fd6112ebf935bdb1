#include "SessionJson.h"

#include "Core/Automation.h"
#include "Core/ByteText.h"
#include "Core/CrestError.h"
#include "Core/StripParameters.h"
#include "Core/ParameterSpec.h"
#include "GuardedJson.h"
#include "JsonFieldReader.h"
#include "MasterChainJson.h"
#include "RoutingGraph.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace crest
{
using Json = nlohmann::ordered_json;

namespace
{
    constexpr const char* formatTag = "crest-session";

    // 2^40 samples is over 60 days at 192 kHz: far beyond any real session,
    // small enough that sums of positions can never overflow.
    constexpr int64_t maxSamples = int64_t (1) << 40;

    ClipDocument readClip (const Json& json, const std::string& where, const std::string& source)
    {
        FieldReader r (json, where, source);
        ClipDocument clip;
        // A media name that is not valid UTF-8 is stored percent-escaped
        // under "fileBytes" (see docs/session-format.md), byte for byte.
        if (r.find ("fileBytes") != nullptr)
        {
            const auto escaped = percentUnescapeBytes (r.text ("fileBytes", true, 3 * 4096));
            if (! escaped)
                r.fail (where + "fileBytes is not a valid %XX escape");
            clip.file = *escaped;
        }
        else
            clip.file = r.text ("file", true);
        if (clip.file.empty())
            r.fail (where + "file is empty");
        if (clip.file.find ('\0') != std::string::npos)
            r.fail (where + "file contains a NUL byte");
        clip.startSample = r.integer ("startSample", 0, 0, maxSamples);
        clip.sourceOffsetSamples = r.integer ("sourceOffsetSamples", 0, 0, maxSamples);
        clip.lengthSamples = r.integer ("lengthSamples", 0, 1, maxSamples);
        if (r.find ("lengthSamples") == nullptr)
            r.fail (where + "lengthSamples is missing");
        clip.gainDb = r.number ("gainDb", params::clipGainDb.defaultValue, params::clipGainDb.minimum, params::clipGainDb.maximum, " dB");
        clip.fadeInSamples = r.integer ("fadeInSamples", 0, 0, clip.lengthSamples);
        clip.fadeOutSamples = r.integer ("fadeOutSamples", 0, 0, clip.lengthSamples);
        return clip;
    }

    // Filter shapes are stored by name in the file, by number in memory.
    constexpr const char* shapeNames[] = { "lowPass", "highPass", "bandPass", "notch", "bell", "lowShelf", "highShelf" };

    bool isShapeKey (const std::string& key) { return key.size() > 6 && key.ends_with (".shape"); }

    // The strip is nested objects in the file ("eq": { "band3": { "gainDb": 3 } })
    // and flat keys in memory ("eq.band3.gainDb"). Every key must be one
    // the registry knows, every value in its range.
    void readStripObject (const Json& json, const std::string& prefix, const std::string& where, const std::string& source,
                          StripDocument& strip)
    {
        for (auto it = json.begin(); it != json.end(); ++it)
        {
            const std::string key = prefix.empty() ? it.key() : prefix + "." + it.key();
            const auto& value = it.value();
            if (value.is_object())
            {
                readStripObject (value, key, where, source, strip);
                continue;
            }
            const auto* parameter = findStripParameter (key);
            if (parameter == nullptr)
                throw CrestError (source + ": " + where + key + " is not a strip parameter this Crest knows");
            double number = 0;
            if (value.is_boolean())
                number = value.get<bool>() ? 1 : 0;
            else if (value.is_string() && isShapeKey (key))
            {
                const auto name = value.get<std::string>();
                const auto found = std::find (std::begin (shapeNames), std::end (shapeNames), name);
                if (found == std::end (shapeNames))
                    throw CrestError (source + ": " + where + key + " \"" + name + "\" is not a filter shape (bell, lowShelf, highShelf, notch, bandPass, lowPass, highPass)");
                number = (double) (found - std::begin (shapeNames));
            }
            else if (value.is_number())
                number = value.get<double>();
            else
                throw CrestError (source + ": " + where + key + " must be a number");
            const auto& spec = parameter->spec;
            if (! std::isfinite (number) || number < spec.minimum || number > spec.maximum)
                throw CrestError (source + ": " + where + key + " " + FieldReader::shortNumber (number) + " is out of range ("
                                  + FieldReader::shortNumber (spec.minimum) + " to " + FieldReader::shortNumber (spec.maximum)
                                  + (spec.unit.empty() ? "" : " ") + std::string (spec.unit) + ")");
            strip.set (key, number);
        }
    }

    SendDocument readSend (const Json& json, const std::string& where, const std::string& source)
    {
        FieldReader r (json, where, source);
        SendDocument send;
        send.bus = r.text ("bus", true, 64);
        send.levelDb = r.number ("levelDb", params::sendLevelDb.defaultValue, params::sendLevelDb.minimum,
                                 params::sendLevelDb.maximum, " dB");
        send.pan = r.number ("pan", params::pan.defaultValue, params::pan.minimum, params::pan.maximum);
        send.preFader = r.boolean ("preFader", false);
        return send;
    }

    constexpr const char* modeNames[] = { "off", "read", "touch", "latch", "write" };

    AutomationLane readLane (const Json& json, const std::string& where, const std::string& source, const ChannelDocument& channel)
    {
        FieldReader r (json, where, source);
        AutomationLane lane;
        lane.parameter = r.text ("parameter", true, 256);
        const auto target = automationTarget (lane.parameter);
        if (! target)
            r.fail (where + "parameter \"" + lane.parameter + "\" is not a parameter Crest can automate");
        if (! target->send.empty()
            && std::none_of (channel.sends.begin(), channel.sends.end(), [&] (const SendDocument& s) { return s.bus == target->send; }))
            r.fail (where + "parameter \"" + lane.parameter + "\" automates a send to \"" + target->send + "\", which this channel does not have");
        const auto mode = r.text ("mode", false, 16);
        if (! mode.empty())
        {
            const auto found = std::find (std::begin (modeNames), std::end (modeNames), mode);
            if (found == std::end (modeNames))
                r.fail (where + "mode \"" + mode + "\" is not off, read, touch, latch or write");
            lane.mode = (AutomationMode) (found - std::begin (modeNames));
        }
        const Json* points = r.find ("points");
        if (points == nullptr || ! points->is_array())
            r.fail (where + "points must be a list");
        for (size_t i = 0; i < points->size(); ++i)
        {
            const auto at = where + "points[" + std::to_string (i) + "].";
            FieldReader p ((*points)[i], at, source);
            AutomationPoint point;
            if (p.find ("time") == nullptr)
                p.fail (at + "time is missing");
            point.time = p.integer ("time", 0, 0, maxSamples);
            if (p.find ("value") == nullptr)
                p.fail (at + "value is missing");
            const auto unit = target->spec.unit.empty() ? std::string() : " " + std::string (target->spec.unit);
            point.value = p.number ("value", 0, target->spec.minimum, target->spec.maximum, unit.c_str());
            point.curve = p.number ("curve", 0, -1, 1);
            if (! lane.points.empty() && point.time < lane.points.back().time)
                p.fail (at + "time is before the previous point's; points must be in time order");
            lane.points.push_back (point);
        }
        return lane;
    }

    // A channel's lanes; the mix bus has only a fader and a strip to automate.
    void readLanes (const FieldReader& r, const std::string& where, const std::string& source, const ChannelDocument& channel,
                    std::vector<AutomationLane>& lanes, bool mixBus)
    {
        const Json* list = r.find ("automation");
        if (list == nullptr)
            return;
        if (! list->is_array())
            r.fail (where + "automation must be a list");
        for (size_t i = 0; i < list->size(); ++i)
        {
            const auto at = where + "automation[" + std::to_string (i) + "].";
            auto lane = readLane ((*list)[i], at, source, channel);
            if (mixBus && lane.parameter != "faderDb" && ! lane.parameter.starts_with ("strip."))
                r.fail (at + "parameter \"" + lane.parameter + "\" is not on the mix bus (its fader and strip are)");
            for (const auto& other : lanes)
                if (other.parameter == lane.parameter)
                    r.fail (where + "automation[" + std::to_string (i) + "] is a second lane for \"" + lane.parameter + "\"");
            lanes.push_back (std::move (lane));
        }
    }

    // What tracks and buses share: identity, levels, strip and routing.
    void readChannel (const FieldReader& r, const std::string& where, const std::string& source, ChannelDocument& channel)
    {
        channel.id = r.text ("id", true, 64);
        if (channel.id.empty())
            r.fail (where + "id is empty");
        channel.name = r.text ("name", false, 256);
        channel.colour = r.text ("colour", false, 7);
        if (! channel.colour.empty()
            && (channel.colour.size() != 7 || channel.colour[0] != '#'
                || channel.colour.find_first_not_of ("0123456789abcdefABCDEF", 1) != std::string::npos))
            r.fail (where + "colour must be \"#rrggbb\"");
        channel.trimDb = r.number ("trimDb", params::trimDb.defaultValue, params::trimDb.minimum, params::trimDb.maximum, " dB");
        channel.faderDb = r.number ("faderDb", params::faderDb.defaultValue, params::faderDb.minimum, params::faderDb.maximum, " dB");
        channel.pan = r.number ("pan", params::pan.defaultValue, params::pan.minimum, params::pan.maximum);
        channel.mute = r.boolean ("mute", false);
        channel.solo = r.boolean ("solo", false);
        if (const Json* strip = r.find ("strip"))
        {
            if (! strip->is_object())
                r.fail (where + "strip must be an object");
            readStripObject (*strip, "", where + "strip.", source, channel.strip);
        }
        channel.output = r.text ("output", false, 64);
        channel.sidechain = r.text ("sidechain", false, 64);
        if (const Json* sends = r.find ("sends"))
        {
            if (! sends->is_array())
                r.fail (where + "sends must be a list");
            for (size_t i = 0; i < sends->size(); ++i)
                channel.sends.push_back (readSend ((*sends)[i], where + "sends[" + std::to_string (i) + "].", source));
        }
        readLanes (r, where, source, channel, channel.automation, false);
    }

    ReferenceDocument readReference (const Json& json, const std::string& where, const std::string& source)
    {
        FieldReader r (json, where, source);
        ReferenceDocument ref;
        ref.id = r.text ("id", true, 64);
        if (ref.id.empty())
            r.fail (where + "id is empty");
        ref.name = r.text ("name", false, 256);
        ref.file = r.text ("file", true);
        if (ref.file.empty())
            r.fail (where + "file is empty");
        if (ref.file.find ('\0') != std::string::npos)
            r.fail (where + "file contains a NUL byte");
        if (const Json* align = r.find ("align"))
        {
            FieldReader a (*align, where + "align.", source);
            ref.alignSessionSample = a.integer ("sessionSample", 0, 0, maxSamples);
            ref.alignReferenceSample = a.integer ("referenceSample", 0, 0, maxSamples);
        }
        if (const Json* loop = r.find ("loop"))
        {
            FieldReader l (*loop, where + "loop.", source);
            ref.loopStartSample = l.integer ("startSample", 0, 0, maxSamples);
            ref.loopEndSample = l.integer ("endSample", 0, 0, maxSamples);
            if (ref.loopEndSample <= ref.loopStartSample)
                l.fail (where + "loop.endSample must come after loop.startSample");
        }
        ref.trimDb = r.number ("trimDb", 0.0, params::clipGainDb.minimum, params::clipGainDb.maximum, " dB");
        return ref;
    }

    TrackDocument readTrack (const Json& json, const std::string& where, const std::string& source)
    {
        FieldReader r (json, where, source);
        TrackDocument track;
        readChannel (r, where, source, track);
        track.channels = (int) r.integer ("channels", 1, 1, 2);
        if (const Json* clips = r.find ("clips"))
        {
            if (! clips->is_array())
                r.fail (where + "clips must be a list");
            for (size_t i = 0; i < clips->size(); ++i)
                track.clips.push_back (readClip ((*clips)[i], where + "clips[" + std::to_string (i) + "].", source));
        }
        return track;
    }

    BusDocument readBus (const Json& json, const std::string& where, const std::string& source)
    {
        FieldReader r (json, where, source);
        BusDocument bus;
        readChannel (r, where, source, bus);
        const auto kind = r.text ("kind", false, 16);
        if (kind == "group")
            bus.kind = BusKind::group;
        else if (kind.empty() || kind == "aux")
            bus.kind = BusKind::aux;
        else
            r.fail (where + "kind \"" + kind + "\" is not aux or group");
        bus.soloSafe = r.boolean ("soloSafe", bus.kind == BusKind::aux);
        return bus;
    }

    // Keys in registry order (strip-wide, then module by module), nested
    // at each '.', with switches as booleans and shapes by name.
    Json writeStrip (const StripDocument& strip)
    {
        Json out = Json::object();
        for (const auto& parameter : stripParameters())
        {
            const auto found = strip.values.find (parameter.key);
            if (found == strip.values.end())
                continue;
            Json* node = &out;
            std::string_view rest = parameter.key;
            for (auto dot = rest.find ('.'); dot != std::string_view::npos; dot = rest.find ('.'))
            {
                node = &(*node)[std::string (rest.substr (0, dot))];
                rest.remove_prefix (dot + 1);
            }
            const double v = found->second;
            const bool isSwitch = parameter.spec.minimum == 0 && parameter.spec.maximum == 1 && parameter.spec.unit.empty();
            if (isShapeKey (parameter.key))
                (*node)[std::string (rest)] = shapeNames[std::clamp ((int) std::lround (v), 0, 6)];
            else if (isSwitch)
                (*node)[std::string (rest)] = v >= 0.5;
            else
                (*node)[std::string (rest)] = v;
        }
        return out;
    }

    Json writeLanes (const std::vector<AutomationLane>& lanes)
    {
        Json list = Json::array();
        for (const auto& lane : lanes)
        {
            Json points = Json::array();
            for (const auto& p : lane.points)
            {
                Json point { { "time", p.time }, { "value", p.value } };
                if (p.curve != 0)
                    point["curve"] = p.curve;
                points.push_back (std::move (point));
            }
            list.push_back (Json { { "parameter", lane.parameter }, { "mode", modeNames[(int) lane.mode] }, { "points", std::move (points) } });
        }
        return list;
    }

    Json writeChannel (const ChannelDocument& channel)
    {
        Json c;
        c["id"] = channel.id;
        c["name"] = channel.name;
        if (! channel.colour.empty())
            c["colour"] = channel.colour;
        c["trimDb"] = channel.trimDb;
        c["faderDb"] = channel.faderDb;
        c["pan"] = channel.pan;
        c["mute"] = channel.mute;
        c["solo"] = channel.solo;
        if (! channel.strip.values.empty())
            c["strip"] = writeStrip (channel.strip);
        if (! channel.output.empty())
            c["output"] = channel.output;
        if (! channel.sidechain.empty())
            c["sidechain"] = channel.sidechain;
        if (! channel.sends.empty())
        {
            c["sends"] = Json::array();
            for (const auto& send : channel.sends)
                c["sends"].push_back (Json { { "bus", send.bus }, { "levelDb", send.levelDb }, { "pan", send.pan }, { "preFader", send.preFader } });
        }
        if (! channel.automation.empty())
            c["automation"] = writeLanes (channel.automation);
        return c;
    }
} // namespace

SessionDocument parseSessionJson (std::string_view text, const std::string& sourceName)
{
    const Json json = parseGuardedJson (text, sourceName, "a Crest session");
    if (! json.is_object() || ! json.contains ("format") || json["format"] != formatTag)
        throw CrestError (sourceName + ": not a Crest session (no \"format\": \"" + formatTag + "\" field)");

    FieldReader r (json, "", sourceName);
    SessionDocument session;
    session.version = (int) r.integer ("version", 0, 0, std::numeric_limits<int>::max());
    if (session.version < 1)
        r.fail ("version is missing or invalid");
    if (session.version > SessionDocument::currentVersion)
        r.fail ("saved by a newer Crest (session format version " + std::to_string (session.version)
                + "; this Crest reads up to version " + std::to_string (SessionDocument::currentVersion) + ")");

    const Json* rate = r.find ("sampleRate");
    if (rate == nullptr)
        r.fail ("sampleRate is missing");
    session.sampleRate = r.number ("sampleRate", 0, params::sampleRate.minimum, params::sampleRate.maximum, " Hz");

    const auto lawName = r.text ("panLaw", false, 16);
    if (! lawName.empty())
    {
        auto law = panLawFromName (lawName);
        if (! law)
            r.fail ("panLaw \"" + lawName + "\" is not one of 0dB, -3dB, -4.5dB, -6dB");
        session.panLaw = *law;
    }

    if (const Json* tempo = r.find ("tempo"))
    {
        FieldReader t (*tempo, "tempo.", sourceName);
        session.tempoBpm = t.number ("bpm", params::tempoBpm.defaultValue, params::tempoBpm.minimum, params::tempoBpm.maximum, " BPM");
        session.meterNumerator = (int) t.integer ("meterNumerator", 4, 1, 32);
        session.meterDenominator = (int) t.integer ("meterDenominator", 4, 1, 32);
        const int d = session.meterDenominator;
        if ((d & (d - 1)) != 0)
            t.fail ("tempo.meterDenominator " + std::to_string (d) + " is not a power of two (1, 2, 4, 8, 16 or 32)");
    }

    if (const Json* mixBus = r.find ("mixBus"))
    {
        FieldReader bus (*mixBus, "mixBus.", sourceName);
        session.mixBusFaderDb = bus.number ("faderDb", 0.0, params::faderDb.minimum, params::faderDb.maximum, " dB");
        if (const Json* strip = bus.find ("strip"))
        {
            if (! strip->is_object())
                bus.fail ("mixBus.strip must be an object");
            readStripObject (*strip, "", "mixBus.strip.", sourceName, session.mixBusStrip);
        }
        readLanes (bus, "mixBus.", sourceName, ChannelDocument {}, session.mixBusAutomation, true);
    }

    if (const Json* tracks = r.find ("tracks"))
    {
        if (! tracks->is_array())
            r.fail ("tracks must be a list");
        for (size_t i = 0; i < tracks->size(); ++i)
        {
            auto track = readTrack ((*tracks)[i], "tracks[" + std::to_string (i) + "].", sourceName);
            for (const auto& other : session.tracks)
                if (other.id == track.id)
                    r.fail ("tracks[" + std::to_string (i) + "].id \"" + track.id + "\" is used twice");
            session.tracks.push_back (std::move (track));
        }
    }
    if (const Json* buses = r.find ("buses"))
    {
        if (! buses->is_array())
            r.fail ("buses must be a list");
        for (size_t i = 0; i < buses->size(); ++i)
            session.buses.push_back (readBus ((*buses)[i], "buses[" + std::to_string (i) + "].", sourceName));
    }
    if (const Json* master = r.find ("master"))
    {
        FieldReader m (*master, "master.", sourceName);
        if (const Json* chain = m.find ("chain"))
            session.masterChain = readMasterChain (*chain, "master.chain", sourceName);
    }
    if (const Json* references = r.find ("references"))
    {
        if (! references->is_array())
            r.fail ("references must be a list");
        for (size_t i = 0; i < references->size(); ++i)
        {
            const auto where = "references[" + std::to_string (i) + "].";
            auto ref = readReference ((*references)[i], where, sourceName);
            for (const auto& other : session.references)
                if (other.id == ref.id)
                    r.fail (where + "id \"" + ref.id + "\" is used twice");
            session.references.push_back (std::move (ref));
        }
    }
    if (const auto problem = routingProblem (session); ! problem.empty())
        r.fail (problem);
    return session;
}

std::string writeSessionJson (const SessionDocument& session)
{
    Json json;
    json["format"] = formatTag;
    json["version"] = SessionDocument::currentVersion;
    json["sampleRate"] = session.sampleRate;
    json["panLaw"] = std::string (panLawName (session.panLaw));
    json["tempo"] = Json { { "bpm", session.tempoBpm },
                           { "meterNumerator", session.meterNumerator },
                           { "meterDenominator", session.meterDenominator } };
    json["mixBus"] = Json { { "faderDb", session.mixBusFaderDb } };
    if (! session.mixBusStrip.values.empty())
        json["mixBus"]["strip"] = writeStrip (session.mixBusStrip);
    if (! session.mixBusAutomation.empty())
        json["mixBus"]["automation"] = writeLanes (session.mixBusAutomation);
    json["tracks"] = Json::array();
    for (const auto& track : session.tracks)
    {
        Json t = writeChannel (track);
        t["channels"] = track.channels;
        t["clips"] = Json::array();
        for (const auto& clip : track.clips)
        {
            Json c;
            if (isValidUtf8 (clip.file))
                c["file"] = clip.file;
            else
                c["fileBytes"] = percentEscapeBytes (clip.file);
            c.update (Json { { "startSample", clip.startSample },
                             { "sourceOffsetSamples", clip.sourceOffsetSamples },
                             { "lengthSamples", clip.lengthSamples },
                             { "gainDb", clip.gainDb },
                             { "fadeInSamples", clip.fadeInSamples },
                             { "fadeOutSamples", clip.fadeOutSamples } });
            t["clips"].push_back (std::move (c));
        }
        json["tracks"].push_back (std::move (t));
    }
    json["buses"] = Json::array();
    for (const auto& bus : session.buses)
    {
        Json b = writeChannel (bus);
        b["kind"] = bus.kind == BusKind::group ? "group" : "aux";
        b["soloSafe"] = bus.soloSafe;
        json["buses"].push_back (std::move (b));
    }
    json["master"] = Json { { "chain", writeMasterChain (session.masterChain) } };
    json["references"] = Json::array();
    for (const auto& ref : session.references)
    {
        Json r { { "id", ref.id }, { "name", ref.name }, { "file", ref.file },
                 { "align", { { "sessionSample", ref.alignSessionSample }, { "referenceSample", ref.alignReferenceSample } } },
                 { "trimDb", ref.trimDb } };
        if (ref.hasLoop())
            r["loop"] = Json { { "startSample", ref.loopStartSample }, { "endSample", ref.loopEndSample } };
        json["references"].push_back (std::move (r));
    }
    // error_handler::replace: names are always valid UTF-8 when they came
    // through the parser, but a model edit could carry anything.
    return json.dump (2, ' ', false, Json::error_handler_t::replace) + "\n";
}
} // namespace crest
