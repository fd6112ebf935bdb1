#include "Core/Automation.h"
#include "Core/StripParameters.h"
#include "Helpers/RealtimeGuard.h"
#include "Helpers/TestFiles.h"
#include "Engine/SessionPlayer.h"
#include "Core/MasterModules.h"
#include "Session/MasterChainModel.h"
#include "Session/ReferenceModel.h"
#include "Session/RoutingGraph.h"

#include <catch2/catch.hpp>

#include <array>
#include <atomic>
#include <mutex>
#include <random>
#include <thread>

using namespace crest;
using namespace crest::test;

TEST_CASE ("the realtime guard catches what it should", "[realtime][guard]")
{
    RealtimeGuard::reset();
    std::thread audio ([] {
        RealtimeGuard::Scope scope;
        // volatile: the compiler may not elide this new/delete pair.
        static int* volatile escaped = nullptr;
        escaped = new int (3);
        delete escaped;
    });
    audio.join();
    CHECK (RealtimeGuard::violations() >= 1);
    CHECK (RealtimeGuard::firstViolation() == "malloc");

    RealtimeGuard::reset();
    std::thread locker ([] {
        static std::mutex m;
        RealtimeGuard::Scope scope;
        std::lock_guard<std::mutex> g (m);
    });
    locker.join();
    CHECK (RealtimeGuard::firstViolation() == "pthread_mutex_lock");
    RealtimeGuard::reset();
}

