#include "Commands.h"

#include "Analysis/Headroom.h"
#include "Analysis/LoudnessSummary.h"
#include "Arguments.h"
#include "Core/CrestError.h"
#include "Core/ParameterSpec.h"
#include "Demo/DemoSong.h"
#include "IO/AudioFileReader.h"
#include "IO/FileSync.h"
#include "IO/SampleRateConverter.h"
#include "Mastering/MasteringSession.h"
#include "ProgressBar.h"
#include "Render/OfflineRenderer.h"
#include "Session/SessionFile.h"
#include "Session/StemImport.h"
#include "Session/MasterChainSummary.h"
#include "Session/RoutingSummary.h"
#include "Session/StripSummary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <set>

namespace crest::cli
{
namespace fs = std::filesystem;

namespace
{
    std::string seconds (double s)
    {
        char buffer[32];
        std::snprintf (buffer, sizeof (buffer), "%.2f s", s);
        return buffer;
    }

    LoudnessSummary printLoudness (const fs::path& file)
    {
        const auto l = measureLoudness (file);
        std::printf ("  integrated loudness  %7.1f LUFS\n", l.integratedLufs);
        std::printf ("  loudness range       %7.1f LU\n", l.loudnessRangeLu);
        std::printf ("  true peak            %7.1f dBTP\n", l.truePeakDbtp);
        std::printf ("  sample peak          %7.1f dBFS\n", l.samplePeakDbfs);
        return l;
    }

    // Renders the session's mix (the mix bus, before the master chain) to a
    // temporary file and says how loud it is and whether it leaves headroom
    // for mastering; then, with a master chain, the master.
    void printMixMeasurement (const SessionDocument& session)
    {
        for (const bool preMaster : { true, false })
        {
            if (! preMaster && session.masterChain.modules.empty())
                break;
            RenderRequest request;
            request.output = temporarySibling (fs::temp_directory_path() / "mix", "info");
            request.format = { Container::wav, SampleEncoding::float32 };
            request.preMaster = preMaster;
            ProgressBar bar (preMaster ? "Measuring the mix" : "Measuring the master");
            request.progress = [&] (double f) { bar.update (f); };
            MediaPool media;
            renderSession (session, request, media);
            bar.finish();
            const auto l = measureLoudness (request.output);
            std::error_code ec;
            fs::remove (request.output, ec);
            std::printf ("  %-20s %.1f LUFS integrated, true peak %.1f dBTP, sample peak %.1f dBFS\n", preMaster ? "mix" : "master",
                         l.integratedLufs, l.truePeakDbtp, l.samplePeakDbfs);
            if (preMaster)
                std::printf ("  mastering headroom   %s\n", headroomVerdict (l.truePeakDbtp).c_str());
        }
    }

    const std::set<std::string> audioExtensions { ".wav", ".wave", ".bwf", ".aif", ".aiff", ".flac", ".ogg", ".oga", ".opus", ".mp3" };

    bool looksLikeAudio (const fs::path& p)
    {
        auto ext = p.extension().string();
        std::transform (ext.begin(), ext.end(), ext.begin(), [] (unsigned char c) { return (char) std::tolower (c); });
        return audioExtensions.contains (ext);
    }

    // Seconds on the command line: generous, yet far inside the session
    // format's sample range at any rate.
    constexpr double maxSeconds = 1.0e6;

