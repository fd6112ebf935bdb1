// crest deliver IN... --targets spotify,apple,cd -o DIR [--chain NAME|FILE]
// [--format F] [--dither D] [--jobs N] [--force]: one master per target
// for each input, each in the target's format and rate, with a compliance
// report beside it.
#include "Arguments.h"
#include "Commands.h"
#include "Core/CrestError.h"
#include "Album/AlbumDelivery.h"
#include "Mastering/DeliveryBatch.h"
#include "ProgressBar.h"

#include <cstdio>
#include <memory>
#include <sstream>
#include <string>

namespace crest::cli
{
namespace
{
    const char* deliverHelp = R"(Usage: crest deliver IN... --targets NAME[,NAME...] -o DIR [--chain NAME|FILE]
                     [--format wav|flac|aiff|ogg|opus|mp3] [--dither tpdf|shaped|none]
                     [--jobs N] [--force]

Masters IN once for each target and writes each into DIR as
"<name>-<target>.<ext>", in the target's format and sample rate (the
source's unless the target asks for another: CD is 44.1 kHz 16-bit),
through the master chain (--chain, as crest master takes it; default: the
default chain) to the target's loudness under its true-peak ceiling,
dithered once where the word length shrinks. A WAV is a Broadcast WAVE with
its loudness in the bext chunk. Beside each file, a compliance report
(.report.json and .report.txt): the delivered file measured as delivered
(a lossy one decoded first, since encoding raises peaks: if they decode
above the ceiling, it is mastered again under a lower one) against the
target, each figure with pass or fail; loudness passes within 0.5 LU.
--format delivers every target in that container instead (ogg, opus and
mp3 at their best quality). Targets: spotify, apple, youtube, amazon,
tidal, deezer, soundcloud, podcast, ebu-r128, atsc-a85, cd. Every output is
checked before anything is written: an existing file is replaced only with
--force.

Each IN (an audio file; a .crest session: its mix through its own master
chain unless --chain is given; or a .crest-album: rendered into
DIR/<album>/ as crest album render renders it, the cd target making its
Red Book files, CUE sheet and DDP image and every other target a delivery
of each track at the album's level) is one job; --jobs N runs N at once
(default 1). Every job is the same bytes however it runs, so a catalogue
can also be split into one crest deliver per input on a scheduler (GNU
parallel, Slurm: see docs/batch.md). A job that fails is reported by its
input's name and the others still deliver. Exit codes: 0 every target of
every input passes, 1 a target fails its figures or a job failed (the
message names the file), 2 usage error.
)";
} // namespace

int runDeliver (const Args& args)
{
    if (wantsHelp (args))
    {
        std::fputs (deliverHelp, stdout);
        return exitOk;
    }
    ArgumentCursor cursor (args, deliverHelp);
    std::string folder, targetList, chainName, formatName, ditherName = "tpdf";
    BatchRequest request;
    while (! cursor.done())
    {
        const auto& a = cursor.next();
        if (a == "-o" || a == "--output") folder = cursor.value (a);
        else if (a == "--targets" || a == "--target") targetList = cursor.value (a);
        else if (a == "--chain") chainName = cursor.value (a);
        else if (a == "--format") formatName = cursor.value (a);
        else if (a == "--dither") ditherName = cursor.value (a);
        else if (a == "--jobs") request.jobs = (int) cursor.integer (a, 1, 64, "");
        else if (a == "--force") request.replaceExisting = true;
        else if (a.starts_with ("-") && a.size() > 1) cursor.fail ("unknown option " + a);
        else request.inputs.emplace_back (a);
    }
    if (request.inputs.empty() || folder.empty() || targetList.empty())
        cursor.fail ("deliver needs an input file, --targets and -o DIR");
    std::stringstream names (targetList);
    for (std::string name; std::getline (names, name, ',');)
    {
        if (name.empty())
            continue;
        const auto preset = findTargetPreset (name);
        if (! preset)
        {
            std::string known;
            for (const auto& p : targetPresets())
                known += (known.empty() ? "" : ", ") + p.key;
            cursor.fail ("unknown target '" + name + "': one of " + known);
        }
        request.targets.push_back (*preset);
    }
    if (! formatName.empty())
    {
        request.container = containerFromName (formatName);
        if (! request.container)
            cursor.fail ("unknown format '" + formatName + "': wav, flac, aiff, ogg, opus or mp3");
    }
    const auto dither = ditherFromName (ditherName);
    if (! dither)
        cursor.fail ("unknown dither '" + ditherName + "': tpdf, shaped or none");
    request.dither = *dither;
    request.folder = folder;
    if (! chainName.empty())
        request.chain = loadChainPreset (chainName).chain;

    // One at a time, a bar per target; side by side, a line as each input is done.
    std::unique_ptr<ProgressBar> bar;
    size_t barFor = SIZE_MAX;
    if (request.jobs == 1)
        request.progress = [&] (size_t, size_t t, double f) {
            if (t != barFor)
            {
                if (bar != nullptr)
                    bar->finish();
                bar = std::make_unique<ProgressBar> ("Delivering for " + request.targets[t].name);
                barFor = t;
            }
            bar->update (f);
        };
    bool allPass = true;
    size_t done = 0;
    request.finished = [&] (size_t, const BatchOutcome& outcome) {
        if (bar != nullptr)
            bar->finish();
        bar.reset();
        barFor = SIZE_MAX;
        ++done;
        allPass = allPass && outcome.passes();
        if (request.inputs.size() > 1)
            std::printf ("[%zu/%zu] %s\n", done, request.inputs.size(), outcome.input.string().c_str());
        if (! outcome.error.empty())
            std::printf ("FAIL  %s\n", outcome.error.c_str());
        for (const auto& r : outcome.results)
        {
            std::printf ("%s  %-14s %s (%s, %d Hz)\n", r.passes() ? "PASS" : "FAIL", r.target.name.c_str(), r.file.string().c_str(),
                         describe (r.format).c_str(), (int) r.sampleRate);
            for (const auto& c : r.checks)
                std::printf ("        %-4s %-20s %-16s wanted %s\n", c.pass ? "ok" : "FAIL", c.name.c_str(), c.measured.c_str(), c.wanted.c_str());
            if (r.ceilingLowered)
                std::printf ("        the limiter's ceiling lowered to %.2f dBTP so the decoded peaks pass\n", *r.ceilingLowered);
            for (const auto& w : r.mastering.warnings)
                std::printf ("        warning: %s\n", w.c_str());
            if (r.vinyl)
            {
                const auto n = r.vinyl->warnings.size();
                std::printf ("        vinyl preflight: %s\n", n == 0 ? "nothing to warn of" : (std::to_string (n) + (n == 1 ? " warning" : " warnings")).c_str());
                for (const auto& w : r.vinyl->warnings)
                    std::printf ("          %s %s\n", vinylWarningName (w.kind).c_str(), w.message.c_str());
            }
            if (! r.reportText.empty())
                std::printf ("        report: %s\n", r.reportText.string().c_str());
        }
        std::fflush (stdout);
    };
    // An album masters itself (its own chains, strategy and layout): --chain and --format are for the other inputs.
    request.deliverAlbum = [&request] (const std::filesystem::path& album, const std::filesystem::path& into) {
        return deliverAlbumFile (album, into, request.targets, request.replaceExisting);
    };
    const auto outcomes = deliverBatch (request);
    if (request.inputs.size() == 1 && ! outcomes[0].error.empty())
        throw CrestError (outcomes[0].error);
    if (request.inputs.size() > 1)
    {
        size_t failed = 0;
        for (const auto& o : outcomes)
            failed += o.error.empty() ? 0 : 1;
        std::printf ("%zu of %zu inputs delivered%s\n", outcomes.size() - failed, outcomes.size(),
                     failed > 0 ? "; the failed ones are named above" : "");
    }
    return allPass ? exitOk : exitFailed;
}
} // namespace crest::cli
