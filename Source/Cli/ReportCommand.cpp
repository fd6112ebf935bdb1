// crest report MIX MASTER -o report.html | crest report SESSION -o
// report.html: "what mastering changed" as one self-contained HTML page
// (ChangeReportHtml) a teacher can print and hand out.
#include "Arguments.h"
#include "Commands.h"
#include "IO/OutputTarget.h"
#include "ProgressBar.h"
#include "Render/ChangeReportHtml.h"
#include "Render/SessionComparison.h"
#include "Session/SessionFile.h"

#include <cstdio>
#include <memory>

namespace crest::cli
{
namespace
{
    const char* reportHelp = R"(Usage: crest report MIX MASTER -o REPORT.html [--excerpt SECONDS] [--force]
       crest report SESSION -o REPORT.html [--excerpt SECONDS] [--force]

What mastering changed, as one self-contained HTML page that prints well:
the figures of crest ab (loudness, LRA, PLR, true peak, crest factor,
correlation, width, band levels) for the mix, the master and the change;
the two 1/3-octave spectra overlaid and their loudness-matched difference;
the short-term loudness curves overlaid; what each module of the chain did
(the limiter's and each multiband band's gain reduction) when Crest made
the master (read from MASTER.report.json, which crest master and crest
deliver write beside it); and a short excerpt (10 s by default, where
mastering changed the most) of the mix, the master at the mix's loudness,
and their difference, to play in the page.
A session is rendered first, before its master chain and through it.
  --excerpt SECONDS   the excerpt's length, 2 to 30
  --force             replace an existing report
)";
} // namespace

int runReport (const Args& args)
{
    if (wantsHelp (args))
    {
        std::fputs (reportHelp, stdout);
        return exitOk;
    }
    ArgumentCursor cursor (args, reportHelp);
    std::vector<std::string> inputs;
    std::string output;
    bool force = false;
    ChangeReportRequest request;
    while (! cursor.done())
    {
        const auto& a = cursor.next();
        if (a == "-o" || a == "--output") output = cursor.value (a);
        else if (a == "--excerpt") request.excerptSeconds = cursor.number (a, 2, 30, " s");
        else if (a == "--force") force = true;
        else if (a.starts_with ("-") && a.size() > 1) cursor.fail ("unknown option " + a);
        else inputs.push_back (a);
    }
    if (inputs.empty() || inputs.size() > 2 || output.empty())
        cursor.fail ("report needs a mix and its master (or a session) and -o REPORT.html");

    OutputRules rules;
    rules.kindName = "report";
    rules.isExpectedKind = [] (const std::filesystem::path& p) { return p.extension() == ".html" || p.extension() == ".htm"; };
    rules.mayReplace = force;
    for (const auto& i : inputs)
        rules.inputs.emplace_back (i);
    const auto target = checkOutputTarget (output, rules);

    StagedProgress progress;
    std::unique_ptr<SessionComparison> renders;
    if (inputs.size() == 2)
    {
        request.mix = inputs[0];
        request.master = inputs[1];
    }
    else
    {
        const auto session = loadSessionFile (inputs[0]);
        renders = std::make_unique<SessionComparison> (session, inputs[0], true,
                                                       [&progress] (const char* stage, double f) { progress.update (stage, f); });
        request.mix = renders->mixFile();
        request.master = renders->masterFile();
        request.mixName = std::filesystem::path (inputs[0]).filename().string() + " (mix bus, before the master chain)";
        request.masterName = std::filesystem::path (inputs[0]).filename().string() + " (through its master chain)";
        request.modules = renders->activity();
        request.chainName = "the session's";
    }
    request.progress = [&progress] (double f) { progress.update ("Measuring", f); };
    const auto report = makeChangeReport (request);
    progress.finish();
    writeChangeReport (report, target.path);
    std::printf ("%s\n", target.path.string().c_str());
    for (const auto& row : report.rows)
        if (row.name == "integrated" || row.name == "true peak" || row.name == "loudness range")
            std::printf ("  %-16s %8s -> %8s %s\n", row.name.c_str(), levelText (row.mix, row.decimals).c_str(),
                         levelText (row.master, row.decimals).c_str(), row.unit.c_str());
    return exitOk;
}
} // namespace crest::cli
