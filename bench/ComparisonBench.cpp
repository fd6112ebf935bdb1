#include "ComparisonBench.h"

#include "BenchAudio.h"

#include "Mastering/ChainPresets.h"
#include "Mastering/FileMastering.h"
#include "Mastering/MatchSettling.h"
#include "Mastering/ReferenceMatch.h"

#include <chrono>
#include <iomanip>
#include <sstream>

using namespace crest;
using namespace crest::bench;
namespace fs = std::filesystem;

namespace
{
double secondsOf (const std::function<void()>& work)
{
    double best = 1e9;
    for (int run = 0; run < 3; ++run)
    {
        const auto start = std::chrono::steady_clock::now();
        work();
        best = std::min (best, std::chrono::duration<double> (std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

// The reference: the mix through a known EQ (a low shelf up, a bell down, the top up), louder.
MasterChainDocument knownChain()
{
    MasterChainDocument chain;
    auto& eq = chain.add ("eq");
    eq.set ("band1.on", 1);
    eq.set ("band1.shape", (double) FilterShape::lowShelf);
    eq.set ("band1.frequencyHz", 110);
    eq.set ("band1.gainDb", 3);
    eq.set ("band2.on", 1);
    eq.set ("band2.frequencyHz", 600);
    eq.set ("band2.gainDb", -2.5);
    eq.set ("band3.on", 1);
    eq.set ("band3.shape", (double) FilterShape::highShelf);
    eq.set ("band3.frequencyHz", 8000);
    eq.set ("band3.gainDb", 2);
    chain.add ("limiter").set ("inputGainDb", 4);
    return chain;
}

// A tamer reference: the mix through a multiband holding every band down
// from -40 dB at 3:1, slowly, so its loudness range is smaller.
MasterChainDocument tamingChain()
{
    MasterChainDocument chain;
    auto& multiband = chain.add ("multiband");
    for (int b = 1; b <= 4; ++b)
    {
        const auto n = "band" + std::to_string (b) + ".";
        multiband.set (n + "thresholdDb", -40);
        multiband.set (n + "ratio", 3);
        multiband.set (n + "attackMs", 50);
        multiband.set (n + "releaseMs", 600);
    }
    chain.add ("limiter").set ("inputGainDb", 6);
    return chain;
}
} // namespace

std::string benchmarkComparison (const fs::path& work, const std::string& cli, const fs::path& demoMix)
{
    const auto mix = work / "comparison-mix.wav", reference = work / "comparison-reference.wav", master = work / "comparison-master.wav";
    threeMinutesOf (demoMix, mix);
    MasterRequest request;
    request.input = mix;
    request.output = reference;
    request.format = { Container::wav, SampleEncoding::float32 };
    request.chain = knownChain();
    request.replaceExisting = true;
    masterFile (request);

    auto analyse = [] (const fs::path& file) { return analyzeFile (file, ChannelCounting::asLaidOut, {}, BalanceMeasurement::measure); };
    FileAnalysis mixAnalysis = analyse (mix), referenceAnalysis;
    const double analysing = secondsOf ([&] { referenceAnalysis = analyse (reference); });
    ReferenceMatch match;
    const double fitting = secondsOf ([&] { match = matchReferences (mixAnalysis, std::span (&referenceAnalysis, 1), {}); });
    // Dynamics: the match's ratio settled on the mix, pass by pass.
    const auto tame = work / "comparison-tame.wav";
    request.output = tame;
    request.chain = tamingChain();
    masterFile (request);
    const auto tameAnalysis = analyse (tame);
    ReferenceMatch dynamicsMatch;
    MatchSettling settled;
    MatchOptions dynamicsOnly;
    dynamicsOnly.tonePercent = dynamicsOnly.widthPercent = 0;
    const double settling = secondsOf ([&] {
        dynamicsMatch = matchReferences (mixAnalysis, std::span (&tameAnalysis, 1), dynamicsOnly);
        settled = settleMatch (dynamicsMatch, defaultMasteringChain(), mix, work / "settle.wav");
    });
    const double ffmpegLoudness = bestWallTime ("ffmpeg -nostdin -v error -i " + quoted (reference) + " -af ebur128=peak=true -f null -");

    // The report: a master made by crest master (so its report beside it says what the chain did).
    std::system ((cli + " master " + quoted (mix) + " -o " + quoted (master) + " --target -14 --chain loud --force >/dev/null 2>&1").c_str());
    const double report = bestWallTime (cli + " report " + quoted (mix) + " " + quoted (master) + " -o " + quoted (work / "report.html") + " --force");
    const double ffmpegBoth = bestWallTime ("ffmpeg -nostdin -v error -i " + quoted (mix) + " -af ebur128=peak=true -f null - && ffmpeg -nostdin -v error -i "
                                            + quoted (master) + " -af ebur128=peak=true -f null -");

    std::ostringstream out;
    out << std::fixed << std::setprecision (2);
    out << "## Comparison: references, matching, the report\n\nThe 3-minute demo mix again; the reference is that mix through a known EQ "
           "(+3 dB low shelf at 110 Hz, -2.5 dB at 600 Hz, +2 dB high shelf at 8 kHz) and 4 dB into the limiter; the tamer one, for the dynamics, "
           "is the mix through a multiband holding every band at 3:1 from -40 dB. Best of 3.\n\n"
        << "| step | time | multiple of real time |\n|---|---|---|\n"
        << "| measuring the reference: loudness, LRA, true peak, PLR, crest factor, correlation, width, bands, clipping and the long-term spectrum (one read) | "
        << analysing << " s | " << std::setprecision (0) << threeMinutes / analysing << "x |\n"
        << std::setprecision (2) << "| fitting the match (" << match.eq.bands.size() << " EQ bands, worst point " << match.eq.maxErrorDb << " dB) | "
        << fitting * 1000 << " ms | " << std::setprecision (0) << threeMinutes / fitting << "x |\n"
        << std::setprecision (2) << "| both together | " << analysing + fitting << " s | " << std::setprecision (0) << threeMinutes / (analysing + fitting)
        << "x |\n" << std::setprecision (2) << "| peer: ffmpeg ebur128 (loudness and true peak only) on the reference | " << ffmpegLoudness << " s | "
        << std::setprecision (0) << threeMinutes / ffmpegLoudness << "x |\n"
        << std::setprecision (2) << "| matching the dynamics of a tamer reference (its loudness range " << tameAnalysis.loudness.loudnessRangeLu
        << " LU, the mix's " << mixAnalysis.loudness.loudnessRangeLu << " LU): the match, then " << settled.passes
        << " tries, each the mix mastered through the chain at the loudness asked, settling the multiband's ratio at " << dynamicsMatch.dynamics.ratio << ":1, landing at "
        << settled.loudnessRangeLu << " LU and " << settled.integratedLufs << " LUFS (" << tameAnalysis.loudness.integratedLufs << " asked) | "
        << settling << " s | " << std::setprecision (0) << threeMinutes / settling << "x |\n\n"
        << std::setprecision (2) << "`crest report` for the 3-minute mix and its master (`crest master --chain loud`): both measured with their spectra and "
                                    "loudness curves, aligned, the excerpt found and encoded three times to MP3, the page written: **"
        << report << " s**. ffmpeg's ebur128 over the two files, for scale: " << ffmpegBoth << " s.\n\n";
    return out.str();
}
