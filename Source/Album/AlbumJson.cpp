#include "AlbumJson.h"

#include "Core/CrestError.h"
#include "Session/GuardedJson.h"
#include "Session/JsonFieldReader.h"
#include "Session/MasterChainJson.h"

#include <cmath>
#include <limits>
#include <set>

namespace crest
{
using Json = nlohmann::ordered_json;

namespace
{
    constexpr const char* formatTag = "crest-album";
    constexpr double maxSeconds = 24.0 * 3600.0;   // a day: no album is longer

    // A time in whole samples, from "<name>Seconds", "<name>Frames" (CD
    // frames, 1/75 s) or "<name>Samples"; at most one of them.
    std::optional<int64_t> readTime (const FieldReader& r, const Json& json, const std::string& where, const std::string& name, double rate)
    {
        const auto seconds = name + "Seconds", frames = name + "Frames", samples = name + "Samples";
        const int given = (int) json.contains (seconds) + (int) json.contains (frames) + (int) json.contains (samples);
        if (given == 0)
            return std::nullopt;
        if (given > 1)
            r.fail (where + name + " is given more than once (" + seconds + ", " + frames + ", " + samples + ": one of them)");
        if (json.contains (seconds))
            return std::llround (r.number (seconds.c_str(), 0, 0, maxSeconds, " s") * rate);
        const auto maxSamples = (int64_t) (maxSeconds * rate);
        if (json.contains (frames))
            return std::llround ((double) r.integer (frames.c_str(), 0, 0, (int64_t) (maxSeconds * 75)) * rate / 75.0);
        return r.integer (samples.c_str(), 0, 0, maxSamples);
    }

    MasterModuleDocument readEq (const Json& values, const std::string& where, const std::string& source)
    {
        Json list = Json::array();
        list.push_back ({ { "id", "eq" }, { "kind", "eq" }, { "values", values } });
        return readMasterChain (list, where, source).modules.front();
    }

