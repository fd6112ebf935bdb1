#include "MasterBench.h"

#include "BenchAudio.h"

#include "Analysis/FileAnalysis.h"
#include "Dsp/LinearPhaseEq.h"
#include "Dsp/MasterEq.h"
#include "Dsp/MultibandCompressor.h"
#include "Dsp/Saturation.h"
#include "Dsp/StereoWidth.h"
#include "Dsp/TruePeakLimiter.h"
#include "Session/MasterChainJson.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <vector>

using namespace crest;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace
{
using bench::bestWallTime;
using bench::quoted;
using bench::rate;
using bench::threeMinutesOf;
constexpr double seconds = bench::threeMinutes;

// A module's time inside process(), per stereo frame, over the file.
double nsPerFrame (Processor& module, const std::vector<float>& audio, int block)
{
    module.prepare ({ rate, 4096, 2 });
    std::vector<float> left (4096), right (4096);
    float* channels[] = { left.data(), right.data() };
    const size_t frames = audio.size() / 2;
    double total = 0;
    for (size_t done = 0; done + (size_t) block <= frames; done += (size_t) block)
    {
        for (int i = 0; i < block; ++i)
        {
            left[(size_t) i] = audio[(done + (size_t) i) * 2];
            right[(size_t) i] = audio[(done + (size_t) i) * 2 + 1];
        }
        const auto start = Clock::now();
        module.process ({ channels, 2, block });
        total += std::chrono::duration<double> (Clock::now() - start).count();
    }
    return total * 1e9 / (double) frames;
}

// The full chain the issue names: an 8-band EQ, a 4-band multiband,
// saturation, width and the 4x true-peak limiter, every module working.
MasterChainPreset fullChain()
{
    MasterChainPreset preset;
    preset.name = "Benchmark: full chain";
    auto& chain = preset.chain;
    auto& eq = chain.add ("eq");
    for (int b = 1; b <= 8; ++b)
    {
        const auto band = "band" + std::to_string (b) + ".";
        eq.set (band + "on", 1);
        eq.set (band + "gainDb", b % 2 == 0 ? 1.5 : -1.0);
        eq.set (band + "mode", b <= 4 ? 0 : b <= 6 ? 1 : 2);
    }
    auto& multiband = chain.add ("multiband");   // four bands, each at -18 dB, 2:1
    multiband.set ("bands", 4);
    auto& saturation = chain.add ("saturation");   // tape, +6 dB drive
    saturation.set ("mix", 50);
    auto& width = chain.add ("width");
    width.set ("widthPercent", 120);
    width.set ("monoBelowHz", 120);
    chain.add ("limiter");
    return preset;
}
} // namespace

