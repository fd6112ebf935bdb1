#include "AlbumRender.h"

#include "AlbumMasters.h"
#include "CueSheet.h"
#include "DdpImage.h"
#include "RedBook.h"

#include "Core/CrestError.h"
#include "IO/AtomicTextFile.h"
#include "IO/AudioFileReader.h"
#include "IO/AudioFileWriter.h"
#include "IO/OutputTarget.h"
#include "Mastering/FileMastering.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <unistd.h>

namespace crest
{
namespace fs = std::filesystem;

namespace
{
    constexpr int blockFrames = 4096;
    const OutputFormat floatWav { Container::wav, SampleEncoding::float32, DitherKind::none };

    // The work folder beside the output, removed however the render ends.
    struct WorkFolder
    {
        explicit WorkFolder (const fs::path& parent) : path (parent / (".crest-album-work-" + std::to_string (::getpid())))
        {
            std::error_code ec;
            fs::remove_all (path, ec);
            fs::create_directories (path);
        }
        ~WorkFolder()
        {
            std::error_code ec;
            fs::remove_all (path, ec);
        }
        fs::path operator/ (const std::string& name) const { return path / name; }
        fs::path path;
    };

    std::string safeFileName (std::string text)
    {
        for (auto& c : text)
            if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|' || (unsigned char) c < 32)
                c = '_';
        return text;
    }