    AlbumTrack readTrack (const Json& json, const std::string& where, const std::string& source, double rate)
    {
        FieldReader r (json, where, source);
        AlbumTrack t;
        t.id = r.text ("id", true, 64);
        if (t.id.empty())
            r.fail (where + "id is empty");
        t.source = r.text ("source", true);
        if (t.source.empty())
            r.fail (where + "source is empty");
        if (const auto* chain = r.find ("chain"))
            t.chain = readMasterChain (*chain, where + "chain", source);
        t.trimDb = r.number ("trimDb", 0, -24, 24, " dB");
        if (const auto* eq = r.find ("eq"))
            t.eq = readEq (*eq, where + "eq", source);
        t.gapBeforeSamples = readTime (r, json, where, "gap", rate).value_or (0);
        if (const auto* crossfade = r.find ("crossfade"))
        {
            const auto at = where + "crossfade.";
            FieldReader c (*crossfade, at, source);
            t.crossfadeSamples = readTime (c, *crossfade, at, "length", rate).value_or (0);
            const auto curve = c.text ("curve", false, 32);
            if (! curve.empty())
            {
                const auto known = crossfadeCurveFromName (curve);
                if (! known)
                    c.fail (at + "curve \"" + curve + "\" is not one of equal-power, linear, s-curve");
                t.crossfadeCurve = *known;
            }
        }
        t.startOffsetSamples = readTime (r, json, where, "startOffset", rate).value_or (0);
        t.lengthSamples = readTime (r, json, where, "length", rate);
        if (t.lengthSamples && *t.lengthSamples == 0)
            r.fail (where + "length is zero");
        t.title = r.text ("title", false, 160);
        t.performer = r.text ("performer", false, 160);
        t.composer = r.text ("composer", false, 160);
        const auto isrc = r.text ("isrc", false, 32);
        if (! isrc.empty())
        {
            const auto normal = normalisedIsrc (isrc);
            if (! normal)
                r.fail (where + "isrc \"" + isrc + "\" is not an ISRC (CC-XXX-YY-NNNNN: two letters, three letters or digits, seven digits)");
            t.isrc = *normal;
        }
        return t;
    }
} // namespace

AlbumDocument parseAlbumJson (std::string_view text, const std::string& sourceName)
{
    const auto json = parseGuardedJson (text, sourceName, "an album");
    if (! json.is_object() || ! json.contains ("format") || json["format"] != formatTag)
        throw CrestError (sourceName + ": not a Crest album (no \"format\": \"" + formatTag + "\" field)");
    FieldReader r (json, "", sourceName);
    AlbumDocument album;
    album.version = (int) r.integer ("version", 0, 0, std::numeric_limits<int>::max());
    if (album.version < 1)
        r.fail ("version is missing or invalid");
    if (album.version > AlbumDocument::currentVersion)
        r.fail ("saved by a newer Crest (album format version " + std::to_string (album.version) + "; this Crest reads up to version "
                + std::to_string (AlbumDocument::currentVersion) + ")");
    album.sampleRate = r.number ("sampleRate", 44100, 8000, 384000, " Hz");
    album.title = r.text ("title", false, 160);
    album.performer = r.text ("performer", false, 160);
    const auto upc = r.text ("upc", false, 32);
    if (! upc.empty())
    {
        const auto normal = normalisedUpc (upc);
        if (! normal)
            r.fail ("upc \"" + upc + "\" is not a UPC-A or EAN-13 with a correct check digit");
        album.upc = *normal;
    }
    if (const auto* chain = r.find ("sharedChain"))
        album.sharedChain = readMasterChain (*chain, "sharedChain", sourceName);
    if (const auto* loudness = r.find ("loudness"))
    {
        FieldReader l (*loudness, "loudness.", sourceName);
        const auto strategy = l.text ("strategy", false, 32);
        if (! strategy.empty())
        {
            const auto known = loudnessStrategyFromName (strategy);
            if (! known)
                l.fail ("loudness.strategy \"" + strategy + "\" is not one of none, every-track, album, anchored");
            album.strategy = *known;
        }
        album.targetLufs = l.number ("targetLufs", -14, -40, 0, " LUFS");
        album.ceilingDbtp = l.number ("ceilingDbtp", -1, -12, 0, " dBTP");
        album.anchorTrack = l.text ("anchor", false, 64);
        album.limitingWarningDb = l.number ("limitingWarningDb", 3, 0, 24, " dB");
    }
    const auto* tracks = r.find ("tracks");
    if (tracks != nullptr)
    {
        if (! tracks->is_array())
            r.fail ("tracks must be an array");
        if (tracks->size() > maxAlbumTracks)
            r.fail ("tracks: " + std::to_string (tracks->size()) + " is more than an album holds (" + std::to_string (maxAlbumTracks) + ")");
        std::set<std::string> ids;
        for (size_t i = 0; i < tracks->size(); ++i)
        {
            auto t = readTrack ((*tracks)[i], "tracks[" + std::to_string (i) + "].", sourceName, album.sampleRate);
            if (! ids.insert (t.id).second)
                r.fail ("tracks[" + std::to_string (i) + "].id \"" + t.id + "\" is used by another track");
            album.tracks.push_back (std::move (t));
        }
    }
    if (album.strategy == LoudnessStrategy::anchored && album.find (album.anchorTrack) == nullptr)
        r.fail ("loudness.anchor \"" + album.anchorTrack + "\" names no track of the album (the anchored strategy needs one)");
    return album;
}

std::string writeAlbumJson (const AlbumDocument& album)
{
    // Whole samples as seconds that read back to the same sample.
    auto seconds = [&album] (int64_t samples) { return (double) samples / album.sampleRate; };
    Json json;
    json["format"] = formatTag;
    json["version"] = AlbumDocument::currentVersion;
    json["sampleRate"] = album.sampleRate;
    if (! album.title.empty()) json["title"] = album.title;
    if (! album.performer.empty()) json["performer"] = album.performer;
    if (! album.upc.empty()) json["upc"] = album.upc;
    json["loudness"] = { { "strategy", std::string (loudnessStrategyName (album.strategy)) },
                         { "targetLufs", album.targetLufs },
                         { "ceilingDbtp", album.ceilingDbtp },
                         { "limitingWarningDb", album.limitingWarningDb } };
    if (! album.anchorTrack.empty())
        json["loudness"]["anchor"] = album.anchorTrack;
    json["sharedChain"] = writeMasterChain (album.sharedChain);
    json["tracks"] = Json::array();
    for (const auto& t : album.tracks)
    {
        Json j;
        j["id"] = t.id;
        j["source"] = t.source.generic_string();
        if (t.chain)
            j["chain"] = writeMasterChain (*t.chain);
        if (t.trimDb != 0)
            j["trimDb"] = t.trimDb;
        if (! t.eq.values.empty())
        {
            MasterChainDocument one;
            one.modules.push_back (t.eq);
            j["eq"] = writeMasterChain (one).front()["values"];
        }
        if (t.gapBeforeSamples != 0)
            j["gapSeconds"] = seconds (t.gapBeforeSamples);
        if (t.crossfadeSamples != 0)
            j["crossfade"] = { { "lengthSeconds", seconds (t.crossfadeSamples) }, { "curve", std::string (crossfadeCurveName (t.crossfadeCurve)) } };
        if (t.startOffsetSamples != 0)
            j["startOffsetSeconds"] = seconds (t.startOffsetSamples);
        if (t.lengthSamples)
            j["lengthSeconds"] = seconds (*t.lengthSamples);
        for (const auto& [key, value] : { std::pair { "title", &t.title }, { "performer", &t.performer }, { "composer", &t.composer }, { "isrc", &t.isrc } })
            if (! value->empty())
                j[key] = *value;
        json["tracks"].push_back (std::move (j));
    }
    return json.dump (2) + "\n";
}
} // namespace crest
