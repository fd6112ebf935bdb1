#include "Commands.h"

#include "Analysis/LoudnessSummary.h"
#include "Core/CrestError.h"
#include "Core/ParameterSpec.h"
#include "Demo/DemoSong.h"
#include "IO/AudioFileReader.h"
#include "IO/SampleRateConverter.h"
#include "ProgressBar.h"
#include "Render/OfflineRenderer.h"
#include "Session/SessionFile.h"

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
    bool wantsHelp (const Args& args)
    {
        return std::any_of (args.begin(), args.end(), [] (auto& a) { return a == "--help" || a == "-h"; });
    }

    int usageError (const std::string& message, const char* help)
    {
        std::fprintf (stderr, "crest: %s\n\n%s", message.c_str(), help);
        return exitUsage;
    }

    std::string seconds (double s)
    {
        char buffer[32];
        std::snprintf (buffer, sizeof (buffer), "%.2f s", s);
        return buffer;
    }

    void printLoudness (const fs::path& file)
    {
        const auto l = measureLoudness (file);
        std::printf ("  integrated loudness  %7.1f LUFS\n", l.integratedLufs);
        std::printf ("  loudness range       %7.1f LU\n", l.loudnessRangeLu);
        std::printf ("  true peak            %7.1f dBTP\n", l.truePeakDbtp);
        std::printf ("  sample peak          %7.1f dBFS\n", l.samplePeakDbfs);
    }

    const std::set<std::string> audioExtensions { ".wav", ".wave", ".bwf", ".aif", ".aiff", ".flac", ".ogg", ".oga", ".opus", ".mp3" };

    bool looksLikeAudio (const fs::path& p)
    {
        auto ext = p.extension().string();
        std::transform (ext.begin(), ext.end(), ext.begin(), [] (unsigned char c) { return (char) std::tolower (c); });
        return audioExtensions.contains (ext);
    }

    const char* demoHelp = "Usage: crest demo DIR\n\nWrites the built-in demo song (eight synthesised stems, 48 kHz) into DIR/stems\nand its session to DIR/demo.crest.\n";
    const char* newHelp = "Usage: crest new SESSION --stems DIR|FILE... [--rate HZ]\n\nMakes a session with one track per audio file (a folder's audio files in\nname order). Mono files make mono tracks, others stereo. The session rate is\n--rate, or the first file's rate; other rates are converted with libsoxr.\n";
    const char* renderHelp = "Usage: crest render SESSION -o OUT [--format wav|flac|aiff] [--bits 16|24|32f]\n                    [--start SECONDS] [--end SECONDS] [--block FRAMES]\n\nRenders the session's mix. The format defaults to OUT's extension, bits to\n24 (integer output gets TPDF dither). The file appears only once complete.\n";
    const char* infoHelp = "Usage: crest info FILE|SESSION\n\nDescribes an audio file (format, rate, length, loudness, peaks) or a session\n(tracks, clips, media that is offline).\n";
} // namespace

int runDemo (const Args& args)
{
    if (wantsHelp (args))
    {
        std::fputs (demoHelp, stdout);
        return exitOk;
    }
    if (args.size() != 1)
        return usageError ("demo needs exactly one folder", demoHelp);
    ProgressBar bar ("Synthesising demo");
    const auto song = writeDemoSong (args[0], [&] (double f) { bar.update (f); });
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
    std::string sessionPath;
    std::vector<fs::path> stems;
    double rate = 0;
    bool inStems = false;
    for (size_t i = 0; i < args.size(); ++i)
    {
        if (args[i] == "--stems") inStems = true;
        else if (args[i] == "--rate" && i + 1 < args.size()) rate = std::atof (args[++i].c_str());
        else if (args[i].starts_with ("-")) return usageError ("unknown option " + args[i], newHelp);
        else if (inStems) stems.emplace_back (args[i]);
        else if (sessionPath.empty()) sessionPath = args[i];
        else return usageError ("unexpected argument " + args[i], newHelp);
    }
    if (sessionPath.empty() || stems.empty())
        return usageError ("new needs a session path and --stems", newHelp);
    if (rate != 0 && (rate < params::sampleRate.minimum || rate > params::sampleRate.maximum))
        return usageError ("--rate must be between 44100 and 192000", newHelp);

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

    SessionDocument session;
    int index = 0;
    for (const auto& file : files)
    {
        const auto info = readAudioFileInfo (file);
        if (rate == 0)
            rate = info.sampleRate;
        TrackDocument track;
        track.id = "t" + std::to_string (++index);
        track.name = file.stem().string();
        track.channels = info.channels == 1 ? 1 : 2;
        track.clips.push_back ({ fs::absolute (file).string(), 0, 0, convertedLength (info.frames, info.sampleRate, rate), 0.0, 0, 0 });
        session.tracks.push_back (std::move (track));
    }
    session.sampleRate = std::clamp (rate, params::sampleRate.minimum, params::sampleRate.maximum);
    saveSessionFile (session, sessionPath);
    std::printf ("Session: %s (%zu tracks at %.0f Hz)\n", sessionPath.c_str(), session.tracks.size(), session.sampleRate);
    return exitOk;
}

