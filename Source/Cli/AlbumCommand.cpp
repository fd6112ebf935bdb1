// crest album new ALBUM FILE... [--cd] [--title T] [--performer P] [--force]
// crest album render ALBUM -o DIR [--cd] [--format F] [--bits B] [--force]:
// make an album from masters, and render it to one continuous file, a file
// per track and a CUE sheet, with the loudness of each track and of the album.
#include "Arguments.h"
#include "Commands.h"
#include "Core/ClockText.h"

#include "Album/AlbumFile.h"
#include "Album/AlbumRender.h"
#include "Album/CueSheet.h"
#include "Album/NewAlbum.h"
#include "Album/RedBook.h"
#include "Core/CrestError.h"
#include "Mastering/StreamingPreview.h"
#include "ProgressBar.h"

#include <cmath>
#include <cstdio>
#include <memory>

namespace crest::cli
{
namespace
{
    const char* albumHelp = R"(Usage: crest album new ALBUM FILE... [--cd] [--title T] [--performer P] [--force]
       crest album render ALBUM -o DIR [--cd] [--format wav|flac|aiff] [--bits 16|24|32f] [--jobs N]
                          [--targets spotify,apple,...] [--force]

new: writes ALBUM (a .crest-album file, docs/album-format.md) with one
track per FILE (an audio file or a .crest session), in the order given,
titled after the file, 2 s apart, 2 s of silence before the first, all
mastered by Crest's default chain with the album-normalised strategy at
-14 LUFS under -1 dBTP. --cd makes it a CD album (44.1 kHz); otherwise it
takes the first file's rate. Edit the file (or the album view) for gaps,
crossfades, chains, strategy and metadata.

render: masters every track by its chain, sets the loudness by the
album's strategy, lays the tracks out with their gaps and crossfades and
writes into DIR the continuous album ("<title>.wav"), one file per track
("01 Title.wav", from its mark to the next) and a CUE sheet, then prints
each track's loudness as it plays on the album and its difference from
the album. --cd checks the Red Book's rules first (44.1 kHz, 1 to 99
tracks of at least 4 s, marks on CD frames, 2 s before track 1, at most
80 minutes; each broken one named) and writes 16-bit WAV, dithered once,
the track files cut from the continuous one bit for bit, and a DDP 2.00
image ("<name>-ddp": DDPID, DDPMS, PQDESCR, IMAGE.DAT, CDTEXT.BIN) that
is read back and checked against the render. Otherwise
--format and --bits (default: WAV, 24-bit). --jobs N masters N tracks at
once (the files are the same for any N). --targets delivers every track
for those services into "<name>-streaming": each in the target's format
and rate, its true-peak ceiling held, the album's loudness kept (the
service normalises it), with a compliance report beside it. An existing output is replaced
only with --force. Exit codes: 0 done, 1 the work failed (the message names
the track and the problem), 2 usage error.
)";

    std::string formatTime (int64_t samples, double rate) { return clockText ((double) samples / rate, 2); }

    int runAlbumNew (ArgumentCursor& cursor)
    {
        std::string file, title, performer;
        std::vector<std::string> sources;
        bool cd = false, force = false;
        while (! cursor.done())
        {
            const auto& a = cursor.next();
            if (a == "--cd") cd = true;
            else if (a == "--title") title = cursor.value (a);
            else if (a == "--performer") performer = cursor.value (a);
            else if (a == "--force") force = true;
            else if (a.starts_with ("-") && a.size() > 1) cursor.fail ("unknown option " + a);
            else if (file.empty()) file = a;
            else sources.push_back (a);
        }
        if (file.empty() || sources.empty())
            cursor.fail ("album new needs the album file and at least one track");
        std::vector<std::filesystem::path> paths (sources.begin(), sources.end());
        const auto album = newAlbum (paths, cd, title, performer);
        saveAlbumFile (album, file, force);
        std::printf ("wrote %s: %zu tracks at %d Hz\n", file.c_str(), album.tracks.size(), (int) album.sampleRate);
        return exitOk;
    }

    int runAlbumRender (ArgumentCursor& cursor)
    {
        std::string file, folder, formatName = "wav", bitsName = "24";
        AlbumRenderRequest request;
        while (! cursor.done())
        {
            const auto& a = cursor.next();
            if (a == "-o" || a == "--output") folder = cursor.value (a);
            else if (a == "--cd") request.cd = true;
            else if (a == "--format") formatName = cursor.value (a);
            else if (a == "--bits") bitsName = cursor.value (a);
            else if (a == "--jobs") request.jobs = (int) cursor.integer (a, 1, 64, "");
            else if (a == "--targets")
            {
                std::string list = cursor.value (a);
                for (size_t at = 0; at <= list.size();)
                {
                    const auto comma = std::min (list.find (',', at), list.size());
                    const auto name = list.substr (at, comma - at);
                    at = comma + 1;
                    if (name.empty())
                        continue;
                    const auto preset = findTargetPreset (name);
                    if (! preset)
                        cursor.fail ("unknown target '" + name + "'");
                    request.targets.push_back (*preset);
                }
            }
            else if (a == "--force") request.replaceExisting = true;
            else if (a.starts_with ("-") && a.size() > 1) cursor.fail ("unknown option " + a);
            else if (file.empty()) file = a;
            else cursor.fail ("unexpected argument " + a);
        }
        if (file.empty() || folder.empty())
            cursor.fail ("album render needs the album file and -o DIR");
        const auto container = containerFromName (formatName);
        if (! container || (*container != Container::wav && *container != Container::flac && *container != Container::aiff))
            cursor.fail ("unknown format '" + formatName + "': wav, flac or aiff");
        const auto encoding = encodingFromName (bitsName);
        if (! encoding)
            cursor.fail ("unknown bit depth '" + bitsName + "': 16, 24 or 32f");
        request.format = { *container, *encoding, DitherKind::tpdf };
        request.album = loadAlbumFile (file);
        request.folder = folder;
        request.name = std::filesystem::path (file).stem().string();

        std::unique_ptr<ProgressBar> bar;
        std::string barStage;
        request.progress = [&] (const std::string& stage, double f) {
            if (stage != barStage)
            {
                if (bar != nullptr)
                    bar->finish();
                bar = std::make_unique<ProgressBar> (stage);
                barStage = stage;
            }
            bar->update (f);
        };
        const auto result = renderAlbum (request);
        if (bar != nullptr)
            bar->finish();

        const auto& album = request.album;
        std::printf ("%s  %s  (%s, %d tracks)\n", result.program.string().c_str(), formatTime (result.layout.totalSamples, album.sampleRate).c_str(),
                     std::string (loudnessStrategyName (album.strategy)).c_str(), (int) album.tracks.size());
        std::printf ("%-4s %-28s %9s %9s %9s %8s %7s %6s %8s %8s\n", "#", "title", "mark", "LUFS", "vs album", "max S", "LRA", "dBTP", "move dB",
                     "limit dB");
        for (size_t i = 0; i < result.tracks.size(); ++i)
        {
            const auto& t = result.tracks[i];
            const auto title = album.tracks[i].title.substr (0, 28);
            std::printf ("%-4zu %-28s %9s %9.1f %+9.1f %8.1f %7.1f %6.1f %+8.1f %8.1f%s\n", i + 1, title.c_str(),
                         cueTime (result.layout.spans[i].start, album.sampleRate).c_str(), t.inProgram.integratedLufs,
                         t.inProgram.integratedLufs - result.album.integratedLufs, t.inProgram.maxShortTermLufs, t.inProgram.loudnessRangeLu,
                         t.inProgram.truePeakDbtp, t.strategyGainDb, t.maxLimitingDb, t.needsTooMuchLimiting ? "  !" : "");
        }
        std::printf ("%-4s %-28s %9s %9.1f %9s %8.1f %7.1f %6.1f\n", "", "album", "", result.album.integratedLufs, "", result.album.maxShortTermLufs,
                     result.album.loudnessRangeLu, result.album.truePeakDbtp);
        // What each streaming service does to each track, from its playback rule.
        std::vector<TrackLoudness> loudness;
        for (const auto& t : result.tracks)
            loudness.push_back ({ t.inProgram.integratedLufs, t.inProgram.truePeakDbtp });
        std::printf ("\nas the streaming services play it (gain per track, dB; docs/streaming-preview.md):\n%-28s", "");
        for (size_t i = 0; i < result.tracks.size() && i < 12; ++i)
            std::printf (" %6zu", i + 1);
        std::printf ("\n");
        for (const auto& preset : targetPresets())
            if (preset.playback)
            {
                const auto& rule = *preset.playback;
                const auto gains = playbackGainsDb (rule, rule.albumMode, loudness, result.album.integratedLufs);
                const auto label = preset.name + (rule.albumMode ? " (album)" : " (track)") + (rule.official ? "" : " *");
                std::printf ("%-28s", label.c_str());
                for (size_t i = 0; i < gains.size() && i < 12; ++i)
                    std::printf (" %+6.1f", gains[i]);
                std::printf ("\n");
            }
        std::printf ("* from third-party measurements; the service publishes no rule\n\n");
        if (result.transitionLimitingDb > 0)
            std::printf ("transitions crossed the %.1f dBTP ceiling: held under it by up to %.1f dB of limiting\n", album.ceilingDbtp,
                         result.transitionLimitingDb);
        for (const auto& w : result.warnings)
            std::printf ("warning: %s\n", w.c_str());
        std::printf ("cue sheet: %s\n", result.cue.string().c_str());
        for (size_t i = 0; i < result.deliveries.size(); ++i)
            for (const auto& d : result.deliveries[i])
                std::printf ("%s  %-14s %s (%s)\n", d.passes() ? "PASS" : "FAIL", d.target.name.c_str(), d.file.string().c_str(),
                             describe (d.format).c_str());
        if (! result.ddp.empty())
            std::printf ("DDP 2.00 image: %s (read back: the audio, PQ times, ISRCs, UPC and CD-Text match the render)\n",
                         result.ddp.string().c_str());
        return exitOk;
    }
} // namespace

int runAlbum (const Args& args)
{
    if (wantsHelp (args) || args.empty())
    {
        std::fputs (albumHelp, args.empty() ? stderr : stdout);
        return args.empty() ? exitUsage : exitOk;
    }
    const Args rest (args.begin() + 1, args.end());
    ArgumentCursor cursor (rest, albumHelp);
    if (args[0] == "new")
        return runAlbumNew (cursor);
    if (args[0] == "render")
        return runAlbumRender (cursor);
    cursor.fail ("unknown album command '" + args[0] + "': new or render");
}
} // namespace crest::cli
