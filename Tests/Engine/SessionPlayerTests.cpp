#include "Engine/SessionPlayer.h"
#include "Helpers/RealtimeGuard.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

using namespace crest;
using namespace crest::test;

TEST_CASE ("opening a session at another rate compiles it once, never the old tracks at the new rate", "[engine][player]")
{
    TempFolder dir;
    writeSine (dir / "old.wav", 48000, 440, 0.5, 1.0);
    writeSine (dir / "new.wav", 44100, 440, 0.5, 1.0);
    SessionModel model;
    model.load (sessionOf ({ dir / "old.wav" }, 48000));
    MediaPool media (dir / "cache");
    SessionPlayer player (model, media);

    model.load (sessionOf ({ dir / "new.wav" }, 44100));
    // Had the old 48 kHz track been compiled at 44.1 kHz, it would have
    // been converted into the cache.
    CHECK_FALSE (std::filesystem::exists (dir / "cache"));
    CHECK (player.runtimeFor ("t1") != nullptr);
    CHECK (player.mediaProblems().empty());
}

TEST_CASE ("parameter moves reach the runtime without recompiling", "[engine][player]")
{
    TempFolder dir;
    writeSine (dir / "a.wav", 48000, 440, 0.5, 1.0);
    SessionModel model;
    model.load (sessionOf ({ dir / "a.wav" }));
    MediaPool media (dir / "cache");
    SessionPlayer player (model, media);
    const auto runtime = player.runtimeFor ("t1");
    model.setTrackValue (model.track (0), ids::faderDb, -12.0);
    model.setTrackValue (model.track (0), ids::pan, 40.0);
    model.setTrackValue (model.track (0), ids::solo, true);
    CHECK (runtime->controls.faderDb.load() == -12.0f);
    CHECK (runtime->controls.pan.load() == 40.0f);
    CHECK (runtime->controls.solo.load());
    CHECK (player.runtimeFor ("t1") == runtime);
    model.undoManager().undo();
    CHECK_FALSE (runtime->controls.solo.load());
}

TEST_CASE ("play, seek, stop and a recompile never read the disk on the message thread", "[engine][player][realtime]")
{
    TempFolder dir;
    writeSine (dir / "a.wav", 48000, 440, 0.5, 20.0);
    writeSine (dir / "b.wav", 48000, 660, 0.5, 20.0);
    SessionModel model;
    model.load (sessionOf ({ dir / "a.wav", dir / "b.wav" }));
    MediaPool media (dir / "cache");
    SessionPlayer player (model, media);

    RealtimeGuard::reset();
    {
        RealtimeGuard::DiskScope noDisk;
        player.seek (48000 * 10);
        player.play();
        model.setTrackValue (model.track (0), ids::faderDb, -6.0);
        model.setSessionValue (ids::panLaw, juce::String ("0dB"));   // recompiles the plan
        player.seek (48000 * 3);
    }
    INFO (RealtimeGuard::firstViolation());
    CHECK (RealtimeGuard::violations() == 0);

    // The streamer thread did the reading, then started the transport.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds (5);
    while (! player.engine().transport().playing.load() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for (std::chrono::milliseconds (1));
    CHECK (player.engine().transport().playing.load());
    CHECK (player.isPlaying());
    {
        RealtimeGuard::DiskScope noDisk;
        player.stop();
    }
    CHECK (RealtimeGuard::violations() == 0);
    CHECK_FALSE (player.isPlaying());
}
