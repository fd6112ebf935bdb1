// The master chain as data: read and written by the session file and the
// chain presets, edited through the model (undoable), refused with a clear
// message when a file is wrong.
#include "Core/CrestError.h"
#include "Core/MasterModules.h"
#include "Mastering/ChainPresets.h"
#include "Session/MasterChainJson.h"
#include "Session/MasterChainModel.h"
#include "Session/SessionJson.h"

#include <catch2/catch.hpp>

using namespace crest;

namespace
{
std::string sessionWithChain (const std::string& chain)
{
    return R"({"format": "crest-session", "version": 4, "sampleRate": 48000, "tracks": [], "master": {"chain": )" + chain + "}}";
}

std::string errorFor (const std::string& chain)
{
    try
    {
        parseSessionJson (sessionWithChain (chain), "s.crest");
    }
    catch (const CrestError& e)
    {
        return e.what();
    }
    return "";
}
} // namespace

TEST_CASE ("a master chain round-trips through the session file, words for shapes and modes", "[session][master]")
{
    SessionDocument session;
    auto& eq = session.masterChain.add ("eq");
    eq.set ("band2.shape", 6);   // high shelf
    eq.set ("band2.mode", 2);    // side
    eq.set ("band2.gainDb", -3.5);
    auto& limiter = session.masterChain.add ("limiter");
    limiter.set ("ceilingDb", -2);
    limiter.enabled = false;
    session.masterChain.add ("limiter");   // a second one gets its own id

    const auto text = writeSessionJson (session);
    CHECK (text.find (R"("band2.shape": "highShelf")") != std::string::npos);
    CHECK (text.find (R"("band2.mode": "side")") != std::string::npos);
    const auto again = parseSessionJson (text, "again");
    CHECK (again.masterChain == session.masterChain);
    REQUIRE (again.masterChain.modules.size() == 3);
    CHECK (again.masterChain.modules[2].id == "limiter2");
    CHECK (again.masterChain.modules[1].value ("ceilingDb") == -2);
    CHECK (again.masterChain.modules[1].value ("releaseMs") == 60);   // a default, not stored
}

TEST_CASE ("a version 3 session opens with an empty master chain", "[session][master]")
{
    const auto session = parseSessionJson (R"({"format": "crest-session", "version": 3, "sampleRate": 48000, "tracks": []})", "old.crest");
    CHECK (session.masterChain.modules.empty());
}

TEST_CASE ("a broken master chain is refused, naming the file and the field", "[session][master][badinput]")
{
    CHECK (errorFor (R"({"kind": "eq"})") == "s.crest: master.chain must be a list");
    CHECK (errorFor (R"([{"kind": "reverb"}])")
           == "s.crest: master.chain[0].kind \"reverb\" is not a master module Crest knows (eq, lpeq, multiband, saturation, width, limiter)");
    CHECK (errorFor (R"([{"kind": "limiter", "values": {"ceilingDb": 3}}])")
           == "s.crest: master.chain[0].values.ceilingDb 3 is out of range (-12 to 0 dBTP)");
    CHECK (errorFor (R"([{"kind": "limiter", "values": {"loudness": 3}}])")
           == "s.crest: master.chain[0].values.loudness is not a parameter of the Limiter module");
    CHECK (errorFor (R"([{"kind": "eq", "values": {"band1.shape": "wobble"}}])")
           == "s.crest: master.chain[0].values.band1.shape \"wobble\" is not one of lowPass, highPass, bandPass, notch, bell, lowShelf, highShelf");
    CHECK (errorFor (R"([{"kind": "eq", "values": {"band1.gainDb": "loud"}}])") == "s.crest: master.chain[0].values.band1.gainDb must be a number");
    CHECK (errorFor (R"([{"kind": "eq"}, {"kind": "eq"}])") == "s.crest: master.chain[1].id \"eq\" is used twice");
    CHECK (errorFor (R"([{"kind": "width", "enabled": "yes"}])") == "s.crest: master.chain[0].enabled must be true or false");
    std::string many = "[";
    for (int i = 0; i < 40; ++i)
        many += std::string (i ? "," : "") + R"({"kind": "width", "id": "w)" + std::to_string (i) + "\"}";
    CHECK (errorFor (many + "]") == "s.crest: master.chain has 40 modules; a master chain holds at most 32");
}

