// Buses, outputs, sends and sidechain keys in the session: saved and read
// back, refused with a message naming the session and the item when they
// name nothing or make a loop, and refused by the model's edits with the
// session left as it was.
#include "Helpers/ErrorMessage.h"
#include "Helpers/TestFiles.h"
#include "Session/RoutingGraph.h"
#include "Session/SessionJson.h"
#include "Session/SessionModel.h"
#include "Session/StemImport.h"

#include <catch2/catch.hpp>

using namespace crest;
using namespace crest::test;

namespace
{
std::string sessionWith (const std::string& tracks, const std::string& buses)
{
    return R"({"format": "crest-session", "version": 3, "sampleRate": 48000, "tracks": [)" + tracks + R"(], "buses": [)" + buses + "]}";
}

std::string parseError (const std::string& text)
{
    return errorMessage ([&] { parseSessionJson (text, "s.crest"); });
}
} // namespace

TEST_CASE ("buses, outputs, sends, keys and tempo round-trip through the file", "[session][routing]")
{
    const auto text = sessionWith (
        R"({"id": "k", "name": "Kick", "output": "d", "sends": [{"bus": "v", "levelDb": -10, "pan": 20, "preFader": true}]},
           {"id": "b", "name": "Bass", "sidechain": "k"})",
        R"({"id": "d", "name": "Drums", "kind": "group"}, {"id": "v", "name": "Verb"})");
    auto session = parseSessionJson (text, "s.crest");
    REQUIRE (session.buses.size() == 2);
    CHECK (session.buses[0].kind == BusKind::group);
    CHECK_FALSE (session.buses[0].soloSafe);   // a group follows solo
    CHECK (session.buses[1].kind == BusKind::aux);
    CHECK (session.buses[1].soloSafe);         // an aux return stays audible
    CHECK (session.tracks[0].output == "d");
    REQUIRE (session.tracks[0].sends.size() == 1);
    CHECK (session.tracks[0].sends[0] == SendDocument { "v", -10, 20, true });
    CHECK (session.tracks[1].sidechain == "k");

    session.tempoBpm = 87.5;
    session.meterNumerator = 7;
    session.meterDenominator = 8;
    session.version = SessionDocument::currentVersion;   // as it is written
    const auto again = parseSessionJson (writeSessionJson (session), "again");
    CHECK (again == session);
}

