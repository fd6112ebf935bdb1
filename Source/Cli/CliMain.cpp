// crest: the headless face of the engine. See `crest --help`.
#include "Arguments.h"
#include "Commands.h"

#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>

namespace
{
const char* usage = R"(crest - mixing and mastering from the command line

Usage:
  crest demo DIR [--force]             write the demo song's stems and session into DIR
  crest new SESSION --stems DIR|FILE...  make a session with one track per stem
  crest render SESSION -o OUT [options]  render the session through its master ('-': stdout)
  crest info FILE|SESSION              describe an audio file or a session
  crest analyze FILE... [--json]       loudness (BS.1770 / R128), peaks, LRA, PLR
  crest master IN -o OUT [--target NAME|LUFS] [--chain NAME|FILE]  master a mix to a target
  crest ab MIX MASTER | SESSION [--json]  what mastering changed, side by side
  crest report MIX MASTER | SESSION -o REPORT.html  the same as a page to print and hand out
  crest deliver IN --targets spotify,cd -o DIR  one master per target, with compliance reports
  crest album new ALBUM FILE...        make an album of masters (docs/album-format.md)
  crest album render ALBUM -o DIR [--cd]  the continuous album, a file per track, a CUE sheet
  crest COMMAND --help                 help for one command
  crest --version

Exit codes: 0 success, 1 the work failed (the message names the file and
the problem), 2 usage error. No command overwrites an input or a file it did
not make; replacing an existing output takes --force.
)";
} // namespace

int main (int argc, char** argv)
{
    using namespace crest::cli;
    if (argc < 2 || std::strcmp (argv[1], "--help") == 0 || std::strcmp (argv[1], "-h") == 0)
    {
        std::fputs (usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? exitUsage : exitOk;
    }
    if (std::strcmp (argv[1], "--version") == 0)
    {
        std::printf ("crest %s\n", CREST_VERSION);
        return exitOk;
    }
    // A reader that goes away (crest render S -o - | head) is an error
    // reported by write(), not a silent death by signal.
    std::signal (SIGPIPE, SIG_IGN);
    const std::string command = argv[1];
    const Args args (argv + 2, argv + argc);
    try
    {
        if (command == "demo") return runDemo (args);
        if (command == "new") return runNew (args);
        if (command == "render") return runRender (args);
        if (command == "info") return runInfo (args);
        if (command == "analyze") return runAnalyze (args);
        if (command == "master") return runMaster (args);
        if (command == "ab") return runAb (args);
        if (command == "report") return runReport (args);
        if (command == "deliver") return runDeliver (args);
        if (command == "album") return runAlbum (args);
    }
    catch (const UsageError& e)
    {
        std::fprintf (stderr, "crest: %s\n\n%s", e.what(), e.help);
        return exitUsage;
    }
    catch (const std::exception& e)
    {
        std::fprintf (stderr, "crest: %s\n", e.what());
        return exitFailed;
    }
    std::fprintf (stderr, "crest: unknown command '%s' (try crest --help)\n", command.c_str());
    return exitUsage;
}
