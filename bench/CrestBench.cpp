// crest_bench: measures Crest's render speed, memory and mixing cost, and
// times a peer (sox -m) on the same stems in the same run. Writes a
// Markdown report (bench/run puts it in docs/benchmarks.md).
//
// Usage: crest_bench CREST_CLI_PATH OUTPUT.md [--quick | --strip | --master | --comparison]
#include "ComparisonBench.h"
#include "DeskBench.h"
#include "MasterBench.h"
#include "StripBench.h"

#include "Demo/DemoSong.h"
#include "Engine/Engine.h"
#include "Engine/PlanBuilder.h"
#include "IO/AudioFileWriter.h"
#include "Render/OfflineRenderer.h"
#include "Session/SessionFile.h"

#include <chrono>
#include <thread>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numbers>
#include <iomanip>
#include <sstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <spawn.h>

using namespace crest;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

extern char** environ;

namespace
{
double secondsSince (Clock::time_point start)
{
    return std::chrono::duration<double> (Clock::now() - start).count();
}

// A stem of `seconds` at 48 kHz, written in blocks so memory stays flat.
void writeStem (const fs::path& file, int channels, double seconds, int seed)
{
    AudioFileWriter writer (file, { Container::wav, SampleEncoding::int16 }, channels, 48000);
    const int64_t total = (int64_t) (seconds * 48000);
    std::vector<float> block (48000 * (size_t) channels);
    for (int64_t done = 0; done < total; done += 48000)
    {
        const int64_t n = std::min<int64_t> (48000, total - done);
        for (int64_t i = 0; i < n; ++i)
            for (int ch = 0; ch < channels; ++ch)
                block[(size_t) (i * channels + ch)] =
                    (float) (0.1 * std::sin (2 * std::numbers::pi * (110.0 + 37.0 * seed + ch) * (double) (done + i) / 48000.0));
        writer.writeInterleaved (block.data(), n);
    }
    writer.commit();
}

// Tracks cycle through the stems; each track starts its clip at its own
// source offset, so no two tracks share a disk stream.
SessionDocument sessionOver (const std::vector<fs::path>& stems, int tracks, int channels, int64_t frames)
{
    SessionDocument session;
    for (int t = 0; t < tracks; ++t)
    {
        TrackDocument track;
        track.id = "t" + std::to_string (t);
        track.name = track.id;
        track.channels = channels;
        track.pan = (double) ((t * 37) % 200 - 100);
        const int64_t offset = (int64_t) (t / (int) stems.size()) * 1000;
        track.clips.push_back ({ stems[(size_t) t % stems.size()].string(), 0, offset, frames - offset, 0.0, 0, 0 });
        session.tracks.push_back (track);
    }
    return session;
}

double timeRender (const SessionDocument& session, const fs::path& out)
{
    MediaPool media;
    RenderRequest request;
    request.output = out;
    request.replaceExisting = true;   // the same name, run after run
    request.format = { Container::wav, SampleEncoding::float32 };
    const auto start = Clock::now();
    renderSession (session, request, media);
    return secondsSince (start);
}

// Time spent inside Engine::process only (disk prefetch untimed), in
// seconds, for the whole session in 512-frame blocks.
double timeEngineOnly (const SessionDocument& session, int64_t frames)
{
    MediaPool media;
    PlanBuilder builder (media, {});
    DiskStreamer streamer;
    EngineOptions engineOptions;
    engineOptions.maxBlockFrames = 512;
    engineOptions.threads = 1;   // per track and sample on one core
    Engine engine (streamer, engineOptions);
    engine.plans().publish (builder.build (session));
    streamer.setPlacements (builder.placements());
    engine.transport().playing = true;
    std::vector<float> left (512), right (512);
    float* out[] = { left.data(), right.data() };
    double seconds = 0;
    for (int64_t done = 0; done < frames; done += 512)
    {
        streamer.prefetch (done, 512);
        const auto start = Clock::now();
        engine.process (out, 2, 512);
        seconds += secondsSince (start);
    }
    return seconds;
}

// Runs a command; returns wall seconds and the child's peak RSS in MB.
std::pair<double, double> runChild (std::vector<std::string> args)
{
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back (a.data());
    argv.push_back (nullptr);
    const auto start = Clock::now();
    pid_t pid = 0;
    if (posix_spawnp (&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
        return { -1, -1 };
    int status = 0;
    struct rusage usage {};
    wait4 (pid, &status, 0, &usage);
    return { secondsSince (start), (double) usage.ru_maxrss / 1024.0 };
}
} // namespace

int main (int argc, char** argv)
{
    if (argc < 3)
    {
        std::fprintf (stderr, "usage: crest_bench CREST_CLI OUTPUT.md [--quick | --strip | --master | --comparison]\n");
        return 2;
    }
    const std::string cli = argv[1];
    const bool quick = argc > 3 && std::string (argv[3]) == "--quick";
    const bool stripOnly = argc > 3 && std::string (argv[3]) == "--strip";
    const fs::path work = fs::temp_directory_path() / "crest-bench";
    fs::remove_all (work);
    fs::create_directories (work);
    const bool masterOnly = argc > 3 && std::string (argv[3]) == "--master";
    const bool comparisonOnly = argc > 3 && std::string (argv[3]) == "--comparison";
    if (comparisonOnly)
    {
        const auto song = writeDemoSong (work / "demo");
        timeRender (withoutMaster (song.session), work / "demo-premaster.wav");
        std::ofstream (argv[2]) << benchmarkComparison (work, cli, work / "demo-premaster.wav");
        fs::remove_all (work);
        return 0;
    }
    if (masterOnly)
    {
        // Just the mastering section, on a fresh render of the demo's mix bus.
        const auto song = writeDemoSong (work / "demo");
        timeRender (withoutMaster (song.session), work / "demo-premaster.wav");
        std::ofstream (argv[2]) << benchmarkMastering (work, cli, work / "demo-premaster.wav");
        fs::remove_all (work);
        return 0;
    }
    if (stripOnly)
    {
        // Just the strip and desk sections, for working on the DSP.
        std::ofstream (argv[2]) << benchmarkChannelStrip (work) << benchmarkDesk (work, true);
        fs::remove_all (work);
        return 0;
    }
    std::ostringstream report;
    report << std::fixed << std::setprecision (2);
    report << "# Benchmarks\n\nWritten by `bench/run` (crest_bench) on this machine: " << std::thread::hardware_concurrency()
           << " cores. Wall-clock times, one run each after a warm-up; the peer is timed in the same run.\n\n";

    // 1. Memory on a long, wide session: streamed, not loaded. Measured
    // first, while this process is small: a spawned child's ru_maxrss
    // starts from the parent's resident size at the moment of the spawn.
    {
        const double minutes = quick ? 1.0 : 10.0;
        std::vector<fs::path> longStems;
        for (int k = 0; k < 8; ++k)
        {
            longStems.push_back (work / ("long" + std::to_string (k) + ".wav"));
            writeStem (longStems.back(), 2, minutes * 60, k);
        }
        auto session = sessionOver (longStems, 64, 2, (int64_t) (minutes * 60 * 48000));
        saveSessionFile (session, work / "long.crest");
        const auto [seconds, rss] = runChild ({ cli, "render", (work / "long.crest").string(), "-o", (work / "long-mix.wav").string() });
        report << "## A 64-track, " << minutes << "-minute stereo session\n\n64 stereo tracks (8 distinct 16-bit stems, 1.15 GB of audio per 10 min) rendered to 24-bit WAV by `crest render`: "
               << seconds << " s (" << minutes * 60 / seconds << "x real time), **peak RSS " << rss << " MB** (budget: 200 MB).\n\n";
        std::fprintf (stderr, "64 tracks x %.0f min: %.1f s, peak RSS %.1f MB\n", minutes, seconds, rss);
    }

    std::vector<fs::path> shortStems;
    for (int k = 0; k < 8; ++k)
    {
        shortStems.push_back (work / ("short" + std::to_string (k) + ".wav"));
        writeStem (shortStems.back(), 1, 20, k);
    }
    // The same mix by sox -m, on the same stems, while this process is
    // still small (see above about ru_maxrss).
    {
        auto session = sessionOver (shortStems, 8, 1, 20 * 48000);
        saveSessionFile (session, work / "sox-peer.crest");
        std::vector<std::string> sox { "sox", "-m" };
        for (auto& s : shortStems)
            sox.push_back (s.string());
        sox.push_back ((work / "sox-mix.wav").string());
        const auto [soxSeconds, soxRss] = runChild (sox);
        const auto [crestSeconds, crestRss] = runChild ({ cli, "render", (work / "sox-peer.crest").string(), "-o", (work / "crest-mix.wav").string(), "--bits", "16" });
        const double inProcess = timeRender (session, work / "crest-mix-inprocess.wav");
        report << "\n## Against a peer: `sox -m`\n\nThe same 8 mono 20 s stems mixed to a 16-bit file. sox sums; `crest render` also pans each track, dithers, verifies the file and measures loudness and 4x true peak for its report (most of its time).\n\n"
               << "| tool | wall time | peak RSS |\n|---|---|---|\n| sox -m | " << soxSeconds << " s | " << soxRss << " MB |\n| crest render | "
               << crestSeconds << " s | " << crestRss << " MB |\n| crest engine in process (no report, 32-bit float out) | " << inProcess
               << " s | |\n\nBoth run as child processes while the benchmark itself is still small, so their peak RSS is their own.\n\n"
               << "Ratio crest render / sox: **" << crestSeconds / soxSeconds << "**; crest engine / sox: **" << inProcess / soxSeconds << "**.\n\n";
        std::fprintf (stderr, "sox %.3f s, crest %.3f s\n", soxSeconds, crestSeconds);
    }

    // 2. Demo render speed.
    const auto song = writeDemoSong (work / "demo");
    timeRender (song.session, work / "warm.wav");
    const double demoSeconds = (double) song.session.tracks[0].clips[0].lengthSamples / 48000.0;
    double best = 1e9;
    for (int i = 0; i < 3; ++i)
        best = std::min (best, timeRender (song.session, work / "demo-mix.wav"));
    report << "## Offline render of the demo session\n\n8 tracks, 3 buses and the master chain (EQ, multiband, width, limiter), " << demoSeconds << " s at 48 kHz, 32-bit float WAV out: **"
           << std::lround (demoSeconds / best) << "x real time** (" << best * 1000 << " ms, best of 3).\n\n";
    std::fprintf (stderr, "demo: %.0fx real time\n", demoSeconds / best);

    // 3. Mixing cost per track per sample.
    report << "## Mixing cost\n\nMono 16-bit stems, 20 s each, at 48 kHz. *End to end*: a whole render (disk read, strips, pan, mix bus, 32-bit file write) divided by tracks x samples. *Engine only*: time inside `Engine::process` (clip reads from memory, trim, fader, pan, sum, bus), 512-frame blocks.\n\n"
           << "| tracks | render time | end to end, ns per track per sample | engine only, ns per track per sample |\n|---|---|---|---|\n";
    for (int tracks : { 16, 64, 256 })
    {
        const auto session = sessionOver (shortStems, tracks, 1, 20 * 48000);
        const double t = timeRender (session, work / "mix.wav");
        const double ns = t * 1e9 / ((double) tracks * 20 * 48000);
        const double engineNs = timeEngineOnly (session, 20 * 48000) * 1e9 / ((double) tracks * 20 * 48000);
        report << "| " << tracks << " | " << t << " s | " << ns << " | " << engineNs << " |\n";
        std::fprintf (stderr, "%d tracks: %.2f ns/track/sample end to end, %.2f engine only\n", tracks, ns, engineNs);
    }

    // 4. The channel strip.
    report << benchmarkChannelStrip (work);
    report << benchmarkDesk (work, quick);

    // 5. Mastering.
    // Mastering starts from the mix: the demo's mix bus, before its master chain.
    timeRender (withoutMaster (song.session), work / "demo-premaster.wav");
    report << benchmarkMastering (work, cli, work / "demo-premaster.wav");
    report << benchmarkComparison (work, cli, work / "demo-premaster.wav");

    std::ofstream (argv[2]) << report.str();
    fs::remove_all (work);
    return 0;
}