std::string benchmarkMastering (const fs::path& work, const std::string& cli, const fs::path& demoMix)
{
    const auto file = work / "three-minutes.wav";
    const auto audio = threeMinutesOf (demoMix, file);
    std::ostringstream report;
    report << std::fixed << std::setprecision (1);

    TruePeakLimiter limiter;
    limiter.setParameter (TruePeakLimiter::inputGainDb, 8.0);   // the demo mix brought to about -12 LUFS
    const double limiter512 = nsPerFrame (limiter, audio, 512), limiter64 = nsPerFrame (limiter, audio, 64);
    MultibandCompressor multiband;   // four bands, each at -18 dB, 2:1
    multiband.setParameter (MultibandCompressor::bandsIndex, 4);
    const double multiband512 = nsPerFrame (multiband, audio, 512), multiband64 = nsPerFrame (multiband, audio, 64);
    MasterEq eq;   // eight bands: four stereo, two mid, two side
    for (int b = 0; b < 8; ++b)
    {
        eq.setParameter (MasterEq::parameterIndex (b, ParametricEq::on), 1);
        eq.setParameter (MasterEq::parameterIndex (b, ParametricEq::gainDb), b % 2 == 0 ? 1.5 : -1.0);
        eq.setParameter (MasterEq::parameterIndex (b, MasterEq::modeField), b < 4 ? 0 : b < 6 ? 1 : 2);
    }
    const double eq512 = nsPerFrame (eq, audio, 512), eq64 = nsPerFrame (eq, audio, 64);
    Saturation saturation;   // tape, +6 dB drive, 8x oversampled
    const double saturation512 = nsPerFrame (saturation, audio, 512), saturation64 = nsPerFrame (saturation, audio, 64);
    StereoWidth width;
    width.setParameter (StereoWidth::widthPercent, 120);
    width.setParameter (StereoWidth::monoBelowHz, 120);
    const double width512 = nsPerFrame (width, audio, 512), width64 = nsPerFrame (width, audio, 64);
    LinearPhaseEq linearEq;   // the same eight bands, linear phase
    for (size_t i = 0; i < eq.parameterSpecs().size(); ++i)
        linearEq.setParameter (i, eq.parameter (i));
    const double linear512 = nsPerFrame (linearEq, audio, 512), linear64 = nsPerFrame (linearEq, audio, 64);
    report << "## Mastering\n\nA 3-minute stereo 48 kHz file: the demo's mix bus (before its master chain), repeated (-20 LUFS).\n\n"
           << "### Module cost, ns per stereo frame\n\n| module | 512-frame blocks | 64-frame blocks | peers (STANDARDS.md) |\n|---|---|---|---|\n"
           << "| true-peak limiter (+8 dB into it, -1 dBTP) | " << limiter512 << " | " << limiter64 << " | x42-dpl 190 / 191, LSP 4x 162 / 174 |\n"
           << "| multiband compressor (4 Linkwitz-Riley bands) | " << multiband512 << " | " << multiband64 << " | ZaMultiCompX2 87 / 93, Calf 449 / 473 |\n"
           << "| EQ (8 bands: 4 stereo, 2 mid, 2 side) | " << eq512 << " | " << eq64 << " | LSP 4-band 11.6 / 41.5, Ardour a-eq 35.4 / 36.7 |\n"
           << "| saturation (tape, +6 dB drive, 8x oversampled) | " << saturation512 << " | " << saturation64 << " | |\n"
           << "| stereo width (120 %, mono below 120 Hz) | " << width512 << " | " << width64 << " | |\n"
           << "| linear-phase EQ (the same 8 bands; 16384 taps, FFT convolution) | " << linear512 << " | " << linear64 << " | |\n\n";

    const double analyze = bestWallTime (cli + " analyze " + quoted (file));
    const double ffmpegR128 = bestWallTime ("ffmpeg -nostdin -v error -i " + quoted (file) + " -af ebur128=peak=true -f null -");
    const auto ours = analyzeFile (file).loudness;
    report << "### `crest analyze` against ffmpeg's ebur128\n\nIntegrated, LRA, 4x true peak (and sample peak, momentary and short-term maxima, PLR, crest factor, correlation) on the 3-minute file, best of 3:\n\n"
           << "| tool | wall time | multiple of real time |\n|---|---|---|\n"
           << "| crest analyze | " << std::setprecision (3) << analyze << " s | " << std::setprecision (0) << seconds / analyze << "x |\n"
           << "| ffmpeg -af ebur128=peak=true | " << std::setprecision (3) << ffmpegR128 << " s | " << std::setprecision (0) << seconds / ffmpegR128 << "x |\n\n"
           << std::setprecision (2) << "crest analyze is **" << ffmpegR128 / analyze << "x** as fast (goal: 2x). It read " << ours.integratedLufs << " LUFS, LRA "
           << ours.loudnessRangeLu << " LU, true peak " << ours.truePeakDbtp << " dBTP (the agreement with ffmpeg is tested: Tests/Cli/AnalyzeCommandTests).\n\n";

    const auto chainFile = work / "full-chain.json";
    {
        std::ofstream out (chainFile);
        out << writeMasterChainPreset (fullChain());
    }
    const double master = bestWallTime (cli + " master " + quoted (file) + " -o " + quoted (work / "mastered.wav") + " --target -14 --force");
    const double masterFull = bestWallTime (cli + " master " + quoted (file) + " -o " + quoted (work / "mastered.wav") + " --target -14 --force --chain "
                                            + quoted (chainFile));
    const double ffmpegLimiter = bestWallTime ("ffmpeg -nostdin -v error -i " + quoted (file)
                                               + " -af volume=6dB,alimiter=limit=0.891:level=false,ebur128=peak=true -f null -");
    const double ffmpegChain = bestWallTime (
        "ffmpeg -nostdin -v error -i " + quoted (file)
        + " -filter_complex '[0:a]equalizer=f=60:t=q:w=0.7:g=1,equalizer=f=250:t=q:w=1:g=-1,equalizer=f=1000:t=q:w=1:g=0.5,"
          "equalizer=f=3000:t=q:w=1:g=1,equalizer=f=6000:t=q:w=1:g=-0.5,equalizer=f=10000:t=q:w=0.7:g=1,equalizer=f=14000:t=q:w=0.7:g=0.5,"
          "equalizer=f=18000:t=q:w=0.7:g=-1,acrossover=split=120 800 5000[b0][b1][b2][b3];[b0]acompressor[c0];[b1]acompressor[c1];"
          "[b2]acompressor[c2];[b3]acompressor[c3];[c0][c1][c2][c3]amix=inputs=4:normalize=0,volume=6dB,alimiter=limit=0.891:level=false,"
          "ebur128=peak=true' -f null -");
    report << "### `crest master` to -14 LUFS\n\n`crest master` measures the file, searches the gain into the chain's limiter in passes over the file (each one a full run through the chain and the meter) and writes a 24-bit file with TPDF dither. The default chain is EQ (flat), width (neutral) and the limiter; the full chain is an 8-band EQ (4 stereo, 2 mid, 2 side bands), the 4-band multiband, tape saturation at +6 dB drive and 50 % mix, width 120 % with mono below 120 Hz, and the limiter. Best of 3, file I/O included:\n\n"
           << "| tool | wall time | multiple of real time |\n|---|---|---|\n"
           << "| crest master --target -14, default chain (analysis, search passes, the written pass) | " << std::setprecision (2) << master << " s | " << std::setprecision (0) << seconds / master << "x |\n"
           << "| crest master --target -14, full chain | " << std::setprecision (2) << masterFull << " s | " << std::setprecision (0) << seconds / masterFull << "x |\n"
           << "| ffmpeg volume, alimiter, ebur128 (one pass, no search, no file written) | " << std::setprecision (2) << ffmpegLimiter << " s | "
           << std::setprecision (0) << seconds / ffmpegLimiter << "x |\n"
           << "| ffmpeg 8 x equalizer, 4-band acrossover + acompressor, alimiter, ebur128 (one pass) | " << std::setprecision (2) << ffmpegChain << " s | "
           << std::setprecision (0) << seconds / ffmpegChain << "x |\n\n"
           << "The full chain against the ffmpeg chain: " << std::setprecision (2) << ffmpegChain / masterFull << "x (Crest doing the search passes and writing the file, ffmpeg one pass). Goal (issue 9): the full chain at 100x real time or more on one core.\n\n";
    std::fprintf (stderr, "mastering: multiband %.1f / %.1f ns, EQ %.1f / %.1f, saturation %.1f / %.1f, width %.1f / %.1f\n", multiband512,
                  multiband64, eq512, eq64, saturation512, saturation64, width512, width64);
    std::fprintf (stderr, "mastering: limiter %.1f / %.1f ns, linear-phase EQ %.1f / %.1f ns, analyze %.2f s vs ffmpeg %.2f s, master %.2f s (full chain %.2f s), ffmpeg limiter %.2f s, chain %.2f s\n",
                  limiter512, limiter64, linear512, linear64, analyze, ffmpegR128, master, masterFull, ffmpegLimiter, ffmpegChain);
    return report.str();
}