int runRender (const Args& args)
{
    if (wantsHelp (args))
    {
        std::fputs (renderHelp, stdout);
        return exitOk;
    }
    std::string sessionPath, output, formatName, bitsName = "24";
    double startSeconds = 0, endSeconds = -1;
    int block = 1024;
    for (size_t i = 0; i < args.size(); ++i)
    {
        const auto& a = args[i];
        const bool hasValue = i + 1 < args.size();
        if ((a == "-o" || a == "--output") && hasValue) output = args[++i];
        else if (a == "--format" && hasValue) formatName = args[++i];
        else if (a == "--bits" && hasValue) bitsName = args[++i];
        else if (a == "--start" && hasValue) startSeconds = std::atof (args[++i].c_str());
        else if (a == "--end" && hasValue) endSeconds = std::atof (args[++i].c_str());
        else if (a == "--block" && hasValue) block = std::atoi (args[++i].c_str());
        else if (a.starts_with ("-")) return usageError ("unknown or incomplete option " + a, renderHelp);
        else if (sessionPath.empty()) sessionPath = a;
        else return usageError ("unexpected argument " + a, renderHelp);
    }
    if (sessionPath.empty() || output.empty())
        return usageError ("render needs a session and -o OUT", renderHelp);
    if (formatName.empty())
        formatName = fs::path (output).extension().string().substr (std::min<size_t> (1, fs::path (output).extension().string().size()));
    const auto container = containerFromName (formatName);
    if (! container)
        return usageError ("unknown format '" + formatName + "' (wav, flac or aiff)", renderHelp);
    const auto encoding = encodingFromName (bitsName);
    if (! encoding)
        return usageError ("unknown bit depth '" + bitsName + "' (16, 24 or 32f)", renderHelp);
    if (block < 1 || block > 65536)
        return usageError ("--block must be 1 to 65536 frames", renderHelp);

    const auto session = loadSessionFile (sessionPath);
    RenderRequest request;
    request.output = output;
    request.format = { *container, *encoding };
    request.startSample = (int64_t) std::llround (startSeconds * session.sampleRate);
    request.endSample = endSeconds >= 0 ? (int64_t) std::llround (endSeconds * session.sampleRate) : -1;
    request.blockFrames = block;
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
    std::printf ("Rendered %s: %s, %s, %.0f Hz\n", output.c_str(), describe (request.format).c_str(),
                 seconds ((double) report.frames / report.sampleRate).c_str(), report.sampleRate);
    printLoudness (output);
    return exitOk;
}

int runInfo (const Args& args)
{
    if (wantsHelp (args))
    {
        std::fputs (infoHelp, stdout);
        return exitOk;
    }
    if (args.size() != 1)
        return usageError ("info needs exactly one file", infoHelp);
    const fs::path file = args[0];
    if (file.extension() == sessionExtension)
    {
        const auto session = loadSessionFile (file);
        int64_t end = 0;
        std::printf ("%s: Crest session, %.0f Hz, pan law %s, %zu tracks\n", file.string().c_str(), session.sampleRate,
                     std::string (panLawName (session.panLaw)).c_str(), session.tracks.size());
        for (const auto& t : session.tracks)
        {
            std::printf ("  %-16s %s  fader %+5.1f dB  pan %+4.0f%s%s\n", t.name.c_str(), t.channels == 1 ? "mono  " : "stereo",
                         t.faderDb, t.pan, t.mute ? "  muted" : "", t.solo ? "  solo" : "");
            for (const auto& c : t.clips)
            {
                end = std::max (end, c.startSample + c.lengthSamples);
                const bool present = fs::exists (c.file);
                std::printf ("      %s at %s, %s%s\n", fs::path (c.file).filename().string().c_str(),
                             seconds ((double) c.startSample / session.sampleRate).c_str(),
                             seconds ((double) c.lengthSamples / session.sampleRate).c_str(), present ? "" : "  [OFFLINE: file not found]");
            }
        }
        std::printf ("  length %s\n", seconds ((double) end / session.sampleRate).c_str());
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
