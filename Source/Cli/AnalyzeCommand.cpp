// crest analyze FILE... [--json] [--dual-mono]: the loudness and level
// figures of audio files, as a table a person reads or as JSON a script
// reads. A file that cannot be read is reported and the others still are;
// the exit code is then 1.
#include "Analysis/FileAnalysis.h"
#include "Arguments.h"
#include "Commands.h"
#include "Core/CrestError.h"
#include "ProgressBar.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace crest::cli
{
namespace
{
    const char* analyzeHelp = R"(crest analyze FILE... [--json] [--dual-mono]

Measures each file as ITU-R BS.1770-4 / EBU R128 define it:
  integrated loudness (gated), loudness range (LRA), true peak (4x),
  sample peak, PLR (true peak - integrated), maximum momentary (400 ms)
  and short-term (3 s) loudness, crest factor, stereo correlation,
  clipping (runs of 3+ full-scale samples) and NaN/Inf samples.

  --json       one JSON array on stdout; a level that cannot be measured
               (silence, or under 400 ms of audio) is null, with a note
  --dual-mono  count a mono file twice (as played on two speakers: +3 dB)

Channels count as BS.1770 weighs them: 5.1 as L R C LFE Ls Rs (LFE left
out), a mono file once unless --dual-mono. Exit codes: 0 all measured,
1 a file could not be read (the others are still measured), 2 usage error.
)";

    // Why a loudness figure is missing, in words.
    std::string loudnessNote (const FileAnalysis& a)
    {
        if (a.loudness.seconds < 0.4)
            return "shorter than one 400 ms gating block";
        if (! std::isfinite (a.loudness.samplePeakDbfs))
            return "digital silence";
        return "nothing above the -70 LUFS gate";
    }

    void printText (const FileAnalysis& a)
    {
        const auto& l = a.loudness;
        const int minutes = (int) (l.seconds / 60);
        std::printf ("%s: %.0f Hz, %s, %d:%06.3f\n", a.file.string().c_str(), a.info.sampleRate, a.layout.c_str(), minutes,
                     l.seconds - 60.0 * minutes);
        auto row = [] (const char* name, const std::string& value, const char* unit, const std::string& note = {}) {
            if (note.empty())
                std::printf ("  %-16s %8s%s%s\n", name, value.c_str(), *unit != 0 ? " " : "", unit);
            else
                std::printf ("  %-16s %8s %-5s%s\n", name, value.c_str(), unit, note.c_str());
        };
        const bool unmeasured = ! std::isfinite (l.integratedLufs);
        row ("integrated", levelText (l.integratedLufs), "LUFS", unmeasured ? "(" + loudnessNote (a) + ")" : "");
        row ("loudness range", levelText (l.loudnessRangeLu), "LU");
        row ("true peak", levelText (l.truePeakDbtp), "dBTP");
        row ("sample peak", levelText (l.samplePeakDbfs), "dBFS");
        row ("PLR", unmeasured ? "-" : levelText (l.plrLu()), "LU");
        row ("max momentary", levelText (l.maxMomentaryLufs), "LUFS", l.seconds < 0.4 ? "(under 400 ms of audio)" : "");
        row ("max short-term", levelText (l.maxShortTermLufs), "LUFS", l.seconds < 3 ? "(under 3 s of audio)" : "");
        row ("crest factor", std::isfinite (l.crestFactorDb()) ? levelText (l.crestFactorDb()) : "-", "dB");
        if (a.info.channels == 2)
            row ("correlation", levelText (l.correlation, 2), "");
        if (a.clippedRuns > 0)
            row ("clipping", std::to_string (a.clippedRuns), "runs", "(" + std::to_string (a.clippedSamples) + " samples at full scale)");
        if (a.nonFiniteSamples > 0)
            row ("NaN/Inf", std::to_string (a.nonFiniteSamples), "", "samples, read as silence");
    }

    nlohmann::ordered_json toJson (const FileAnalysis& a)
    {
        auto level = [] (double v) { return std::isfinite (v) ? nlohmann::ordered_json (std::round (v * 100) / 100) : nlohmann::ordered_json(); };
        const auto& l = a.loudness;
        nlohmann::ordered_json j;
        j["file"] = a.file.string();
        j["sampleRate"] = a.info.sampleRate;
        j["channels"] = a.info.channels;
        j["layout"] = a.layout;
        j["seconds"] = std::round (l.seconds * 1000) / 1000;
        j["integratedLufs"] = level (l.integratedLufs);
        j["loudnessRangeLu"] = level (l.loudnessRangeLu);
        j["truePeakDbtp"] = level (l.truePeakDbtp);
        j["samplePeakDbfs"] = level (l.samplePeakDbfs);
        j["plrLu"] = level (l.plrLu());
        j["maxMomentaryLufs"] = level (l.maxMomentaryLufs);
        j["maxShortTermLufs"] = level (l.maxShortTermLufs);
        j["crestFactorDb"] = level (l.crestFactorDb());
        j["correlation"] = a.info.channels == 2 ? level (l.correlation) : nlohmann::ordered_json();
        j["clippedRuns"] = a.clippedRuns;
        j["nonFiniteSamples"] = a.nonFiniteSamples;
        if (! std::isfinite (l.integratedLufs))
            j["note"] = loudnessNote (a);
        return j;
    }
} // namespace

int runAnalyze (const Args& args)
{
    if (wantsHelp (args))
    {
        std::fputs (analyzeHelp, stdout);
        return exitOk;
    }
    ArgumentCursor cursor (args, analyzeHelp);
    bool json = false;
    auto counting = ChannelCounting::asLaidOut;
    std::vector<std::string> files;
    while (! cursor.done())
    {
        const auto& arg = cursor.next();
        if (arg == "--json")
            json = true;
        else if (arg == "--dual-mono")
            counting = ChannelCounting::dualMono;
        else if (arg.size() > 1 && arg[0] == '-')
            cursor.fail ("unknown option '" + arg + "'");
        else
            files.push_back (arg);
    }
    if (files.empty())
        cursor.fail ("analyze needs at least one file");

    int exitCode = exitOk;
    auto results = nlohmann::ordered_json::array();
    for (size_t i = 0; i < files.size(); ++i)
    {
        try
        {
            ProgressBar bar ("Analyzing " + std::filesystem::path (files[i]).filename().string());
            const auto analysis = analyzeFile (files[i], counting, [&bar] (double f) { bar.update (f); });
            bar.finish();
            if (json)
                results.push_back (toJson (analysis));
            else
            {
                if (i > 0)
                    std::printf ("\n");
                printText (analysis);
            }
        }
        catch (const std::exception& e)
        {
            std::fprintf (stderr, "crest: %s\n", e.what());
            if (json)
                results.push_back ({ { "file", files[i] }, { "error", e.what() } });
            exitCode = exitFailed;
        }
    }
    if (json)
        std::printf ("%s\n", results.dump (2).c_str());
    return exitCode;
}
} // namespace crest::cli
