#include "Engine/Engine.h"
#include "Engine/PlanBuilder.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace crest;
using namespace crest::test;

namespace
{
const float centre = (float) std::cos (3.14159265358979323846 / 4);

// Drives the engine directly, the way a device callback would.
struct Rig
{
    explicit Rig (const SessionDocument& session) : builder (media, {})
    {
        engine.plans().publish (builder.build (session));
        streamer.setPlacements (builder.placements());
        engine.transport().playing = true;
    }

    std::vector<float> run (int frames, int block = 64)
    {
        std::vector<float> left ((size_t) frames), right ((size_t) frames);
        for (int done = 0; done < frames; done += block)
        {
            const int n = std::min (block, frames - done);
            float* out[] = { left.data() + done, right.data() + done };
            streamer.prefetch (engine.transport().position.load(), n);
            engine.process (out, 2, n);
        }
        return left;
    }

    MediaPool media { std::filesystem::temp_directory_path() / "crest-test-cache" };
    PlanBuilder builder;
    DiskStreamer streamer;
    Engine engine { streamer };
};

std::filesystem::path constantFile (const TempFolder& dir, const std::string& name, float value, int64_t frames = 48000)
{
    const auto file = dir / name;
    writeAudio (file, 1, 48000, frames, [value] (int64_t, int) { return value; });
    return file;
}
} // namespace

TEST_CASE ("solo silences every other track; mute silences its own", "[engine][strip]")
{
    TempFolder dir;
    auto session = sessionOf ({ constantFile (dir, "a.wav", 0.25f), constantFile (dir, "b.wav", 0.5f) });
    {
        Rig rig (session);
        CHECK (rig.run (256)[100] == Approx (0.75f * centre).margin (1e-6));
    }
    session.tracks[1].solo = true;
    {
        Rig rig (session);
        CHECK (rig.run (256)[100] == Approx (0.5f * centre).margin (1e-6));
    }
    session.tracks[1].solo = false;
    session.tracks[1].mute = true;
    {
        Rig rig (session);
        CHECK (rig.run (256)[100] == Approx (0.25f * centre).margin (1e-6));
    }
}

TEST_CASE ("a fader move is a 20 ms linear ramp, with no step", "[engine][strip][smoothing]")
{
    TempFolder dir;
    auto session = sessionOf ({ constantFile (dir, "a.wav", 0.5f) });
    Rig rig (session);
    rig.run (480);
    rig.builder.runtimeFor ("t1")->controls.faderDb = (float) params::faderDb.minimum;   // off
    const auto out = rig.run (2000, 64);
    const float start = 0.5f * centre;
    float largestStep = 0;
    for (size_t i = 1; i < out.size(); ++i)
        largestStep = std::max (largestStep, std::abs (out[i] - out[i - 1]));
    CHECK (largestStep == Approx (start / 960.0f).epsilon (0.01));   // 20 ms at 48 kHz
    CHECK (out[0] < start);
    CHECK (out[958] > 0.0f);
    CHECK (out[959] == 0.0f);
    CHECK (out[1999] == 0.0f);
}

TEST_CASE ("clips play from their offset at their start, with gain and fades", "[engine][clips]")
{
    TempFolder dir;
    const auto file = dir / "ramp.wav";
    writeAudio (file, 1, 48000, 4000, [] (int64_t i, int) { return (float) i / 8000.0f; });
    SessionDocument session;
    session.panLaw = PanLaw::zeroDb;
    TrackDocument track;
    track.id = "t";
    track.clips.push_back ({ file.string(), 1000, 500, 2000, -6.0206, 100, 200 });
    session.tracks.push_back (track);
    Rig rig (session);
    const auto out = rig.run (4000, 100);
    const float half = (float) std::pow (10.0, -6.0206 / 20.0);
    CHECK (out[999] == 0.0f);
    CHECK (out[1000] == 0.0f);                                                  // fade-in starts at zero
    CHECK (out[1050] == Approx (550 / 8000.0f * half * 0.5f).margin (1e-6));    // half-way up the fade
    CHECK (out[1500] == Approx (1000 / 8000.0f * half).margin (1e-6));          // offset 500 + 500
    CHECK (out[2900] == Approx (2400 / 8000.0f * half * 0.5f).margin (1e-6));   // half-way down
    CHECK (out[3000] == 0.0f);                                                  // clip over
}

