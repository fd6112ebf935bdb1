// The transport's loop: the playhead wraps from the loop's end to its start
// inside a block, so what plays is the range over and over with no gap and
// no repeated sample, whatever the block size; and the streamer keeps the
// loop's start loaded while the playhead is far from it.
#include "Engine/Engine.h"
#include "Engine/PlanBuilder.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <thread>

using namespace crest;
using namespace crest::test;

namespace
{
const float centre = (float) std::cos (3.14159265358979323846 / 4);

// Each frame holds its own index, so the output names the frame played.
float frameValue (int64_t n) { return (float) n / 65536.0f; }

struct LoopRig
{
    explicit LoopRig (const SessionDocument& session) : builder (media, {})
    {
        engine.plans().publish (builder.build (session));
        streamer.setPlacements (builder.placements());
    }

    std::vector<float> run (int frames, int block)
    {
        std::vector<float> left ((size_t) frames), right ((size_t) frames);
        for (int done = 0; done < frames; done += block)
        {
            const int n = std::min (block, frames - done);
            float* out[] = { left.data() + done, right.data() + done };
            engine.process (out, 2, n);
        }
        return left;
    }

    MediaPool media { std::filesystem::temp_directory_path() / "crest-test-cache" };
    PlanBuilder builder;
    DiskStreamer streamer;
    Engine engine { streamer };
};
} // namespace

TEST_CASE ("loop: the playhead wraps from the loop's end to its start, sample exact at any block size", "[engine][loop]")
{
    TempFolder dir;
    writeAudio (dir / "count.wav", 1, 48000, 40000, [] (int64_t n, int) { return frameValue (n); });
    const auto session = sessionOf ({ dir / "count.wav" });
    for (int block : { 64, 333, 2048 })
    {
        LoopRig rig (session);
        rig.streamer.prefetch (0, 40000);   // the whole file: no streaming in this test
        rig.engine.transport().setLoop (10000, 20000, true);
        rig.engine.transport().position = 5000;
        rig.engine.transport().playing = true;
        const auto out = rig.run (30000, block);
        INFO ("block " << block);
        int wrong = 0;
        int64_t expected = 5000;
        for (size_t i = 0; i < out.size(); ++i)
        {
            if (std::abs (out[i] - frameValue (expected) * centre) > 1e-6f)
                ++wrong;
            if (++expected == 20000)
                expected = 10000;
        }
        CHECK (wrong == 0);
        CHECK (rig.engine.transport().position.load() == expected);
        CHECK (rig.engine.underrunFrames() == 0);
    }
}

TEST_CASE ("loop: a playhead past the loop's end plays on; switching the loop off plays through", "[engine][loop]")
{
    TempFolder dir;
    writeAudio (dir / "count.wav", 1, 48000, 40000, [] (int64_t n, int) { return frameValue (n); });
    LoopRig rig (sessionOf ({ dir / "count.wav" }));
    rig.streamer.prefetch (0, 40000);
    rig.engine.transport().setLoop (1000, 2000, true);
    rig.engine.transport().position = 3000;
    rig.engine.transport().playing = true;
    rig.run (1000, 256);
    CHECK (rig.engine.transport().position.load() == 4000);

    rig.engine.transport().setLoop (1000, 2000, false);
    rig.engine.transport().position = 1500;
    rig.run (1000, 256);
    CHECK (rig.engine.transport().position.load() == 2500);
}

TEST_CASE ("loop: the streamer keeps the loop's start loaded while the playhead is far from it", "[engine][loop][streaming]")
{
    TempFolder dir;
    const int64_t frames = 600000;
    writeAudio (dir / "long.wav", 1, 48000, frames, [] (int64_t n, int) { return frameValue (n % 65536); });
    LoopRig rig (sessionOf ({ dir / "long.wav" }));
    auto stream = rig.builder.placements().at (0).stream;
    rig.engine.transport().position = 560000;
    rig.engine.transport().setLoop (0, 580000, true);
    rig.streamer.startFollowing (rig.engine.transport());
    for (int i = 0; i < 500 && ! (stream->isResident (0) && stream->isResident (560000)); ++i)
        std::this_thread::sleep_for (std::chrono::milliseconds (5));
    CHECK (stream->isResident (0));
    CHECK (stream->isResident (560000));
    // Without the loop, the start is let go.
    rig.engine.transport().setLoop (0, 580000, false);
    rig.streamer.wake();
    for (int i = 0; i < 500 && stream->isResident (0); ++i)
        std::this_thread::sleep_for (std::chrono::milliseconds (5));
    CHECK_FALSE (stream->isResident (0));
    rig.streamer.stopFollowing();
}