TEST_CASE ("routing that names nothing or makes a loop is refused, naming the session and the channels", "[session][routing][badinput]")
{
    CHECK (parseError (sessionWith (R"({"id": "k", "name": "Kick", "output": "nowhere"})", ""))
           == "s.crest: track 'Kick' outputs to \"nowhere\", which is not a bus in this session");
    CHECK (parseError (sessionWith (R"({"id": "k", "name": "Kick", "sends": [{"bus": "x"}]})", ""))
           == "s.crest: track 'Kick' sends to \"x\", which is not a bus in this session");
    CHECK (parseError (sessionWith (R"({"id": "k", "name": "Kick", "output": "k2"}, {"id": "k2"})", ""))
           == "s.crest: track 'Kick' outputs to \"k2\", which is not a bus in this session");
    CHECK (parseError (sessionWith (R"({"id": "b", "name": "Bass", "sidechain": "ghost"})", ""))
           == "s.crest: track 'Bass' has its compressor keyed by \"ghost\", which is not a track or bus in this session");
    CHECK (parseError (sessionWith ("", R"({"id": "a", "name": "A", "output": "a"})")) == "s.crest: bus 'A' outputs to itself");
    CHECK (parseError (sessionWith (R"({"id": "a", "name": "Kick"})", R"({"id": "a", "name": "Drums"})"))
           == "s.crest: bus 'Drums' has the id \"a\", which is already used");
    CHECK (parseError (sessionWith (R"({"id": "k", "name": "Kick", "sends": [{"bus": "v"}, {"bus": "v"}]})", R"({"id": "v", "name": "Verb"})"))
           == "s.crest: track 'Kick' has two sends to bus 'Verb'");

    // A loop written into the file by hand: A feeds B, B sends to C, C feeds A.
    CHECK (parseError (sessionWith ("", R"({"id": "a", "name": "A", "output": "b"},
                                          {"id": "b", "name": "B", "sends": [{"bus": "c"}]},
                                          {"id": "c", "name": "C", "output": "a"})"))
           == "s.crest: routing loop: bus 'A' -> bus 'B' -> bus 'C' -> bus 'A'");
    // Through a key: the bass keys bus D's compressor, D feeds the bass's own bus.
    CHECK (parseError (sessionWith (R"({"id": "bass", "name": "Bass", "output": "g"})",
                                    R"({"id": "g", "name": "Low end", "kind": "group", "sidechain": "bass", "output": "g2"},
                                       {"id": "g2", "name": "Sub", "kind": "group", "sends": [{"bus": "g"}]})"))
           == "s.crest: routing loop: bus 'Low end' -> bus 'Sub' -> bus 'Low end'");
    CHECK (parseError (sessionWith (R"({"id": "k", "sends": [{"bus": "v", "levelDb": 40}]})", R"({"id": "v"})"))
           == "s.crest: tracks[0].sends[0].levelDb 40 dB is out of range (-96 to 12 dB)");
    CHECK (parseError (sessionWith ("", R"({"id": "v", "kind": "return"})")) == "s.crest: buses[0].kind \"return\" is not aux or group");
}

TEST_CASE ("the processing order puts every node after what feeds and keys it, else the session's order", "[session][routing]")
{
    auto session = parseSessionJson (sessionWith (R"({"id": "k", "output": "d"}, {"id": "b", "sidechain": "d"}, {"id": "s", "sends": [{"bus": "v"}]})",
                                                  R"({"id": "v", "output": "d"}, {"id": "d", "kind": "group"})"),
                                     "s.crest");
    const auto order = processingOrder (session);
    std::vector<std::string> ids;
    for (auto node : order)
        ids.push_back (channelOf (session, node).id);
    CHECK (ids == std::vector<std::string> { "k", "s", "v", "d", "b" });
}

TEST_CASE ("the model refuses a routing edit that would loop and leaves the session as it was", "[session][routing][model]")
{
    SessionModel model;
    auto kick = model.addTrack ("Kick", 1);
    auto bass = model.addTrack ("Bass", 1);
    auto drums = model.addBus ("Drums", BusKind::group);
    auto verb = model.addBus ("Verb", BusKind::aux);
    // A new aux bus is a send away from every track, at -inf.
    CHECK (SessionModel::sendsOf (kick) == std::vector<juce::String> { verb[ids::id].toString() });
    CHECK ((double) kick[sendProperty (verb[ids::id].toString(), SendField::levelDb)] == -96.0);
    CHECK (model.numTracks() == 2);
    CHECK (model.numBuses() == 2);

    CHECK (model.setOutput (kick, drums[ids::id]) == "");
    CHECK (model.setOutput (drums, verb[ids::id]) == "");
    const auto before = model.toDocument();
    CHECK (model.setOutput (verb, drums[ids::id]) == "routing loop: bus 'Drums' -> bus 'Verb' -> bus 'Drums'");
    CHECK (model.addSend (verb, drums[ids::id]) == "routing loop: bus 'Drums' -> bus 'Verb' -> bus 'Drums'");
    CHECK (model.setOutput (kick, "nope") == "There is no bus with the id \"nope\"");
    CHECK (model.setSidechain (bass, "ghost") == "track 'Bass' has its compressor keyed by \"ghost\", which is not a track or bus in this session");
    CHECK (model.toDocument() == before);

    CHECK (model.setSidechain (bass, kick[ids::id]) == "");
    model.setSendValue (kick, verb[ids::id], SendField::levelDb, 50);   // clamped
    CHECK ((double) kick[sendProperty (verb[ids::id].toString(), SendField::levelDb)] == 12.0);

    // Removing a bus sends what it fed back to the mix bus and drops the sends to it, in one undo step.
    model.beginGesture ("remove");
    model.removeBus (1);
    CHECK (model.numBuses() == 1);
    CHECK (SessionModel::sendsOf (kick).empty());
    CHECK (drums[ids::output].toString().isEmpty());
    CHECK (routingProblem (model.toDocument()).empty());
    model.undoManager().undo();
    CHECK (model.numBuses() == 2);
    CHECK (SessionModel::sendsOf (kick).size() == 1);
    // Removing the kick frees the bass's key.
    model.removeTrack (0);
    CHECK (model.track (0)[ids::sidechain].toString().isEmpty());
    CHECK (model.numTracks() == 1);
}

TEST_CASE ("a new session has a Reverb and a Delay return, each fed by a send at -inf from every track", "[session][routing]")
{
    TempFolder dir;
    writeSine (dir / "a.wav", 48000, 440, 0.5, 0.1);
    writeSine (dir / "b.wav", 48000, 660, 0.5, 0.1);
    const auto made = sessionFromStems ({ dir / "a.wav", dir / "b.wav" });
    const auto& session = made.session;
    REQUIRE (session.buses.size() == 2);
    CHECK (session.buses[0].name == "Reverb");
    CHECK (session.buses[0].strip.value ("reverb.enabled") == 1);
    CHECK (session.buses[0].strip.value ("reverb.mix") == 100);
    CHECK (session.buses[1].name == "Delay");
    CHECK (session.buses[1].strip.value ("delay.enabled") == 1);
    for (const auto& bus : session.buses)
    {
        CHECK (bus.kind == BusKind::aux);
        CHECK (bus.soloSafe);
    }
    for (const auto& track : session.tracks)
    {
        REQUIRE (track.sends.size() == 2);
        CHECK (track.sends[0] == SendDocument { "reverb", -96, 0, false });
        CHECK (track.sends[1] == SendDocument { "delay", -96, 0, false });
    }
    CHECK (routingProblem (session).empty());

    // A track added later gets its sends to the returns too.
    SessionModel model;
    model.load (session);
    auto added = model.addTrack ("New", 2);
    CHECK (SessionModel::sendsOf (added) == std::vector<juce::String> { "reverb", "delay" });
}