TEST_CASE ("a plan swapped mid-play keeps strips and streams, so nothing restarts", "[engine][plan]")
{
    TempFolder dir;
    auto session = sessionOf ({ constantFile (dir, "a.wav", 0.5f) });
    Rig rig (session);
    rig.run (1000);
    const auto runtime = rig.builder.runtimeFor ("t1");
    session.tracks.push_back (session.tracks[0]);
    session.tracks.back().id = "t2";
    rig.engine.plans().publish (rig.builder.build (session));
    rig.streamer.setPlacements (rig.builder.placements());
    CHECK (rig.builder.runtimeFor ("t1") == runtime);
    const auto out = rig.run (500);
    CHECK (out[499] == Approx (2 * 0.5f * centre).margin (1e-6));
    CHECK (rig.engine.underrunFrames() == 0);
    rig.engine.plans().collectGarbage();
}

TEST_CASE ("a media file replaced on disk by one with other channels fails cleanly", "[engine][badinput]")
{
    TempFolder dir;
    const auto file = constantFile (dir, "vox.wav", 0.5f);
    auto session = sessionOf ({ file });
    Rig rig (session);
    // Re-bounced as stereo by another program before Crest read a frame.
    writeAudio (file, 2, 48000, 48000, [] (int64_t, int) { return 0.25f; });
    const auto out = rig.run (512);
    CHECK (out[100] == 0.0f);
    const auto problems = rig.streamer.takeProblems();
    REQUIRE (problems.size() == 1);
    CHECK (problems[0] == file.string() + ": changed on disk (now 2 channels, was 1); reopen the session");
}

TEST_CASE ("an absurd clip length costs nothing beyond its media", "[engine][badinput]")
{
    TempFolder dir;
    auto session = sessionOf ({ constantFile (dir, "a.wav", 0.5f) });
    session.tracks[0].clips[0].lengthSamples = int64_t (1) << 40;
    Rig rig (session);
    const auto out = rig.run (96000, 4096);
    CHECK (out[1000] == Approx (0.5f * centre).margin (1e-6));
    CHECK (out[60000] == 0.0f);   // past the media: silence, not an underrun
    CHECK (rig.engine.underrunFrames() == 0);
}

TEST_CASE ("monitor dim and mono change what is heard, glide, and leave the mix itself alone", "[engine][monitor]")
{
    TempFolder dir;
    // Left-only: a mono track panned hard left.
    auto session = sessionOf ({ constantFile (dir, "c.wav", 0.5f) });
    session.tracks[0].pan = -100;
    Rig rig (session);
    SampleFifo tap (48000 * 2);
    rig.engine.setCaptureTap (&tap);

    auto runStereo = [&] (int frames) {
        std::vector<float> left ((size_t) frames), right ((size_t) frames);
        float* out[] = { left.data(), right.data() };
        rig.streamer.prefetch (rig.engine.transport().position.load(), frames);
        rig.engine.process (out, 2, frames);
        return std::pair { left, right };
    };
    auto [l0, r0] = runStereo (256);
    CHECK (l0.back() == Approx (0.5f));
    CHECK (r0.back() == 0.0f);

    rig.engine.monitor().setDim (true);
    rig.engine.monitor().setMono (true);
    auto [l1, r1] = runStereo (2048);
    // After the 20 ms glide: both sides carry (L + R) / 2, 20 dB down.
    CHECK (l1.back() == Approx (0.25f * 0.1f).margin (1e-6));
    CHECK (r1.back() == Approx (0.25f * 0.1f).margin (1e-6));
    // The glide: no step larger than the whole change spread over 960 samples, twice.
    for (size_t i = 1; i < l1.size(); ++i)
        REQUIRE (std::abs (l1[i] - l1[i - 1]) < 2 * 0.5f / 960);

    // The tap (the mix, as a render would write it) is untouched.
    std::vector<float> tapped (2 * (256 + 2048));
    REQUIRE (tap.pop (tapped.data(), tapped.size()) == tapped.size());
    CHECK (tapped[tapped.size() - 2] == Approx (0.5f));
    CHECK (tapped[tapped.size() - 1] == 0.0f);
    rig.engine.setCaptureTap (nullptr);
}
