// crest master IN -o OUT [--target LUFS] [--ceiling DBTP] [--format F]
// [--bits B] [--force]: a bounced mix through the master chain, landed on a
// loudness target under a true-peak ceiling, with a before/after report.
#include "Arguments.h"
#include "Commands.h"
#include "Core/CrestError.h"
#include "Core/MasterModules.h"
#include "IO/FileSync.h"
#include "IO/OutputTarget.h"
#include "IO/ScratchFiles.h"
#include "Mastering/ChainPresets.h"
#include "Mastering/FileMastering.h"
#include "Mastering/MasterReportFile.h"
#include "Mastering/TargetPresets.h"
#include "ProgressBar.h"
#include "Render/OfflineRenderer.h"
#include "Session/SessionFile.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace crest::cli
{
namespace
{
    const char* masterHelp = R"(Usage: crest master IN|SESSION -o OUT [--target NAME|LUFS] [--ceiling DBTP]
                    [--chain NAME|FILE] [--format wav|flac|aiff] [--bits 16|24|32f]
                    [--dither tpdf|shaped|none] [--force]

Masters a stereo (or mono) file, or a session's mix bus (rendered first,
then through the session's own master chain), through a master chain:
--chain names one
of Crest's (default, gentle, loud, warm, vinyl: Resources/chains) or a
preset file saved from the app; without it, the default chain (EQ, width
and the true-peak limiter, the others off). The limiter (8x oversampled
detection, 1.5 ms lookahead, program-dependent release) holds the output
under --ceiling (default: the chain's, -1 dBTP), and with --target the
gain into it is found, in a few passes, that lands the integrated
loudness (BS.1770) on the target, e.g. --target -14, or a service's or standard's preset, which
also sets the ceiling (--ceiling still wins): spotify, apple, youtube,
amazon, tidal, deezer, soundcloud, podcast, ebu-r128, atsc-a85, cd
(Resources/targets; sources in docs/targets.md). The output keeps the input's sample rate
and length, aligned sample for sample (the limiter's latency is taken
out). Integer output is dithered once, at the end: TPDF (default), shaped
(the hiss moved away from 1-5 kHz: best for 16 bits) or none. A report
compares before and after and warns when more than 6 dB of limiting is
needed. It is also written beside the master as OUT.report.json, with
what each module did (the limiter's and each multiband band's gain
reduction), for `crest report`. OUT is never IN; an existing file is
replaced only with --force, and only if it is audio.
)";
} // namespace

int runMaster (const Args& args)
{
    if (wantsHelp (args))
    {
        std::fputs (masterHelp, stdout);
        return exitOk;
    }
    ArgumentCursor cursor (args, masterHelp);
    std::string input, output, formatName, bitsName = "24", ditherName = "tpdf", targetName, chainName;
    std::optional<double> ceiling;
    MasterRequest request;
    while (! cursor.done())
    {
        const auto& a = cursor.next();
        if (a == "-o" || a == "--output") output = cursor.value (a);
        else if (a == "--target") targetName = cursor.value (a);
        else if (a == "--chain") chainName = cursor.value (a);
        else if (a == "--ceiling") ceiling = cursor.number (a, -12, 0, " dBTP");
        else if (a == "--format") formatName = cursor.value (a);
        else if (a == "--bits") bitsName = cursor.value (a);
        else if (a == "--dither") ditherName = cursor.value (a);
        else if (a == "--force") request.replaceExisting = true;
        else if (a.starts_with ("-") && a.size() > 1) cursor.fail ("unknown option " + a);
        else if (input.empty()) input = a;
        else cursor.fail ("unexpected argument " + a);
    }
    if (input.empty() || output.empty())
        cursor.fail ("master needs an input file and -o OUT");
    request.format = outputFormatFrom (cursor, output, formatName, bitsName, ditherName);
    if (const auto reason = unsupportedReason (request.format))
        cursor.fail (*reason);
    request.input = input;
    request.output = output;
    std::string targetDescription;
    if (! targetName.empty())
    {
        char* end = nullptr;
        const double lufs = std::strtod (targetName.c_str(), &end);
        if (end != targetName.c_str() && *end == '\0')
        {
            if (! std::isfinite (lufs) || lufs < -60 || lufs > 0)
                cursor.fail ("--target " + targetName + " is outside -60 .. 0 LUFS");
            request.targetLufs = lufs;
        }
        else if (const auto preset = findTargetPreset (targetName))
        {
            request.targetLufs = preset->integratedLufs;
            request.ceilingDbtp = preset->truePeakDbtp;
            targetDescription = preset->name + (preset->integratedLufs ? " (" + levelText (*preset->integratedLufs) + " LUFS, " : " (the master's own loudness, ")
                                + levelText (preset->truePeakDbtp) + " dBTP)";
        }
        else
        {
            std::string names;
            for (const auto& p : targetPresets())
                names += (names.empty() ? "" : ", ") + p.key;
            cursor.fail ("unknown target '" + targetName + "': give LUFS (e.g. -14) or one of " + names);
        }
    }
    if (ceiling)
        request.ceilingDbtp = *ceiling;
    std::string chainDescription = "default";
    if (! chainName.empty())
    {
        const auto preset = loadChainPreset (chainName);
        request.chain = preset.chain;
        chainDescription = preset.name.empty() ? chainName : preset.name;
    }

    // A session: its mix bus is rendered first (into a float file beside
    // the output, removed afterwards) and mastered through the session's
    // own chain, unless --chain names another.
    ScratchFiles mixBus;
    if (isCrestSessionFile (input))
    {
        const auto session = loadSessionFile (input);
        request.protectedFiles.push_back (input);
        for (const auto& track : session.tracks)
            for (const auto& clip : track.clips)
                request.protectedFiles.emplace_back (clip.file);
        RenderRequest render;
        render.output = mixBus.add (std::filesystem::absolute (output), "mixbus");
        render.format = { Container::wav, SampleEncoding::float32 };
        render.preMaster = true;
        render.protectedFiles = request.protectedFiles;
        ProgressBar renderBar ("Rendering the mix bus");
        render.progress = [&renderBar] (double f) { renderBar.update (f); };
        MediaPool media;
        renderSession (session, render, media);
        renderBar.finish();
        request.input = render.output;
        if (chainName.empty() && ! session.masterChain.modules.empty())
        {
            request.chain = session.masterChain;
            chainDescription = "the session's";
        }
    }

    // The report beside the master is checked before anything is made.
    OutputRules reportRules;
    reportRules.kindName = "master report";
    reportRules.isExpectedKind = [] (const std::filesystem::path& p) { return p.extension() == ".json"; };
    reportRules.mayReplace = request.replaceExisting;
    reportRules.inputs = { request.input };
    const auto reportFile = checkOutputTarget (masterReportFileFor (output), reportRules).path;

    ProgressBar bar ("Mastering");
    request.progress = [&bar] (double f) { bar.update (f); };
    const auto report = masterFile (request);
    bar.finish();
    writeMasterReport (reportFile, request, report);

    std::printf ("%s -> %s (%s, %d %s, limiter gain %+.1f dB)\n", input.c_str(), output.c_str(), describe (request.format).c_str(),
                 report.passes, report.passes == 1 ? "pass" : "passes", report.gainDb);
    std::string modules;
    for (const auto& m : request.chain.modules)
        if (m.enabled || m.kind == "limiter")
            modules += (modules.empty() ? "" : ", ") + std::string (findMasterModuleKind (m.kind)->name);
    std::printf ("  chain: %s (%s; latency %d samples, compensated)\n", chainDescription.c_str(), modules.c_str(), report.latencySamples);
    if (! targetDescription.empty())
        std::printf ("  target: %s\n", targetDescription.c_str());
    std::printf ("  %-16s %10s %10s\n", "", "before", "after");
    auto row = [] (const char* name, double before, double after, const char* unit) {
        std::printf ("  %-16s %10s %10s  %s\n", name, levelText (before).c_str(), levelText (after).c_str(), unit);
    };
    row ("integrated", report.before.integratedLufs, report.after.integratedLufs, "LUFS");
    row ("loudness range", report.before.loudnessRangeLu, report.after.loudnessRangeLu, "LU");
    row ("true peak", report.before.truePeakDbtp, report.after.truePeakDbtp, "dBTP");
    row ("sample peak", report.before.samplePeakDbfs, report.after.samplePeakDbfs, "dBFS");
    row ("PLR", report.before.plrLu(), report.after.plrLu(), "LU");
    row ("max short-term", report.before.maxShortTermLufs, report.after.maxShortTermLufs, "LUFS");
    std::printf ("  deepest limiting %.1f dB\n", report.maxLimitingDb);
    for (const auto& m : report.modules)
        for (const auto& r : m.reduction)
            std::printf ("  %s %s: deepest %.1f dB, average %.1f dB, working %.0f %% of the time\n", m.name.c_str(), r.label.c_str(), r.deepestDb,
                         r.averageDb, r.activeShare * 100);
    std::printf ("  report: %s\n", reportFile.string().c_str());
    for (const auto& warning : report.warnings)
        std::printf ("  warning: %s\n", warning.c_str());
    return exitOk;
}
} // namespace crest::cli
