#include "DeskBench.h"

#include "Dsp/Chorus.h"
#include "Dsp/Delay.h"
#include "Dsp/Reverb.h"
#include "Engine/Engine.h"
#include "Engine/PlanBuilder.h"
#include "IO/AudioFileWriter.h"

#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <random>
#include <sstream>
#include <vector>

using namespace crest;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace
{
constexpr double rate = 48000;

std::vector<float> noiseProgram (size_t frames, int channels)
{
    std::vector<float> audio (frames * (size_t) channels);
    std::minstd_rand random (5);
    std::uniform_real_distribution<float> noise (-0.3f, 0.3f);
    for (auto& s : audio)
        s = noise (random);
    return audio;
}

// ns per stereo frame of one module on 10 s of noise in 512-frame blocks.
double moduleCost (Processor& module)
{
    const size_t frames = (size_t) (rate * 10);
    module.prepare ({ rate, 512, 2 });
    const auto audio = noiseProgram (frames, 2);
    std::vector<float> left (512), right (512);
    float* io[] = { left.data(), right.data() };
    double seconds = 0;
    for (size_t done = 0; done + 512 <= frames; done += 512)
    {
        for (size_t i = 0; i < 512; ++i)
        {
            left[i] = audio[(done + i) * 2];
            right[i] = audio[(done + i) * 2 + 1];
        }
        const auto start = Clock::now();
        module.process ({ io, 2, 512 });
        seconds += std::chrono::duration<double> (Clock::now() - start).count();
    }
    return seconds * 1e9 / (double) frames;
}

// N stereo tracks, each a full channel: trim, HPF 24 dB/oct, gate, six EQ
// bands, compressor, a fader automation lane, pan, and two post-fader
// sends at -12 dB into two aux buses (their strips empty).
SessionDocument fullChannels (const fs::path& file, int tracks, int64_t frames)
{
    SessionDocument session;
    for (const char* id : { "fx1", "fx2" })
    {
        BusDocument bus;
        bus.id = bus.name = id;
        session.buses.push_back (bus);
    }
    for (int t = 0; t < tracks; ++t)
    {
        TrackDocument track;
        track.id = "t" + std::to_string (t);
        track.channels = 2;
        track.trimDb = -2;
        track.pan = -40 + (t % 9) * 10;
        track.clips.push_back ({ file.string(), 0, 0, frames, 0.0, 0, 0 });
        auto& s = track.strip;
        for (const auto& [key, value] : std::initializer_list<std::pair<const char*, double>> {
                 { "filters.enabled", 1 }, { "filters.highPassOn", 1 }, { "gate.enabled", 1 }, { "gate.thresholdDb", -45 },
                 { "eq.enabled", 1 }, { "compressor.enabled", 1 }, { "compressor.thresholdDb", -20 } })
            s.set (key, value);
        const double gains[] = { 2, -3, 1.5, -2, 3, 1 };
        for (int b = 1; b <= 6; ++b)
        {
            s.set ("eq.band" + std::to_string (b) + ".on", 1);
            s.set ("eq.band" + std::to_string (b) + ".gainDb", gains[b - 1]);
        }
        track.sends = { { "fx1", -12, 0, false }, { "fx2", -12, 0, false } };
        track.automation = { { "faderDb", AutomationMode::read, { { 0, -6 }, { frames, 0, 0.3 } } } };
        session.tracks.push_back (std::move (track));
    }
    return session;
}

// Per-block wall times of the engine over `frames` in `block`-frame
// callbacks, disk prefetch untimed. With `realtime`, the calling thread
// runs SCHED_FIFO as a JACK callback does (when allowed), and the pool's
// workers follow it.
std::vector<double> blockTimes (const SessionDocument& session, int threads, int block, int64_t frames, bool realtime = false)
{
    struct Realtime
    {
        int policy = 0;
        sched_param saved {};
        bool changed = false;
        explicit Realtime (bool on)
        {
            pthread_getschedparam (pthread_self(), &policy, &saved);
            sched_param fifo {};
            fifo.sched_priority = 70;
            changed = on && pthread_setschedparam (pthread_self(), SCHED_FIFO, &fifo) == 0;
        }
        ~Realtime()
        {
            if (changed)
                pthread_setschedparam (pthread_self(), policy, &saved);
        }
    } scheduling (realtime);
    MediaPool media;
    PlanBuilder::Options options;
    options.maxBlockFrames = 512;
    PlanBuilder builder (media, options);
    DiskStreamer streamer;
    EngineOptions engineOptions;
    engineOptions.maxBlockFrames = 512;
    engineOptions.threads = threads;
    Engine engine (streamer, engineOptions);
    engine.plans().publish (builder.build (session));
    streamer.setPlacements (builder.placements());
    engine.transport().playing = true;
    std::vector<float> left ((size_t) block), right ((size_t) block);
    float* out[] = { left.data(), right.data() };
    std::vector<double> times;
    for (int64_t done = 0; done + block <= frames; done += block)
    {
        streamer.prefetch (done, block);
        const auto start = Clock::now();
        engine.process (out, 2, block);
        times.push_back (std::chrono::duration<double> (Clock::now() - start).count());
    }
    return times;
}

// The most full channels whose every callback (after a warm-up) ends
// within the 64-frame deadline, found by bisection.
std::pair<int, double> capacity (const fs::path& file, int threads, int64_t frames)
{
    const double deadline = 64.0 / rate;
    int low = 1, high = 1024;
    double worstAtLow = 0;
    while (low < high)
    {
        const int mid = (low + high + 1) / 2;
        // A shared VM stalls now and then for a millisecond whatever runs on
        // it: a count passes if any of three runs keeps every deadline.
        double worst = 1e9;
        for (int attempt = 0; attempt < 3 && worst >= deadline; ++attempt)
        {
            auto times = blockTimes (fullChannels (file, mid, frames), threads, 64, frames, true);
            worst = std::min (worst, *std::max_element (times.begin() + 50, times.end()));
        }
        if (worst < deadline)
        {
            low = mid;
            worstAtLow = worst;
        }
        else
            high = mid - 1;
    }
    return { low, worstAtLow };
}
} // namespace