TEST_CASE ("the audio threads never allocate, lock, wait or touch a file during 10,000 random edits: strips, buses, sends, keys, routing, automation, the master chain and the monitor, with the live meters running", "[realtime]")
{
    TempFolder dir;
    std::vector<std::filesystem::path> files;
    for (int k = 0; k < 4; ++k)
    {
        files.push_back (dir / ("s" + std::to_string (k) + ".wav"));
        writeAudio (files.back(), 1 + k % 2, 48000, 48000 * 4, [k] (int64_t i, int) { return 0.1f * (float) std::sin (0.01 * (double) (i * (k + 1))); });
    }

    SessionModel model;
    MediaPool media (dir / "cache");
    // Two graph threads: the audio thread and one worker, both guarded.
    EngineOptions engineOptions;
    engineOptions.threads = 2;
    engineOptions.workerStarted = [] { RealtimeGuard::guardThisThread(); };
    SessionPlayer player (model, media, {}, engineOptions);
    MasterChainModel chain (model);
    ReferenceModel references (model);
    player.play();

    std::atomic<bool> running { true };
    std::atomic<int64_t> blocks { 0 };
    RealtimeGuard::reset();
    std::thread audio ([&] {
        std::vector<float> left (256), right (256);
        float* out[] = { left.data(), right.data() };
        RealtimeGuard::Scope scope;
        while (running.load (std::memory_order_relaxed))
        {
            player.engine().process (out, 2, 256);
            blocks.fetch_add (1, std::memory_order_relaxed);
            if (player.engine().transport().position.load() > 48000 * 3)
                player.engine().transport().requestSeek (0);   // loop, so clips keep streaming
        }
    });

    std::mt19937 random (1234);
    auto pick = [&] (int n) { return (int) (random() % (unsigned) n); };
    auto pickChannel = [&] {
        const int n = model.numTracks() + model.numBuses();
        return n == 0 ? juce::ValueTree() : model.state().getChild (pick (n));
    };
    int refused = 0;
    for (int edit = 0; edit < 10000; ++edit)
    {
        const int tracks = model.numTracks();
        const int buses = model.numBuses();
        model.beginGesture ("edit");
        switch (pick (21))
        {
            case 0:
            case 1:
            {
                if (tracks >= 10)
                {
                    model.removeTrack (pick (tracks));
                    break;
                }
                auto t = model.addTrack ("T" + juce::String (edit), 1 + pick (2));
                const auto& f = files[(size_t) pick ((int) files.size())];
                model.addClip (t, { f.string(), pick (48000), 0, 48000 + pick (48000), 0.0, 100, 100 });
                break;
            }
            case 2:
                if (tracks > 0)
                    model.removeTrack (pick (tracks));
                break;
            case 3:
                if (tracks > 0)
                    model.addClip (model.track (pick (tracks)), { files[0].string(), pick (96000), pick (1000), 24000, -3.0, 0, 0 });
                break;
            case 4:
                if (tracks > 0)
                    model.setTrackValue (model.track (pick (tracks)), ids::faderDb, -30.0 + pick (40));
                break;
            case 5:
                model.undoManager().undo();
                break;
            case 6:
                model.undoManager().redo();
                break;
            case 7:
                // Switch a strip module on or off.
                if (tracks > 0)
                    model.setStripValue (model.track (pick (tracks)),
                                         std::array { "filters.enabled", "gate.enabled", "eq.enabled", "compressor.enabled" }[(size_t) pick (4)],
                                         pick (4) != 0 ? 1.0 : 0.0);
                break;
            case 8:
                // Move any strip parameter anywhere in its range.
                if (tracks > 0)
                {
                    const auto& all = stripParameters();
                    const auto& parameter = all[(size_t) pick ((int) all.size())];
                    const double t = (double) pick (1001) / 1000.0;
                    model.setStripValue (model.track (pick (tracks)), parameter.key,
                                         parameter.spec.minimum + t * (parameter.spec.maximum - parameter.spec.minimum));
                }
                break;
            case 9:
                if (buses < 5)
                    model.addBus ("B" + juce::String (edit), pick (2) == 0 ? BusKind::aux : BusKind::group);
                else
                    model.removeBus (pick (buses));
                break;
            case 10:
                // Route anything to any bus or back to the mix bus; loops are refused.
                if (auto channel = pickChannel(); channel.isValid() && buses > 0)
                    refused += model.setOutput (channel, pick (3) == 0 ? juce::String() : model.bus (pick (buses))[ids::id].toString()).isNotEmpty();
                break;
            case 11:
                if (auto channel = pickChannel(); channel.isValid() && buses > 0)
                    refused += model.addSend (channel, model.bus (pick (buses))[ids::id].toString()).isNotEmpty();
                break;
            case 12:
                if (auto channel = pickChannel(); channel.isValid())
                    for (const auto& busId : SessionModel::sendsOf (channel))
                    {
                        model.setSendValue (channel, busId, SendField::levelDb, -40.0 + pick (46));
                        model.setSendValue (channel, busId, SendField::preFader, pick (2));
                        model.setSendValue (channel, busId, SendField::pan, -100 + pick (201));
                    }
                break;
            case 13:
                if (auto channel = pickChannel(); channel.isValid())
                {
                    auto key = pickChannel();
                    refused += model.setSidechain (channel, pick (3) == 0 ? juce::String() : key[ids::id].toString()).isNotEmpty();
                }
                break;
            case 14:
                if (auto channel = pickChannel(); channel.isValid())
                    model.setTrackValue (channel, pick (2) == 0 ? ids::solo : ids::mute, pick (3) == 0);
                break;
            case 15:
                if (auto channel = pickChannel(); channel.isValid())
                    model.removeSend (channel, SessionModel::sendsOf (channel).empty() ? juce::String() : SessionModel::sendsOf (channel)[0]);
                break;
            case 16:
                // An automation lane on a level, the pan or any strip parameter.
                if (auto channel = pickChannel(); channel.isValid())
                {
                    const auto& all = stripParameters();
                    const auto& parameter = all[(size_t) pick ((int) all.size())];
                    const std::string name = std::array<std::string, 4> { "faderDb", "pan", "trimDb", "strip." + parameter.key }[(size_t) pick (4)];
                    const auto spec = automationTarget (name)->spec;
                    AutomationLane lane { name, AutomationMode::read, {} };
                    for (int p = 0; p < 1 + pick (4); ++p)
                        lane.points.push_back ({ pick (48000 * 3), spec.minimum + (spec.maximum - spec.minimum) * pick (1001) / 1000.0, (pick (3) - 1) * 0.5 });
                    model.setAutomation (channel, lane);
                }
                break;
            case 17:
                // The master chain's shape: a module added, removed or moved.
                if (chain.size() < 8 && pick (2) == 0)
                    chain.add (masterModuleKinds()[(size_t) pick ((int) masterModuleKinds().size())].key, chain.size() > 0 ? pick (chain.size()) : -1);
                else if (chain.size() > 0 && pick (2) == 0)
                    chain.remove (pick (chain.size()));
                else if (chain.size() > 1)
                    chain.move (pick (chain.size()), pick (chain.size()));
                break;
            case 18:
                // Any master value anywhere in its range, or a module switched.
                if (chain.size() > 0)
                {
                    auto module = chain.module (pick (chain.size()));
                    if (pick (4) == 0)
                        chain.setEnabled (module, pick (2) == 0);
                    else
                    {
                        const auto& parameters = findMasterModuleKind (module[ids::kind].toString().toStdString())->parameters;
                        const auto& spec = parameters[(size_t) pick ((int) parameters.size())];
                        chain.setValue (module, spec.id, spec.minimum + (spec.maximum - spec.minimum) * pick (1001) / 1000.0);
                    }
                }
                break;
            case 19:
                // The monitor: Mix / Master / Difference / a reference, matched or not.
                player.engine().monitor().setSource ((MonitorSource) pick (4));
                player.engine().monitor().setMatching (pick (2) == 0);
                if (references.size() > 0)
                {
                    const auto ref = references.reference (pick (references.size()));
                    player.monitorReference (ref.id);
                    player.setReferenceLoudness (ref.id, -20.0 + pick (10));
                }
                break;
            case 20:
                // A reference added, moved on the timeline, or removed.
                if (references.size() < 4 && pick (2) == 0)
                    references.add ({ "", "", files[(size_t) pick ((int) files.size())].string() });
                else if (references.size() > 0 && pick (2) == 0)
                {
                    auto ref = references.reference (pick (references.size()));
                    ref.alignSessionSample = pick (96000);
                    ref.alignReferenceSample = pick (48000);
                    ref.trimDb = -6.0 + pick (12);
                    references.update (ref, "Align");
                }
                else if (references.size() > 0)
                    references.remove (juce::String (references.reference (pick (references.size())).id));
                break;
        }
        // The audio thread here runs flat out, far faster than real time:
        // the meters take what fits in their FIFO, as a stalled GUI would.
        if (edit % 50 == 0)
            player.updateMeters();
        player.collectGarbage();
        if (edit % 500 == 0)
            std::this_thread::sleep_for (std::chrono::milliseconds (2));
    }
    std::this_thread::sleep_for (std::chrono::milliseconds (50));
    running = false;
    audio.join();
    player.collectGarbage();

    INFO ("first violation: " << RealtimeGuard::firstViolation());
    CHECK (RealtimeGuard::violations() == 0);
    CHECK (blocks.load() > 100);
    CHECK (refused > 0);   // loops were tried, and refused
    CHECK (player.loudness().mix().seconds > 1.0);   // the live meters measured what played
    CHECK (routingProblem (model.toDocument()).empty());
}
