// crest deliver IN --targets spotify,apple,cd -o DIR [--chain NAME|FILE]
// [--format F] [--dither D] [--force]: one master per target, each in the
// target's format and rate, with a compliance report beside it.
#include "Arguments.h"
#include "Commands.h"
#include "Core/CrestError.h"
#include "Mastering/Delivery.h"
#include "ProgressBar.h"

#include <cstdio>
#include <memory>
#include <sstream>
#include <string>

namespace crest::cli
{
namespace
{
    const char* deliverHelp = R"(Usage: crest deliver IN --targets NAME[,NAME...] -o DIR [--chain NAME|FILE]
                     [--format wav|flac|aiff|ogg|opus|mp3] [--dither tpdf|shaped|none] [--force]

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
--force. Exit codes: 0 every target passes, 1 a target fails its figures
or the work failed (the message names the file), 2 usage error.
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
    std::string input, folder, targetList, chainName, formatName, ditherName = "tpdf";
    DeliveryRequest request;
    while (! cursor.done())
    {
        const auto& a = cursor.next();
        if (a == "-o" || a == "--output") folder = cursor.value (a);
        else if (a == "--targets" || a == "--target") targetList = cursor.value (a);
        else if (a == "--chain") chainName = cursor.value (a);
        else if (a == "--format") formatName = cursor.value (a);
        else if (a == "--dither") ditherName = cursor.value (a);
        else if (a == "--force") request.replaceExisting = true;
        else if (a.starts_with ("-") && a.size() > 1) cursor.fail ("unknown option " + a);
        else if (input.empty()) input = a;
        else cursor.fail ("unexpected argument " + a);
    }
    if (input.empty() || folder.empty() || targetList.empty())
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
    request.input = input;
    request.folder = folder;
    if (! chainName.empty())
        request.chain = loadChainPreset (chainName).chain;

    std::unique_ptr<ProgressBar> bar;
    size_t barFor = SIZE_MAX;
    request.progress = [&] (size_t t, double f) {
        if (t != barFor)
        {
            if (bar != nullptr)
                bar->finish();
            bar = std::make_unique<ProgressBar> ("Delivering for " + request.targets[t].name);
            barFor = t;
        }
        bar->update (f);
    };
    const auto results = deliver (request);
    if (bar != nullptr)
        bar->finish();

    bool allPass = true;
    for (const auto& r : results)
    {
        allPass = allPass && r.passes();
        std::printf ("%s  %-14s %s (%s, %d Hz)\n", r.passes() ? "PASS" : "FAIL", r.target.name.c_str(), r.file.string().c_str(),
                     describe (r.format).c_str(), (int) r.sampleRate);
        for (const auto& c : r.checks)
            std::printf ("        %-4s %-20s %-16s wanted %s\n", c.pass ? "ok" : "FAIL", c.name.c_str(), c.measured.c_str(), c.wanted.c_str());
        if (r.ceilingLowered)
            std::printf ("        the limiter's ceiling lowered to %.2f dBTP so the decoded peaks pass\n", *r.ceilingLowered);
        for (const auto& w : r.mastering.warnings)
            std::printf ("        warning: %s\n", w.c_str());
        std::printf ("        report: %s\n", r.reportText.string().c_str());
    }
    return allPass ? exitOk : exitFailed;
}
} // namespace crest::cli