std::string benchmarkDesk (const fs::path& work, bool quick)
{
    std::ostringstream report;
    report << std::fixed << std::setprecision (1);

    Reverb reverb;
    Delay delay;
    Chorus chorus;
    delay.setParameter (Delay::feedback, 50);
    const double reverbNs = moduleCost (reverb), delayNs = moduleCost (delay), chorusNs = moduleCost (chorus);
    report << "## Space\n\nEach module alone on 10 s of stereo noise in 512-frame blocks, ns per stereo frame (peers on this kind of "
              "machine: Ardour a-reverb 12, a-delay 13).\n\n| reverb (8-line FDN) | delay (ping-pong off, 50 % feedback) | chorus (2 voices) |\n|---|---|---|\n| "
           << reverbNs << " | " << delayNs << " | " << chorusNs << " |\n\n";

    const int64_t frames = (int64_t) (rate * (quick ? 2 : 4));
    const auto file = work / "desk-program.wav";
    {
        const auto audio = noiseProgram ((size_t) frames, 2);
        AudioFileWriter writer (file, { Container::wav, SampleEncoding::float32 }, 2, rate);
        writer.writeInterleaved (audio.data(), frames);
        writer.commit();
    }
    const int tracks = 32;
    double perTrack[2] = {};
    for (int block : { 512, 64 })
    {
        blockTimes (fullChannels (file, tracks, frames), 1, block, frames);   // warm-up
        const auto times = blockTimes (fullChannels (file, tracks, frames), 1, block, frames);
        double total = 0;
        for (double t : times)
            total += t;
        perTrack[block == 64 ? 1 : 0] = total * 1e9 / ((double) tracks * (double) times.size() * block);
    }
    report << "## A full channel in the engine\n\n" << tracks
           << " stereo tracks, each with trim, a 24 dB/oct high-pass, the gate, six EQ bands, the compressor, a fader automation lane "
              "(a bent ramp, evaluated per sample), pan and two post-fader sends at -12 dB into two aux buses, through `Engine::process` "
              "on one thread. Everything the engine does per block (clip reads from memory, the graph, the two buses, the mix bus) "
              "divided by tracks x frames:\n\n| 512-frame blocks | 64-frame blocks |\n|---|---|\n| "
           << perTrack[0] << " ns | " << perTrack[1] << " ns |\n\n";

    // Mean callback time at a fixed load, one and two threads: the scaling
    // the worker pool gives when the worst case is not the question.
    double meanUs[2] = {};
    for (int threads : { 1, 2 })
    {
        const auto times = blockTimes (fullChannels (file, 96, frames), threads, 64, frames);
        double total = 0;
        for (double t : times)
            total += t;
        meanUs[threads - 1] = total / (double) times.size() * 1e6;
    }
    const auto [one, worstOne] = capacity (file, 1, frames);
    const auto [two, worstTwo] = capacity (file, 2, frames);
    const double callbackUs = 64.0 / rate * 1e6;
    report << "## Channels per callback, one and two threads\n\nA simulated 64-frame callback at 48 kHz has " << callbackUs
           << " µs. The largest number of the full channels above whose every callback over " << (double) frames / rate
           << " s (after 50 warm-up callbacks) finished in time, by bisection; a count passes if one of three runs keeps every "
              "deadline, since this shared VM stalls for a millisecond now and then whatever runs. The calling thread runs SCHED_FIFO "
              "(priority 70) as a JACK callback would, and the pool's workers take on its class:\n\n| graph threads | channels | worst callback at that count |\n|---|---|---|\n"
           << "| 1 | **" << one << "** | " << worstOne * 1e6 << " µs |\n| 2 | **" << two << "** | " << worstTwo * 1e6 << " µs |\n\n"
           << "The arithmetic: " << callbackUs << " µs / (" << perTrack[1] << " ns x 64 frames) = "
           << std::setprecision (0) << callbackUs * 1000 / (perTrack[1] * 64) << std::setprecision (1)
           << " channels if every callback cost the average; the measured count is lower because the worst callback, not the mean, "
              "must fit. Two threads give " << std::setprecision (2) << (double) two / std::max (1, one) << std::setprecision (1)
           << "x on this 2-core machine, shared with the system. At a fixed 96 channels the mean callback takes " << meanUs[0]
           << " µs on one thread and " << meanUs[1] << " µs on two (" << std::setprecision (2) << meanUs[0] / meanUs[1]
           << std::setprecision (1) << "x).\n\n";
    std::fprintf (stderr, "desk: reverb %.1f, delay %.1f, chorus %.1f ns; channel %.1f / %.1f ns; capacity %d / %d; mean at 96: %.0f / %.0f us\n",
                  reverbNs, delayNs, chorusNs, perTrack[0], perTrack[1], one, two, meanUs[0], meanUs[1]);
    return report.str();
}
