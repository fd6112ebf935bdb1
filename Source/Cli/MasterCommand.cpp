// crest master IN -o OUT [--target LUFS] [--ceiling DBTP] [--format F]
// [--bits B] [--force]: a bounced mix through the master chain, landed on a
// loudness target under a true-peak ceiling, with a before/after report.
#include "Arguments.h"
#include "Commands.h"
#include "Core/CrestError.h"
#include "Mastering/FileMastering.h"
#include "ProgressBar.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

namespace crest::cli
{
namespace
{
    const char* masterHelp = R"(Usage: crest master IN -o OUT [--target LUFS] [--ceiling DBTP]
                    [--format wav|flac|aiff] [--bits 16|24|32f]
                    [--dither tpdf|shaped|none] [--force]

Masters a stereo (or mono) file: the true-peak limiter (8x oversampled
detection, 1.5 ms lookahead, program-dependent release) holds the output
under --ceiling (default -1 dBTP), and with --target the gain into it is
found, in a few passes, that lands the integrated loudness (BS.1770) on
the target, e.g. --target -14. The output keeps the input's sample rate
and length, aligned sample for sample (the limiter's latency is taken
out). Integer output is dithered once, at the end: TPDF (default), shaped
(the hiss moved away from 1-5 kHz: best for 16 bits) or none. A report compares before and after
and warns when more than 6 dB of limiting is needed. OUT is never IN; an
existing file is replaced only with --force, and only if it is audio.
)";

    std::string level (double value)
    {
        if (! std::isfinite (value))
            return "-inf";
        char text[32];
        std::snprintf (text, sizeof (text), "%.1f", value);
        return text;
    }
} // namespace

int runMaster (const Args& args)
{
    if (std::any_of (args.begin(), args.end(), [] (auto& a) { return a == "--help" || a == "-h"; }))
    {
        std::fputs (masterHelp, stdout);
        return exitOk;
    }
    ArgumentCursor cursor (args, masterHelp);
    std::string input, output, formatName, bitsName = "24", ditherName = "tpdf";
    MasterRequest request;
    while (! cursor.done())
    {
        const auto& a = cursor.next();
        if (a == "-o" || a == "--output") output = cursor.value (a);
        else if (a == "--target") request.targetLufs = cursor.number (a, -60, 0, " LUFS");
        else if (a == "--ceiling") request.ceilingDbtp = cursor.number (a, -12, 0, " dBTP");
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
    if (formatName.empty())
    {
        const auto extension = std::filesystem::path (output).extension().string();
        formatName = extension.empty() ? "" : extension.substr (1);
        if (formatName.empty())
            cursor.fail ("cannot tell the format from '" + output + "'; give --format wav, flac or aiff");
    }
    const auto container = containerFromName (formatName);
    if (! container)
        cursor.fail ("unknown format '" + formatName + "' (wav, flac or aiff)");
    const auto encoding = encodingFromName (bitsName);
    if (! encoding)
        cursor.fail ("unknown bit depth '" + bitsName + "' (16, 24 or 32f)");
    const auto dither = ditherFromName (ditherName);
    if (! dither)
        cursor.fail ("unknown dither '" + ditherName + "' (tpdf, shaped or none)");
    request.format = { *container, *encoding, *dither };
    if (const auto reason = unsupportedReason (request.format))
        cursor.fail (*reason);
    request.input = input;
    request.output = output;

    ProgressBar bar ("Mastering");
    request.progress = [&bar] (double f) { bar.update (f); };
    const auto report = masterFile (request);
    bar.finish();

    std::printf ("%s -> %s (%s, %d passes, limiter gain %+.1f dB)\n", input.c_str(), output.c_str(), describe (request.format).c_str(),
                 report.passes, report.gainDb);
    std::printf ("  %-16s %10s %10s\n", "", "before", "after");
    auto row = [] (const char* name, double before, double after, const char* unit) {
        std::printf ("  %-16s %10s %10s  %s\n", name, level (before).c_str(), level (after).c_str(), unit);
    };
    row ("integrated", report.before.integratedLufs, report.after.integratedLufs, "LUFS");
    row ("loudness range", report.before.loudnessRangeLu, report.after.loudnessRangeLu, "LU");
    row ("true peak", report.before.truePeakDbtp, report.after.truePeakDbtp, "dBTP");
    row ("sample peak", report.before.samplePeakDbfs, report.after.samplePeakDbfs, "dBFS");
    row ("PLR", report.before.plrLu(), report.after.plrLu(), "LU");
    row ("max short-term", report.before.maxShortTermLufs, report.after.maxShortTermLufs, "LUFS");
    std::printf ("  deepest limiting %.1f dB\n", report.maxLimitingDb);
    for (const auto& warning : report.warnings)
        std::printf ("  warning: %s\n", warning.c_str());
    return exitOk;
}
} // namespace crest::cli
