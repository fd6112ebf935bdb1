#include "StripBench.h"

#include "Core/StripParameters.h"
#include "Engine/ChannelRuntime.h"
#include "IO/AudioFileWriter.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
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
constexpr int seconds = 20;

// Pink-ish program: noise through a gentle low-pass, with a slow level
// ride, so the gate opens and closes and the compressor works.
std::vector<float> program (int channels)
{
    const auto frames = (size_t) (rate * seconds);
    std::vector<float> audio (frames * (size_t) channels);
    std::minstd_rand random (11);
    std::uniform_real_distribution<float> noise (-1.0f, 1.0f);
    float state[2] = {};
    for (size_t i = 0; i < frames; ++i)
    {
        const float ride = 0.05f + 0.45f * (float) (0.5 + 0.5 * std::sin (2 * 3.14159265 * (double) i / (rate * 2.5)));
        for (int ch = 0; ch < channels; ++ch)
        {
            state[ch] = 0.9f * state[ch] + 0.1f * noise (random);
            audio[i * (size_t) channels + (size_t) ch] = ride * 3.0f * state[ch];
        }
    }
    return audio;
}

void fullStrip (StripDocument& strip)
{
    for (const auto& [key, value] : std::initializer_list<std::pair<const char*, double>> {
             { "filters.enabled", 1 }, { "filters.highPassOn", 1 }, { "filters.highPassHz", 80 }, { "gate.enabled", 1 },
             { "gate.thresholdDb", -45 }, { "eq.enabled", 1 }, { "compressor.enabled", 1 }, { "compressor.thresholdDb", -20 } })
        strip.set (key, value);
    const double gains[] = { 2, -3, 1.5, -2, 3, 1 };
    for (int b = 1; b <= 6; ++b)
    {
        strip.set ("eq.band" + std::to_string (b) + ".on", 1);
        strip.set ("eq.band" + std::to_string (b) + ".gainDb", gains[b - 1]);
    }
}

// ns per stereo frame of ChannelRuntime::process over the program, in `block`-frame calls.
double nsPerFrame (const StripDocument& strip, const std::vector<float>& audio, int block)
{
    ChannelRuntime runtime (2, rate, 4096, ProcessorChain {});
    runtime.strip.applyAll (strip);
    runtime.controls.faderDb = -3.0f;
    runtime.controls.pan = 20.0f;
    const size_t frames = audio.size() / 2;
    float* const* input = runtime.input();
    double total = 0;
    for (size_t done = 0; done + (size_t) block <= frames; done += (size_t) block)
    {
        for (int i = 0; i < block; ++i)
        {
            input[0][i] = audio[(done + (size_t) i) * 2];
            input[1][i] = audio[(done + (size_t) i) * 2 + 1];
        }
        const auto start = Clock::now();
        runtime.process (block, PanLaw::minus3Db, true, nullptr);
        total += std::chrono::duration<double> (Clock::now() - start).count();
    }
    return total * 1e9 / (double) frames;
}
} // namespace

std::string benchmarkChannelStrip (const fs::path& work)
{
    std::ostringstream report;
    report << std::fixed << std::setprecision (1);
    const auto audio = program (2);
    StripDocument full, off;
    fullStrip (full);

    nsPerFrame (full, audio, 512);   // warm-up
    const double full512 = nsPerFrame (full, audio, 512), full64 = nsPerFrame (full, audio, 64);
    const double off512 = nsPerFrame (off, audio, 512), off64 = nsPerFrame (off, audio, 64);

    // The peer: ffmpeg doing the same chain on the same audio.
    const auto file = work / "strip-program.wav";
    {
        AudioFileWriter writer (file, { Container::wav, SampleEncoding::float32 }, 2, rate);
        writer.writeInterleaved (audio.data(), (int64_t) audio.size() / 2);
        writer.commit();
    }
    const std::string filters = "highpass=f=80:poles=2,highpass=f=80:poles=2,agate=threshold=0.0056,"
                                "equalizer=f=80:t=q:w=0.7:g=2,equalizer=f=200:t=q:w=0.7:g=-3,equalizer=f=500:t=q:w=0.7:g=1.5,"
                                "equalizer=f=1200:t=q:w=0.7:g=-2,equalizer=f=3000:t=q:w=0.7:g=3,equalizer=f=6000:t=q:w=0.7:g=1,"
                                "acompressor=threshold=0.1:ratio=4:attack=10:release=120,volume=-3dB,pan=stereo|c0=c0|c1=c1";
    const auto command = "ffmpeg -v error -y -i '" + file.string() + "' -af '" + filters + "' -f null - 2>/dev/null";
    double ffmpegSeconds = 1e9;
    for (int run = 0; run < 3; ++run)
    {
        const auto start = Clock::now();
        const int status = std::system (command.c_str());
        const double t = std::chrono::duration<double> (Clock::now() - start).count();
        if (status == 0)
            ffmpegSeconds = std::min (ffmpegSeconds, t);
    }
    const double frames = rate * seconds;
    const double ffmpegNs = ffmpegSeconds * 1e9 / frames;

    // A 64-frame callback at 48 kHz lasts 1.333 ms; one core fits this
    // many full strips in it (the engine's summing and I/O not counted).
    const double callbackNs = 64.0 / rate * 1e9;
    const double stripsPerCore = callbackNs / (full64 * 64.0);

    report << "## The channel strip\n\nA stereo track through `ChannelRuntime::process`: trim, a 24 dB/oct high-pass, the gate, six EQ bands "
              "(matched designs), the compressor, fader and pan, on 20 s of noise with a slow level ride: the strip alone (the full channel with "
              "automation and sends, in the engine, is below). Best-case wall time inside the call, per stereo frame.\n\n"
           << "| strip | 512-frame blocks | 64-frame blocks |\n|---|---|---|\n"
           << "| full (HPF, gate, 6-band EQ, compressor) | " << full512 << " ns | " << full64 << " ns |\n"
           << "| every module off (trim, fader, pan) | " << off512 << " ns | " << off64 << " ns |\n\n";
    if (ffmpegSeconds < 1e9)
        report << "The same chain in ffmpeg (`highpass` x2, `agate`, `equalizer` x6, `acompressor`, `volume`, `pan`, decoding a float "
                  "WAV to `-f null`), best of 3 in this run: **"
               << ffmpegNs << " ns per stereo frame**; Crest's full strip at 512 frames is " << std::setprecision (2) << full512 / ffmpegNs
               << std::setprecision (1) << "x that.\n\n";
    else
        report << "ffmpeg was not found, so the peer was not timed.\n\n";
    report << "In a 64-frame callback (" << callbackNs / 1e6 << " ms at 48 kHz) one core fits " << callbackNs << " ns / (" << full64
           << " ns x 64) = **" << std::setprecision (0) << stripsPerCore << " full strips**, the mix path not counted. Goals (issue 8): "
           << "25 ns at 512 and 33 ns at 64 per full strip.\n\n";
    std::fprintf (stderr, "strip: full %.1f / %.1f ns, off %.1f / %.1f ns, ffmpeg %.1f ns\n", full512, full64, off512, off64, ffmpegNs);
    return report.str();
}