TEST_CASE ("every shipped chain preset reads, and the default chain is the one documented", "[session][master][presets]")
{
    const auto presets = chainPresets();
    REQUIRE (presets.size() >= 5);
    for (const auto& p : presets)
    {
        INFO (p.key);
        CHECK_FALSE (p.preset.name.empty());
        CHECK_FALSE (p.preset.description.empty());
        CHECK_FALSE (p.preset.chain.modules.empty());
        CHECK (p.preset.chain.modules.back().kind == "limiter");   // every shipped chain ends in the limiter
        // A preset written and read back is the same preset.
        const auto again = parseMasterChainPreset (writeMasterChainPreset (p.preset), "again");
        CHECK (again.chain == p.preset.chain);
    }
    const auto chain = defaultMasteringChain();
    REQUIRE (chain.modules.size() == 5);
    const char* kinds[] = { "eq", "multiband", "saturation", "width", "limiter" };
    const bool enabled[] = { true, false, false, true, true };
    for (size_t i = 0; i < 5; ++i)
    {
        CHECK (chain.modules[i].kind == kinds[i]);
        CHECK (chain.modules[i].enabled == enabled[i]);
        CHECK (chain.modules[i].values.empty());   // neutral: every value its default
    }
    CHECK (chain.modules[4].value ("ceilingDb") == -1);
}

TEST_CASE ("a preset file that is not one is refused by name", "[session][master][presets][badinput]")
{
    auto error = [] (const std::string& text) {
        try
        {
            parseMasterChainPreset (text, "p.json");
        }
        catch (const CrestError& e)
        {
            return std::string (e.what());
        }
        return std::string();
    };
    CHECK (error (R"({"format": "crest-session"})") == "p.json: not a master chain preset (no \"format\": \"crest-master-chain\" field)");
    CHECK (error (R"({"format": "crest-master-chain", "version": 9, "chain": []})")
           == "p.json: saved by a newer Crest (chain preset version 9; this Crest reads up to version 1)");
    CHECK (error (R"({"format": "crest-master-chain", "version": 1})") == "p.json: chain is missing");
    CHECK (error ("{\"format\": ") == "p.json: not valid JSON (syntax error at line 1, column 12)");
    CHECK_THROWS_AS (loadChainPreset ("no-such-chain"), CrestError);
}

TEST_CASE ("master chain edits are undoable steps, and the document follows", "[session][master][model]")
{
    SessionModel model;
    MasterChainModel chain (model);
    REQUIRE (chain.size() == 0);   // a mix session's master starts empty

    model.beginGesture ("Add EQ");
    auto eq = chain.add ("eq");
    model.beginGesture ("Add limiter");
    auto limiter = chain.add ("limiter");
    model.beginGesture ("Ceiling");
    for (double c = -1; c >= -3; c -= 0.5)
        chain.setValue (limiter, "ceilingDb", c);
    chain.setValue (limiter, "ceilingDb", -40);   // clamped
    CHECK (MasterChainModel::value (limiter, "ceilingDb") == -12);
    model.beginGesture ("Move");
    chain.move (1, 0);
    CHECK (chain.module (0)[ids::kind].toString() == "limiter");
    model.beginGesture ("Bypass EQ");
    chain.setEnabled (eq, false);

    auto document = model.toDocument();
    REQUIRE (document.masterChain.modules.size() == 2);
    CHECK (document.masterChain.modules[0].id == "limiter");
    CHECK (document.masterChain.modules[0].value ("ceilingDb") == -12);
    CHECK_FALSE (document.masterChain.modules[1].enabled);
    CHECK (model.numBuses() == 0);   // the master is not a bus
    CHECK (document.tracks.empty());

    model.undoManager().undo();
    CHECK ((bool) eq[ids::enabled]);
    model.undoManager().undo();
    CHECK (chain.module (0)[ids::kind].toString() == "eq");
    model.undoManager().undo();
    CHECK (MasterChainModel::value (limiter, "ceilingDb") == -1);   // the default again, not held
    CHECK_FALSE (limiter.hasProperty (masterValueProperty ("ceilingDb")));

    // A preset replaces the chain in one step.
    model.beginGesture ("Other");
    chain.replace (defaultMasteringChain(), "Load preset");
    CHECK (chain.size() == 5);
    model.undoManager().undo();
    CHECK (chain.size() == 2);

    // Buses added later go before the master; loading keeps it.
    model.beginGesture ("Bus");
    model.addBus ("Verb", BusKind::aux);
    CHECK (model.numBuses() == 1);
    CHECK (model.bus (0)[ids::name].toString() == "Verb");
    CHECK (model.state().getChild (model.numTracks() + model.numBuses()).hasType (ids::MASTER));
    document = model.toDocument();
    model.load (document);
    CHECK (model.toDocument() == document);
}

TEST_CASE ("every module kind has one table of parameters, read by name", "[session][master]")
{
    for (const auto& kind : masterModuleKinds())
    {
        INFO (kind.key);
        CHECK_FALSE (kind.parameters.empty());
        for (size_t i = 0; i < kind.parameters.size(); ++i)
            CHECK (masterParameterIndex (kind, kind.parameters[i].id) == i);
    }
}