    const char* demoHelp = "Usage: crest demo DIR [--force]\n\nWrites the built-in demo song (eight synthesised stems, 48 kHz) into DIR/stems\nand its session to DIR/demo.crest. Files already there stop it, unless\n--force, which replaces only audio files and Crest sessions of those names.\n";
    const char* newHelp = "Usage: crest new SESSION --stems DIR|FILE... [--rate HZ] [--force]\n       crest new SESSION --master FILE... [--rate HZ] [--force]\n\nWith --stems, makes a mix session with one track per audio file (a folder's\naudio files in name order) and Reverb and Delay returns; its master chain\nstarts empty. With --master, makes a mastering session: each bounced mix on\nits own track, one after another 2 s apart, at unity, through the default\nmastering chain (EQ, width and the true-peak limiter on; multiband and\nsaturation ready, off). Mono files make mono tracks, others stereo. The session rate is\n--rate, or the first file's rate brought into 44100..192000 Hz; other rates\nare converted with libsoxr and every clip keeps its true length. An existing\nSESSION is replaced only with --force, and only if it is a Crest session.\n";
    const char* renderHelp = "Usage: crest render SESSION [-o OUT] [--stems DIR] [--format wav|flac|aiff]\n                    [--bits 16|24|32f] [--dither tpdf|shaped|none] [--start SECONDS] [--end SECONDS]\n                    [--pre-master] [--block FRAMES] [--threads N] [--force] [--allow-missing]\n\nRenders the session to OUT through its master chain (--pre-master: the mix\nbus as it enters the chain), and with --stems one file per track and\nper bus into DIR (post-fader, each aligned to the session's start). The\nformat defaults to OUT's extension (WAV for stems alone), bits to 24\n(integer output gets TPDF dither, or --dither shaped or none). Files appear only once complete. OUT is\nnever an input or the session; an existing file is replaced only with\n--force, and only if it is audio. OUT may be '-' (standard output),\n/dev/null or a pipe (then give --format). Offline media fail the render\nunless --allow-missing renders them as silence. --threads sets how many\nthreads share the mix (default: one per core); the result is identical.\n";
    const char* infoHelp = "Usage: crest info FILE|SESSION\n\nDescribes an audio file (format, rate, length, loudness, peaks) or a session\n(tracks and buses with their routing, sends, keys and strips; clips, and each\nclip's media: readable or offline, and why; then the mix's loudness and\nwhether it leaves headroom for mastering). Exits with 1 if any of a\nsession's media is offline.\n";
} // namespace

int runDemo (const Args& args)
{
    if (wantsHelp (args))
    {
        std::fputs (demoHelp, stdout);
        return exitOk;
    }
    ArgumentCursor cursor (args, demoHelp);
    std::string folder;
    bool force = false;
    while (! cursor.done())
    {
        const auto& a = cursor.next();
        if (a == "--force") force = true;
        else if (a.starts_with ("-") && a.size() > 1) cursor.fail ("unknown option " + a);
        else if (folder.empty()) folder = a;
        else cursor.fail ("demo needs exactly one folder");
    }
    if (folder.empty())
        cursor.fail ("demo needs exactly one folder");
    ProgressBar bar ("Synthesising demo");
    const auto song = writeDemoSong (folder, [&] (double f) { bar.update (f); }, force);
    bar.finish();
    std::printf ("Demo session: %s (%zu tracks, %s at %.0f Hz)\n", song.sessionFile.string().c_str(), song.session.tracks.size(),
                 seconds ((double) song.session.tracks[0].clips[0].lengthSamples / song.session.sampleRate).c_str(),
                 song.session.sampleRate);
    return exitOk;
}

int runNew (const Args& args)
{
    if (wantsHelp (args))
    {
        std::fputs (newHelp, stdout);
        return exitOk;
    }
    ArgumentCursor cursor (args, newHelp);
    std::string sessionPath;
    std::vector<fs::path> stems;
    double rate = 0;
    bool inStems = false, force = false, mastering = false;
    while (! cursor.done())
    {
        const auto& a = cursor.next();
        if (a == "--stems" || a == "--master")
        {
            if (inStems && mastering != (a == "--master"))
                cursor.fail ("give --stems or --master, not both");
            inStems = true;
            mastering = a == "--master";
        }
        else if (a == "--rate") rate = (double) cursor.integer (a, (int64_t) params::sampleRate.minimum, (int64_t) params::sampleRate.maximum, " Hz");
        else if (a == "--force") force = true;
        else if (a.starts_with ("-") && a.size() > 1) cursor.fail ("unknown option " + a);
        else if (inStems) stems.emplace_back (a);
        else if (sessionPath.empty()) sessionPath = a;
        else cursor.fail ("unexpected argument " + a);
    }
    if (sessionPath.empty() || stems.empty())
        cursor.fail ("new needs a session path and --stems or --master");

    std::vector<fs::path> files;
    for (const auto& s : stems)
    {
        if (fs::is_directory (s))
        {
            std::vector<fs::path> found;
            for (const auto& entry : fs::directory_iterator (s))
                if (entry.is_regular_file() && looksLikeAudio (entry.path()))
                    found.push_back (entry.path());
            std::sort (found.begin(), found.end());
            if (found.empty())
                throw CrestError (s, "folder holds no audio files");
            files.insert (files.end(), found.begin(), found.end());
        }
        else
            files.push_back (s);
    }

    const auto imported = mastering ? masteringSessionFrom (files, rate) : sessionFromStems (files, rate);
    for (const auto& w : imported.warnings)
        std::fprintf (stderr, "crest: warning: %s\n", w.c_str());
    const auto& session = imported.session;
    saveSessionFile (session, sessionPath, force ? SaveMode::replaceSession : SaveMode::createNew);
    std::printf ("%s: %s (%zu tracks at %.0f Hz)\n", mastering ? "Mastering session" : "Session", sessionPath.c_str(), session.tracks.size(),
                 session.sampleRate);
    return exitOk;
}

int runRender (const Args& args)
{
    if (wantsHelp (args))
    {
        std::fputs (renderHelp, stdout);
        return exitOk;
    }
    ArgumentCursor cursor (args, renderHelp);
    std::string sessionPath, output, stemsFolder, formatName, bitsName = "24", ditherName = "tpdf";
    double startSeconds = 0, endSeconds = -1;
    int block = 1024, threads = 0;
    bool force = false, allowMissing = false, preMaster = false;
    while (! cursor.done())
    {
        const auto& a = cursor.next();
        if (a == "-o" || a == "--output") output = cursor.value (a);
        else if (a == "--format") formatName = cursor.value (a);
        else if (a == "--bits") bitsName = cursor.value (a);
        else if (a == "--dither") ditherName = cursor.value (a);
        else if (a == "--start") startSeconds = cursor.number (a, 0, maxSeconds, " s");
        else if (a == "--end") endSeconds = cursor.number (a, 0, maxSeconds, " s");
        else if (a == "--block") block = (int) cursor.integer (a, 1, 65536, " frames");
        else if (a == "--threads") threads = (int) cursor.integer (a, 1, 64, "");
        else if (a == "--stems") stemsFolder = cursor.value (a);
        else if (a == "--force") force = true;
        else if (a == "--allow-missing") allowMissing = true;
        else if (a == "--pre-master") preMaster = true;
        else if (a.starts_with ("-") && a.size() > 1) cursor.fail ("unknown option " + a);
        else if (sessionPath.empty()) sessionPath = a;
        else cursor.fail ("unexpected argument " + a);
    }
    if (sessionPath.empty() || (output.empty() && stemsFolder.empty()))
        cursor.fail ("render needs a session and -o OUT, --stems DIR or both");
    if (endSeconds >= 0 && endSeconds <= startSeconds)
        cursor.fail ("--end must be after --start");
    if (! output.empty() && (output.back() == '/' || fs::is_directory (output)))
        throw CrestError (output, "is a folder; give a file name for the mix (for example " + (fs::path (output) / "mix.wav").lexically_normal().string() + ")");
    if (formatName.empty() && output.empty())
        formatName = "wav";
    const auto format = outputFormatFrom (cursor, output, formatName, bitsName, ditherName);

    const auto session = loadSessionFile (sessionPath);
    RenderRequest request;
    request.output = output;
    request.replaceExisting = force;
    request.allowMissing = allowMissing;
    request.preMaster = preMaster;
    request.protectedFiles = { sessionPath };
    request.format = format;
    request.startSample = (int64_t) std::llround (startSeconds * session.sampleRate);
    request.endSample = endSeconds >= 0 ? (int64_t) std::llround (endSeconds * session.sampleRate) : -1;
    request.blockFrames = block;
    request.threads = threads;
    request.stemsFolder = stemsFolder;
    ProgressBar bar ("Rendering");
    request.progress = [&] (double f) { bar.update (f); };
    // Clips at another rate are converted first, each with its own bar.
    std::unique_ptr<ProgressBar> conversion;
    std::string converting;
    request.builderOptions.progress = [&] (const std::string& what, double f) {
        if (what != converting)
        {
            conversion = std::make_unique<ProgressBar> (what);
            converting = what;
        }
        conversion->update (f);
    };
    MediaPool media;
    const auto report = renderSession (session, request, media);
    conversion.reset();
    bar.finish();
    for (const auto& w : report.warnings)
        std::fprintf (stderr, "crest: warning: %s\n", w.c_str());
    // With the audio on standard output, the summary goes to stderr.
    FILE* summary = report.toStream ? stderr : stdout;
    if (! report.stems.empty())
    {
        std::fprintf (summary, "Rendered %zu stems into %s: %s, %s, %.0f Hz\n", report.stems.size(), stemsFolder.c_str(),
                      describe (request.format).c_str(), seconds ((double) report.frames / report.sampleRate).c_str(), report.sampleRate);
        for (const auto& stem : report.stems)
            std::fprintf (summary, "  %s\n", stem.filename().string().c_str());
    }
    if (output.empty())
        return exitOk;
    std::fprintf (summary, "Rendered %s: %s, %s, %.0f Hz\n", output.c_str(), describe (request.format).c_str(),
                  seconds ((double) report.frames / report.sampleRate).c_str(), report.sampleRate);
    if (! report.toStream)
    {
        const auto loudness = printLoudness (output);
        // A mix still to be mastered is judged on its headroom.
        if (preMaster || session.masterChain.modules.empty())
            std::printf ("  mastering headroom   %s\n", headroomVerdict (loudness.truePeakDbtp).c_str());
    }
    return exitOk;
}

int runInfo (const Args& args)
{
    if (wantsHelp (args))
    {
        std::fputs (infoHelp, stdout);
        return exitOk;
    }
    ArgumentCursor cursor (args, infoHelp);
    if (args.size() != 1)
        cursor.fail ("info needs exactly one file");
    const fs::path file = args[0];
    if (file.extension() == sessionExtension)
    {
        const auto session = loadSessionFile (file);
        int64_t end = 0;
        size_t offline = 0;
        std::printf ("%s: Crest session, %.0f Hz, pan law %s, %zu tracks, %zu buses, %.1f BPM in %d/%d\n", file.string().c_str(),
                     session.sampleRate, std::string (panLawName (session.panLaw)).c_str(), session.tracks.size(), session.buses.size(),
                     session.tempoBpm, session.meterNumerator, session.meterDenominator);
        auto printChannel = [&] (const ChannelDocument& c, const char* kind, bool soloSafe) {
            std::printf ("  %-16s %-6s  fader %+5.1f dB  pan %+4.0f%s%s%s\n", c.name.c_str(), kind, c.faderDb, c.pan,
                         c.mute ? "  muted" : "", c.solo ? "  solo" : "", soloSafe ? "  solo-safe" : "");
            for (const auto& line : summarizeRouting (session, c))
                std::printf ("      %s\n", line.c_str());
            for (const auto& line : summarizeStrip (c.strip))
                std::printf ("      %s\n", line.c_str());
        };
        for (const auto& t : session.tracks)
        {
            printChannel (t, t.channels == 1 ? "mono" : "stereo", false);
            for (const auto& c : t.clips)
            {
                end = std::max (end, c.startSample + c.lengthSamples);
                std::string state;
                try
                {
                    const auto media = readAudioFileInfo (c.file);
                    if (media.channels > 2)
                        state = "  [" + std::to_string (media.channels) + " channels: plays the first two]";
                }
                catch (const CrestError& e)
                {
                    state = std::string ("  [OFFLINE: ") + e.what() + "]";
                    ++offline;
                }
                std::printf ("      %s at %s, %s%s\n", fs::path (c.file).filename().string().c_str(),
                             seconds ((double) c.startSample / session.sampleRate).c_str(),
                             seconds ((double) c.lengthSamples / session.sampleRate).c_str(), state.c_str());
            }
        }
        for (const auto& b : session.buses)
            printChannel (b, b.kind == BusKind::group ? "group" : "aux", b.soloSafe);
        std::printf ("  %-16s stereo  fader %+5.1f dB\n", "mix bus", session.mixBusFaderDb);
        ChannelDocument mixBusLanes;
        mixBusLanes.automation = session.mixBusAutomation;
        for (const auto& line : summarizeRouting (session, mixBusLanes))
            std::printf ("      %s\n", line.c_str());
        for (const auto& line : summarizeStrip (session.mixBusStrip))
            std::printf ("      %s\n", line.c_str());
        if (session.masterChain.modules.empty())
            std::printf ("  %-16s empty: the mix bus is the master\n", "master chain");
        else
            std::printf ("  %-16s %zu module%s\n", "master chain", session.masterChain.modules.size(), session.masterChain.modules.size() == 1 ? "" : "s");
        for (const auto& line : summarizeMasterChain (session.masterChain))
            std::printf ("      %s\n", line.c_str());
        std::printf ("  length %s\n", seconds ((double) end / session.sampleRate).c_str());
        if (offline == 0 && end > 0)
            printMixMeasurement (session);
        if (offline > 0)
        {
            std::fprintf (stderr, "crest: %s: %zu clip%s offline\n", file.string().c_str(), offline, offline == 1 ? " is" : "s are");
            return exitFailed;
        }
        return exitOk;
    }
    const auto info = readAudioFileInfo (file);
    std::printf ("%s: %s, %s, %d channel%s, %.0f Hz, %lld frames (%s)\n", file.string().c_str(), info.format.c_str(),
                 info.encoding.c_str(), info.channels, info.channels == 1 ? "" : "s", info.sampleRate, (long long) info.frames,
                 seconds (info.durationSeconds()).c_str());
    printLoudness (file);
    return exitOk;
}
} // namespace crest::cli
