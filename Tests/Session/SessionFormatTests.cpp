// The session format's second version: strips saved and read back, by
// name and in range; a foundation-era (version 1) session opens and
// renders sample for sample as it did; bad strip entries are refused
// naming the session and the item.
#include "Helpers/ErrorMessage.h"
#include "Helpers/TestFiles.h"
#include "Render/OfflineRenderer.h"
#include "Session/SessionFile.h"
#include "Session/SessionJson.h"
#include "Session/SessionModel.h"

#include <catch2/catch.hpp>

#include <cstring>

using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

namespace
{
const fs::path foundationSession = fs::path (CREST_TEST_DATA_DIR) / "sessions" / "foundation-v1" / "session.crest";
const fs::path stripsSession = fs::path (CREST_TEST_DATA_DIR) / "sessions" / "strips-v2" / "session.crest";

std::vector<float> renderedFloat (const SessionDocument& session, const fs::path& output)
{
    MediaPool media (output.parent_path() / "cache");
    RenderRequest request;
    request.output = output;
    request.format = { Container::wav, SampleEncoding::float32 };
    renderSession (session, request, media);
    return readAudio (output).samples;
}

uint64_t fnv1a (const std::vector<float>& samples)
{
    uint64_t hash = 0xcbf29ce484222325ull;
    const auto* bytes = reinterpret_cast<const unsigned char*> (samples.data());
    for (size_t i = 0; i < samples.size() * sizeof (float); ++i)
        hash = (hash ^ bytes[i]) * 0x100000001b3ull;
    return hash;
}
} // namespace

TEST_CASE ("a foundation (version 1) session opens and renders sample for sample as it did", "[session][format]")
{
    const auto session = loadSessionFile (foundationSession);
    CHECK (session.version == 1);
    REQUIRE (session.tracks.size() == 2);
    CHECK (session.tracks[0].strip.values.empty());

    TempFolder dir;
    MediaPool media (dir / "cache");
    RenderRequest request;
    request.output = dir / "mix.wav";
    request.format = { Container::wav, SampleEncoding::float32 };
    renderSession (session, request, media);
    const auto audio = readAudio (request.output);
    // Rendered by the Crest of before the strips (commit 38a3ef1): 28800
    // frames whose float samples hash (FNV-1a 64 over the data chunk's
    // little-endian bytes) to this.
    CHECK (audio.frames() == 28800);
    CHECK (fnv1a (audio.samples) == 0x63ec35cc824e9b29ull);

    // Saved again, it is the current version and reads back the same.
    const auto resaved = parseSessionJson (writeSessionJson (session), "resaved");
    CHECK (resaved.version == SessionDocument::currentVersion);
    CHECK (resaved.tracks == session.tracks);
}

TEST_CASE ("a version 2 session (strips, no buses) opens, routes to the mix bus and renders sample for sample as it did", "[session][format]")
{
    const auto session = loadSessionFile (stripsSession);
    CHECK (session.version == 2);
    CHECK (session.buses.empty());
    CHECK (session.tempoBpm == 120);
    REQUIRE (session.tracks.size() == 2);
    for (const auto& track : session.tracks)
    {
        CHECK (track.output.empty());
        CHECK (track.sends.empty());
    }
    CHECK (session.tracks[0].strip.value ("eq.band2.gainDb") == 3);

    TempFolder dir;
    const auto samples = renderedFloat (session, dir / "mix.wav");
    // 28800 frames hashing (FNV-1a 64) to this. The Crest of the strips
    // (commit b6b5d2b, before buses and sends) rendered 0xcfd421b41965b007;
    // since the filters keep double precision from one section to the next
    // (SectionCascade) the render differs from that one by at most
    // -150.5 dBFS, a float's last bit, and hashes to this.
    CHECK (samples.size() == 2 * 28800);
    CHECK (fnv1a (samples) == 0xf1ec0fd569620773ull);

    const auto resaved = parseSessionJson (writeSessionJson (session), "resaved");
    CHECK (resaved.version == SessionDocument::currentVersion);
    CHECK (resaved.tracks == session.tracks);
    CHECK (resaved.mixBusStrip == session.mixBusStrip);
}

TEST_CASE ("strip settings round-trip through the file and the model, only what differs from the defaults", "[session][format]")
{
    SessionDocument session;
    TrackDocument track;
    track.id = "t1";
    track.strip.set ("invertPolarity", 1);
    track.strip.set ("filters.enabled", 1);
    track.strip.set ("filters.highPassOn", 1);
    track.strip.set ("filters.highPassHz", 120);
    track.strip.set ("eq.enabled", 1);
    track.strip.set ("eq.band3.on", 1);
    track.strip.set ("eq.band3.shape", 7 - 1);   // high shelf
    track.strip.set ("eq.band3.gainDb", -2.5);
    track.strip.set ("compressor.ratio", 4);      // the default: not held
    session.tracks.push_back (track);
    CHECK (session.tracks[0].strip.values.size() == 8);

    const auto text = writeSessionJson (session);
    CHECK (text.find ("\"shape\": \"highShelf\"") != std::string::npos);
    CHECK (text.find ("\"invertPolarity\": true") != std::string::npos);
    CHECK (text.find ("\"compressor\"") == std::string::npos);
    CHECK (parseSessionJson (text, "s") == session);

    SessionModel model;
    model.load (session);
    CHECK (model.toDocument() == session);
    model.setStripValue (model.track (0), "eq.band3.gainDb", 0);   // back to the default: dropped
    CHECK (model.toDocument().tracks[0].strip.values.size() == 7);
}

TEST_CASE ("bad strip entries are refused naming the session and the item", "[session][format][badinput]")
{
    auto withStrip = [] (const std::string& strip) {
        return std::string (R"({"format": "crest-session", "version": 2, "sampleRate": 48000, "tracks": [{"id": "t1", "strip": )") + strip + "}]}";
    };
    CHECK (errorMessage ([&] { parseSessionJson (withStrip (R"({"eq": {"band9": {"gainDb": 3}}})"), "s.crest"); })
           == "s.crest: tracks[0].strip.eq.band9.gainDb is not a strip parameter this Crest knows");
    CHECK (errorMessage ([&] { parseSessionJson (withStrip (R"({"compressor": {"ratio": 500}})"), "s.crest"); })
           == "s.crest: tracks[0].strip.compressor.ratio 500 is out of range (1 to 50 :1)");
    CHECK (errorMessage ([&] { parseSessionJson (withStrip (R"({"eq": {"band1": {"shape": "wobble"}}})"), "s.crest"); })
           == "s.crest: tracks[0].strip.eq.band1.shape \"wobble\" is not a filter shape (bell, lowShelf, highShelf, notch, bandPass, lowPass, highPass)");
    CHECK (errorMessage ([&] { parseSessionJson (withStrip (R"({"gate": {"thresholdDb": "loud"}})"), "s.crest"); })
           == "s.crest: tracks[0].strip.gate.thresholdDb must be a number");
    CHECK (errorMessage ([&] { parseSessionJson (withStrip (R"([1, 2])"), "s.crest"); }) == "s.crest: tracks[0].strip must be an object");
}
