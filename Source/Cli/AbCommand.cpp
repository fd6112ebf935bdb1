// crest ab MIX MASTER [--json] | crest ab SESSION [--json]: what mastering
// changed, side by side: the mix's and the master's loudness, dynamics,
// stereo and tonal balance, the difference of each, and the loudness match
// (the gain that plays the master at the mix's loudness, as the app's
// Mix / Master switch does). A session is rendered twice first: before its
// master chain (the mix bus) and through it.
#include "Analysis/FileAnalysis.h"
#include "Analysis/ProgramComparison.h"
#include "Arguments.h"
#include "Commands.h"
#include "Core/CrestError.h"
#include "ProgressBar.h"
#include "Render/SessionComparison.h"
#include "Session/SessionFile.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <memory>
#include <string>

namespace crest::cli
{
namespace
{
    namespace fs = std::filesystem;

    const char* abHelp = R"(Usage: crest ab MIX MASTER [--json]
       crest ab SESSION [--json]

Compares a mix with its master, side by side: integrated and maximum
short-term loudness, loudness range, true peak, PLR, crest factor,
correlation, width (the side's energy over the mid's) and the level of the
lows (below 250 Hz), mids (250 Hz - 4 kHz) and highs (above 4 kHz), each
relative to the programme's overall level, with the master's difference
from the mix. The loudness match is the gain that plays the master at the
mix's integrated loudness, as the app's matched Mix / Master switch does.
A session is rendered first, before its master chain and through it
(into a temporary folder, removed afterwards).
  --json   the same figures as one JSON object; what cannot be measured is null
)";

    std::string signedText (double v, int decimals)
    {
        if (! std::isfinite (v))
            return "-";
        char text[32];
        std::snprintf (text, sizeof (text), "%+.*f", decimals, v);
        return text;
    }

    nlohmann::ordered_json number (double v, int decimals)
    {
        const double scale = std::pow (10.0, decimals);
        return std::isfinite (v) ? nlohmann::ordered_json (std::round (v * scale) / scale) : nlohmann::ordered_json();
    }

} // namespace

int runAb (const Args& args)
{
    if (wantsHelp (args))
    {
        std::fputs (abHelp, stdout);
        return exitOk;
    }
    ArgumentCursor cursor (args, abHelp);
    std::vector<std::string> inputs;
    bool json = false;
    while (! cursor.done())
    {
        const auto& a = cursor.next();
        if (a == "--json") json = true;
        else if (a.starts_with ("-") && a.size() > 1) cursor.fail ("unknown option " + a);
        else inputs.push_back (a);
    }
    if (inputs.empty() || inputs.size() > 2)
        cursor.fail ("ab needs a mix and its master, or a session");

    std::unique_ptr<SessionComparison> renders;
    fs::path mixFile, masterFile;
    if (inputs.size() == 2)
    {
        mixFile = inputs[0];
        masterFile = inputs[1];
    }
    else
    {
        StagedProgress progress;
        renders = std::make_unique<SessionComparison> (loadSessionFile (inputs[0]), inputs[0], false,
                                                       [&progress] (const char* stage, double f) { progress.update (stage, f); });
        progress.finish();
        mixFile = renders->mixFile();
        masterFile = renders->masterFile();
    }

    auto measure = [] (const fs::path& file, const char* what) {
        ProgressBar bar (std::string ("Measuring the ") + what);
        auto a = analyzeFile (file, ChannelCounting::asLaidOut, [&bar] (double f) { bar.update (f); }, BalanceMeasurement::measure);
        bar.finish();
        if (a.info.channels > 2)
            throw CrestError (file, "has " + std::to_string (a.info.channels) + " channels; A/B compares stereo or mono programmes");
        return a;
    };
    const auto mix = measure (mixFile, "mix");
    const auto master = measure (masterFile, "master");
    const auto rows = compareProgrammes (mix, master);
    const double match = mix.loudness.integratedLufs - master.loudness.integratedLufs;

    if (json)
    {
        nlohmann::ordered_json out;
        out["mix"] = inputs[0];
        out["master"] = inputs.size() == 2 ? inputs[1] : inputs[0];
        out["source"] = inputs.size() == 2 ? "files" : "session";
        for (const auto& row : rows)
            // Two decimals, as crest analyze --json gives them.
            out["figures"].push_back ({ { "name", row.name }, { "unit", row.unit }, { "mix", number (row.mix, 2) },
                                        { "master", number (row.master, 2) }, { "difference", number (row.difference(), 2) } });
        out["loudnessMatchDb"] = number (match, 2);
        std::printf ("%s\n", out.dump (2).c_str());
        return exitOk;
    }

    const auto mixName = inputs.size() == 2 ? inputs[0] : inputs[0] + " (mix bus, before the master chain)";
    const auto masterName = inputs.size() == 2 ? inputs[1] : inputs[0] + " (through the master chain)";
    std::printf ("Mix:    %s\nMaster: %s\n\n", mixName.c_str(), masterName.c_str());
    std::printf ("  %-16s %10s %10s %12s\n", "", "mix", "master", "difference");
    for (const auto& row : rows)
        std::printf ("  %-16s %10s %10s %12s  %s\n", row.name.c_str(), levelText (row.mix, row.decimals).c_str(),
                     levelText (row.master, row.decimals).c_str(), signedText (row.difference(), row.decimals).c_str(), row.unit.c_str());
    if (std::isfinite (match))
        std::printf ("\nLoudness match: the master plays %.1f dB %s to meet the mix's loudness.\n", std::abs (match), match <= 0 ? "down" : "up");
    else
        std::printf ("\nLoudness match: none (one of them has no measurable loudness).\n");
    return exitOk;
}
} // namespace crest::cli