    // Frames [from, to) of `source` into `target`, in `format`.
    void writeSegment (const fs::path& source, int64_t from, int64_t to, const OutputTarget& target, const OutputFormat& format, double rate)
    {
        AudioFileReader reader (source);
        reader.seek (from);
        AudioFileWriter writer (target, format, 2, rate);
        std::vector<float> buffer (2 * blockFrames);
        for (int64_t at = from; at < to; at += blockFrames)
        {
            const auto n = std::min<int64_t> (blockFrames, to - at);
            reader.readInterleaved (buffer.data(), n);
            writer.writeInterleaved (buffer.data(), n);
        }
        writer.commit();
    }
} // namespace

std::string trackFileName (const AlbumDocument& album, size_t index, const std::string& extension)
{
    char number[16];
    std::snprintf (number, sizeof (number), "%02d", (int) index + 1);
    const auto& title = album.tracks[index].title;
    return std::string (number) + (title.empty() ? "" : " " + safeFileName (title)) + extension;
}

AlbumRenderResult renderAlbum (const AlbumRenderRequest& request)
{
    const auto& album = request.album;
    auto stage = [&request] (const std::string& what, double f) {
        if (request.progress)
            request.progress (what, f);
    };
    if (request.cd)
        if (const auto problems = redBookPrecheck (album); ! problems.empty())
        {
            std::string text = "not a CD master (Red Book):";
            for (const auto& p : problems)
                text += "\n  " + p;
            throw CrestError (text);
        }
    if (album.tracks.empty())
        throw CrestError ("the album has no tracks to render");

    // Every output is checked before any work: nothing is half-written over.
    const OutputFormat format = request.cd ? OutputFormat { Container::wav, SampleEncoding::int16, DitherKind::tpdf } : request.format;
    const auto extension = extensionFor (format.container);
    const auto baseName = safeFileName (request.name.empty() ? (album.title.empty() ? "album" : album.title) : request.name);
    OutputRules rules;
    rules.kindName = "audio file";
    rules.isExpectedKind = isReadableAudioFile;
    rules.mayReplace = request.replaceExisting;
    rules.mayStream = false;
    for (const auto& t : album.tracks)
        rules.inputs.push_back (t.source);
    fs::create_directories (request.folder);
    const auto programTarget = checkOutputTarget (request.folder / (baseName + extension), rules);
    std::vector<OutputTarget> trackTargets;
    for (size_t i = 0; i < album.tracks.size(); ++i)
        trackTargets.push_back (checkOutputTarget (request.folder / trackFileName (album, i, extension), rules));
    OutputRules cueRules = rules;
    cueRules.kindName = "CUE sheet";
    cueRules.isExpectedKind = [] (const fs::path& p) { return p.extension() == ".cue"; };
    const auto cueTarget = checkOutputTarget (request.folder / (baseName + ".cue"), cueRules);
    if (request.cd && fs::exists (request.folder / (baseName + "-ddp")) && ! request.replaceExisting)
        throw CrestError (request.folder / (baseName + "-ddp"), "already exists; replacing it takes --force");

    WorkFolder work (request.folder);
    AlbumRenderResult result;

    // 1-3. Each track mastered and laid out, the strategy's gains found.
    AlbumMastersRequest mastering;
    mastering.album = album;
    mastering.work = work.path;
    mastering.cd = request.cd;
    mastering.jobs = request.jobs;
    mastering.progress = request.progress;
    auto masters = masterAlbumTracks (mastering);
    const auto count = album.tracks.size();
    result.layout = masters.layout;
    if (request.cd)
        if (const auto problems = redBookViolations (album, result.layout); ! problems.empty())
        {
            std::string text = "not a CD master (Red Book):";
            for (const auto& p : problems)
                text += "\n  " + p;
            throw CrestError (text);
        }
    result.tracks.resize (count);
    for (size_t i = 0; i < count; ++i)
        result.tracks[i].strategyGainDb = masters.strategyGainDb[i];
    const auto& reports = masters.reports;

    // 4. The program, guarded at the ceiling where a transition crosses it.
    stage ("Assembling the album", 0.0);
    const auto program = work / "program.wav";
    auto assembled = assembleAlbum (result.layout, masters.gainsDb, masters.files, program, album.sampleRate, std::nullopt,
                                    [&] (double f) { stage ("Assembling the album", f); });
    if (assembled.album.truePeakDbtp > album.ceilingDbtp)
        assembled = assembleAlbum (result.layout, masters.gainsDb, masters.files, program, album.sampleRate, album.ceilingDbtp,
                                   [&] (double f) { stage ("Keeping the transitions under the ceiling", f); });
    result.transitionLimitingDb = assembled.guardDb;

    // 5. The files: the continuous program, then each track cut from it.
    stage ("Writing the files", 0.0);
    {
        AudioFileWriter writer (programTarget, format, 2, album.sampleRate);
        AudioFileReader reader (program);
        std::vector<float> buffer (2 * blockFrames);
        for (int64_t at = 0; at < result.layout.totalSamples; at += blockFrames)
        {
            const auto n = std::min<int64_t> (blockFrames, result.layout.totalSamples - at);
            reader.readInterleaved (buffer.data(), n);
            writer.writeInterleaved (buffer.data(), n);
        }
        writer.commit();
    }
    result.program = programTarget.path;
    // A track's file runs from its mark to the next track's (its pause before the next goes with it).
    // Cut from the written file, undithered: for 16-bit the very samples of the continuous one.
    const auto cutFrom = format.container == Container::wav || format.container == Container::aiff || format.container == Container::flac
                             ? programTarget.path
                             : program;
    OutputFormat cutFormat = format;
    if (cutFrom == programTarget.path)
        cutFormat.dither = DitherKind::none;
    for (size_t i = 0; i < album.tracks.size(); ++i)
    {
        const int64_t from = result.layout.spans[i].start;
        const int64_t to = i + 1 < album.tracks.size() ? result.layout.spans[i + 1].start : result.layout.totalSamples;
        writeSegment (cutFrom, from, to, trackTargets[i], cutFormat, album.sampleRate);
        auto& t = result.tracks[i];
        t.file = trackTargets[i].path;
        t.mastered = reports[i].after;
        t.inProgram = assembled.tracks[i];
        t.maxLimitingDb = reports[i].maxLimitingDb;
        t.needsTooMuchLimiting = t.maxLimitingDb > album.limitingWarningDb;
        if (t.needsTooMuchLimiting)
        {
            char text[200];
            std::snprintf (text, sizeof (text), ": takes %.1f dB of limiting, more than the album's %.1f dB", t.maxLimitingDb,
                           album.limitingWarningDb);
            result.warnings.push_back (describeTrack (album, i) + text);
        }
        for (const auto& w : reports[i].warnings)
            result.warnings.push_back (describeTrack (album, i) + ": " + w);
    }
    saveTextAtomically (cueTarget.path, cueSheet (album, result.layout, programTarget.path.filename().string()));
    result.cue = cueTarget.path;
    if (request.cd)
    {
        stage ("Writing the DDP image", 0.0);
        result.ddp = request.folder / (baseName + "-ddp");
        writeDdpImage (album, result.layout, result.program, result.ddp, request.replaceExisting);
        if (const auto problems = verifyDdpImage (readDdpImage (result.ddp), album, result.layout, result.program); ! problems.empty())
        {
            std::string text = "the DDP image does not match the render:";
            for (const auto& p : problems)
                text += "\n  " + p;
            throw CrestError (result.ddp, text);
        }
    }
    result.album = assembled.album;

    // Each track for the streaming services, cut from the float program.
    if (! request.targets.empty())
    {
        const auto streaming = request.folder / (baseName + "-streaming");
        for (size_t i = 0; i < count; ++i)
        {
            stage ("Delivering " + describeTrack (album, i), (double) i / (double) count);
            fs::create_directories (work / "tracks");
            const auto segment = work / "tracks" / trackFileName (album, i, ".wav");
            const int64_t from = result.layout.spans[i].start;
            const int64_t to = i + 1 < count ? result.layout.spans[i + 1].start : result.layout.totalSamples;
            OutputRules mine;
            mine.kindName = "audio file";
            mine.isExpectedKind = isReadableAudioFile;
            mine.mayReplace = true;
            writeSegment (program, from, to, checkOutputTarget (segment, mine), floatWav, album.sampleRate);
            DeliveryRequest delivery;
            delivery.input = segment;
            delivery.folder = streaming;
            delivery.targets = request.targets;
            delivery.keepLoudness = true;
            delivery.inputName = describeTrack (album, i) + " of " + (album.title.empty() ? baseName : album.title) + " (its level on the album)";
            delivery.replaceExisting = request.replaceExisting;
            result.deliveries.push_back (deliver (delivery));
        }
    }
    stage ("Done", 1.0);
    return result;
}
} // namespace crest
