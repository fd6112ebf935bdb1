#include "AlbumRender.h"

#include "AlbumAssembler.h"
#include "CueSheet.h"
#include "DdpImage.h"
#include "RedBook.h"

#include "Core/CrestError.h"
#include "Dsp/TruePeakLimiter.h"
#include "IO/AtomicTextFile.h"
#include "IO/AudioFileReader.h"
#include "IO/AudioFileWriter.h"
#include "IO/MediaPool.h"
#include "IO/OutputTarget.h"
#include "IO/SampleRateConverter.h"
#include "Mastering/FileMastering.h"
#include "Render/OfflineRenderer.h"
#include "Session/SessionFile.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace crest
{
namespace fs = std::filesystem;

namespace
{
    constexpr int blockFrames = 4096;
    constexpr double lowestSourceRate = 32000.0;
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

    // Each track's master read as stereo (a mono master on both sides).
    class MasteredTracks : public TrackAudio
    {
    public:
        explicit MasteredTracks (const std::vector<fs::path>& files)
        {
            for (const auto& f : files)
                readers.push_back (std::make_unique<AudioFileReader> (f));
        }
        void read (size_t track, int64_t from, float* left, float* right, int n) override
        {
            auto& r = *readers[track];
            const int channels = r.info().channels;
            if (positions[track] != from)
                r.seek (from);
            buffer.resize ((size_t) (n * channels));
            r.readInterleaved (buffer.data(), n);
            positions[track] = from + n;
            for (int i = 0; i < n; ++i)
            {
                left[i] = buffer[(size_t) (i * channels)];
                right[i] = buffer[(size_t) (i * channels + channels - 1)];
            }
        }

    private:
        std::vector<std::unique_ptr<AudioFileReader>> readers;
        std::map<size_t, int64_t> positions;
        std::vector<float> buffer;
    };

    // The chain a track is mastered by, and the trim into it.
    MasterChainDocument chainFor (const AlbumDocument& album, const AlbumTrack& track)
    {
        if (track.chain)
            return *track.chain;
        MasterChainDocument chain;
        if (! track.eq.values.empty())
            chain.modules.push_back (track.eq);
        for (const auto& m : album.sharedChain.modules)
            chain.modules.push_back (m);
        // Ids unique within the chain: the track's EQ may share the shared chain's "eq".
        for (size_t i = 1; i < chain.modules.size(); ++i)
            if (chain.modules[i].id == chain.modules[0].id)
                chain.modules[0].id = "track-eq";
        return chain;
    }

    // The track's source as a file at the album's rate: an audio file as it
    // is (converted when at another rate), a session rendered through its master.
    fs::path prepareSource (const AlbumDocument& album, size_t i, const WorkFolder& work, MediaPool& media)
    {
        const auto& t = album.tracks[i];
        const auto name = describeTrack (album, i);
        if (! fs::exists (t.source))
            throw CrestError (name + ": its source " + t.source.string() + " does not exist");
        fs::path file = t.source;
        if (t.source.extension() == sessionExtension)
        {
            SessionDocument session;
            try
            {
                session = loadSessionFile (t.source);
            }
            catch (const CrestError& e)
            {
                throw CrestError (name + ": " + e.what());
            }
            RenderRequest request;
            request.output = work / (std::to_string (i) + "-session.wav");
            request.format = floatWav;
            request.protectedFiles = { t.source };
            renderSession (session, request, media);
            file = request.output;
        }
        AudioFileInfo info;
        try
        {
            info = AudioFileReader (file).info();
        }
        catch (const CrestError& e)
        {
            throw CrestError (name + ": " + e.what());
        }
        if (info.channels > 2)
            throw CrestError (name + ": " + t.source.string() + " has " + std::to_string (info.channels)
                              + " channels; an album track is stereo or mono");
        if (info.sampleRate < lowestSourceRate)
            throw CrestError (name + ": " + t.source.string() + " is at " + std::to_string ((int) info.sampleRate)
                              + " Hz; an album track needs at least 32 kHz (a master from a lower rate has nothing above "
                              + std::to_string ((int) info.sampleRate / 2) + " Hz)");
        if (info.frames == 0)
            throw CrestError (name + ": " + t.source.string() + " is empty");
        if (info.sampleRate != album.sampleRate)
        {
            const auto converted = work / (std::to_string (i) + "-rate.wav");
            convertSampleRate (file, converted, album.sampleRate);
            file = converted;
        }
        return file;
    }

    MasterReport masterTrack (const AlbumDocument& album, size_t i, const fs::path& source, const fs::path& output,
                              std::optional<double> target)
    {
        const auto& t = album.tracks[i];
        MasterRequest request;
        request.input = source;
        request.output = output;
        request.format = floatWav;
        request.replaceExisting = true;
        request.chain = chainFor (album, t);
        request.inputGainDb = t.chain ? 0.0 : t.trimDb;
        request.targetLufs = target;
        if (target)
            request.ceilingDbtp = album.ceilingDbtp;
        try
        {
            return masterFile (request);
        }
        catch (const CrestError& e)
        {
            throw CrestError (describeTrack (album, i) + ": " + e.what());
        }
    }

    int64_t framesOf (const fs::path& file) { return AudioFileReader (file).info().frames; }

    // Runs work (i) for every track, `jobs` at a time; `done` (n) after each,
    // one at a time. The first failure (in track order) is thrown once all stop.
    void forEachTrack (size_t count, int jobs, const std::function<void (size_t)>& work, const std::function<void (size_t)>& done)
    {
        std::vector<std::exception_ptr> failures (count);
        std::atomic<size_t> next { 0 }, finished { 0 };
        std::mutex reporting;
        auto worker = [&] {
            for (size_t i; (i = next.fetch_add (1)) < count;)
            {
                try
                {
                    work (i);
                }
                catch (...)
                {
                    failures[i] = std::current_exception();
                    next = count;   // no new tracks once one has failed
                }
                std::lock_guard guard (reporting);
                done (++finished);
            }
        };
        std::vector<std::thread> pool;
        for (int t = 1; t < std::clamp (jobs, 1, (int) count); ++t)
            pool.emplace_back (worker);
        worker();
        for (auto& t : pool)
            t.join();
        for (const auto& f : failures)
            if (f)
                std::rethrow_exception (f);
    }

    struct Assembled
    {
        LoudnessReading album {};
        std::vector<LoudnessReading> tracks;
        double guardDb = 0;
    };

    // The program into `output` (float), through a true-peak limiter at the
    // ceiling when `guard`; measured whole and per track from its mark.
    Assembled assemble (const AlbumLayout& layout, const std::vector<double>& gainsDb, const std::vector<fs::path>& masters,
                        const fs::path& output, double sampleRate, std::optional<double> guardCeiling,
                        const std::function<void (double)>& progress)
    {
        AlbumAssembler assembler (layout, gainsDb, blockFrames);
        MasteredTracks tracks (masters);
        std::unique_ptr<TruePeakLimiter> limiter;
        int latency = 0;
        if (guardCeiling)
        {
            limiter = std::make_unique<TruePeakLimiter>();
            limiter->setParameter (TruePeakLimiter::ceilingDb, *guardCeiling);
            limiter->prepare ({ sampleRate, blockFrames, 2 });
            latency = limiter->latencySamples();
        }
        AudioFileWriter writer (output, floatWav, 2, sampleRate);
        LoudnessMeter whole (2, sampleRate);
        std::vector<std::unique_ptr<LoudnessMeter>> perTrack;
        for (size_t i = 0; i < layout.spans.size(); ++i)
            perTrack.push_back (std::make_unique<LoudnessMeter> (2, sampleRate));
        std::vector<float> left (blockFrames), right (blockFrames), interleaved (2 * blockFrames);
        Assembled result;
        int64_t toSkip = latency, written = 0;
        const int64_t total = layout.totalSamples;
        for (int64_t at = 0; at < total + latency; at += blockFrames)
        {
            const int n = (int) std::min<int64_t> (blockFrames, total + latency - at);
            const int fromProgram = (int) std::clamp<int64_t> (total - at, 0, n);
            if (fromProgram > 0)
                assembler.render (at, fromProgram, left.data(), right.data(), tracks);
            std::fill (left.begin() + fromProgram, left.begin() + n, 0.0f);
            std::fill (right.begin() + fromProgram, right.begin() + n, 0.0f);
            if (limiter)
            {
                float* channels[] = { left.data(), right.data() };
                limiter->process ({ channels, 2, n });
                result.guardDb = std::max (result.guardDb, (double) limiter->takeGainReductionDb());
            }
            const int skip = (int) std::min<int64_t> (toSkip, n);
            toSkip -= skip;
            const int out = n - skip;
            for (int i = 0; i < out; ++i)
            {
                interleaved[(size_t) (2 * i)] = left[(size_t) (i + skip)];
                interleaved[(size_t) (2 * i + 1)] = right[(size_t) (i + skip)];
            }
            whole.add (interleaved.data(), out);
            // Each track's meter takes the program from its mark to its end.
            for (size_t t = 0; t < layout.spans.size(); ++t)
            {
                const int64_t begin = std::max (written, layout.spans[t].start), end = std::min (written + out, layout.spans[t].end);
                if (begin < end)
                    perTrack[t]->add (interleaved.data() + 2 * (begin - written), end - begin);
            }
            writer.writeInterleaved (interleaved.data(), out);
            written += out;
            if (progress)
                progress ((double) at / (double) (total + latency));
        }
        writer.commit();
        result.album = whole.reading();
        for (auto& m : perTrack)
            result.tracks.push_back (m->reading());
        return result;
    }

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
    char number[8];
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

    // 1. Sources at the album's rate; 2. each mastered by its chain. The
    // tracks are independent: `jobs` of them at once, the same bytes.
    const bool everyTrack = album.strategy == LoudnessStrategy::everyTrack;
    const size_t count = album.tracks.size();
    std::vector<fs::path> sources (count), masters (count);
    std::vector<MasterReport> reports (count);
    forEachTrack (count, request.jobs, [&] (size_t i) {
        MediaPool media (work.path / ("cache-" + std::to_string (i)));
        sources[i] = prepareSource (album, i, work, media);
        masters[i] = work / (std::to_string (i) + "-master.wav");
        reports[i] = masterTrack (album, i, sources[i], masters[i], everyTrack ? std::optional (album.targetLufs) : std::nullopt);
    }, [&] (size_t done) { stage ("Mastering the tracks", (double) done / (double) count); });
    std::vector<int64_t> lengths;
    for (const auto& m : masters)
        lengths.push_back (framesOf (m));
    result.layout = layoutAlbum (album, lengths, request.cd);
    if (request.cd)
        if (const auto problems = redBookViolations (album, result.layout); ! problems.empty())
        {
            std::string text = "not a CD master (Red Book):";
            for (const auto& p : problems)
                text += "\n  " + p;
            throw CrestError (text);
        }

    // 3. The album and anchored strategies: one move for every track.
    result.tracks.resize (album.tracks.size());
    std::vector<double> gains (album.tracks.size(), 0.0);
    if (album.strategy == LoudnessStrategy::album || album.strategy == LoudnessStrategy::anchored)
    {
        double reference;
        if (album.strategy == LoudnessStrategy::album)
        {
            stage ("Measuring the album", 0.0);
            reference = assemble (result.layout, gains, masters, work / "measure.wav", album.sampleRate, std::nullopt, {}).album.integratedLufs;
        }
        else
        {
            const auto anchor = std::find_if (album.tracks.begin(), album.tracks.end(), [&] (const auto& t) { return t.id == album.anchorTrack; });
            if (anchor == album.tracks.end())
                throw CrestError ("the anchored strategy's track \"" + album.anchorTrack + "\" is not on the album");
            reference = reports[(size_t) (anchor - album.tracks.begin())].after.integratedLufs;
        }
        if (! std::isfinite (reference))
            throw CrestError ("the album has no loudness to bring to a target (silence)");
        const double move = album.targetLufs - reference;
        if (move <= 0)
            std::fill (gains.begin(), gains.end(), move);   // down: a plain gain keeps every level's relation exactly
        else
            // Up: each master again, to its own loudness plus the move, under the ceiling.
            forEachTrack (count, request.jobs, [&] (size_t i) {
                const auto raised = work / (std::to_string (i) + "-raised.wav");
                const auto report = masterTrack (album, i, sources[i], raised, reports[i].after.integratedLufs + move);
                masters[i] = raised;
                reports[i].maxLimitingDb = report.maxLimitingDb;
                reports[i].warnings = report.warnings;
            }, [&] (size_t done) { stage ("Raising the tracks", (double) done / (double) count); });
        for (auto& t : result.tracks)
            t.strategyGainDb = move;
    }
    else if (everyTrack)
        for (size_t i = 0; i < album.tracks.size(); ++i)
            result.tracks[i].strategyGainDb = reports[i].gainDb;

    // 4. The program, guarded at the ceiling where a transition crosses it.
    stage ("Assembling the album", 0.0);
    const auto program = work / "program.wav";
    auto assembled = assemble (result.layout, gains, masters, program, album.sampleRate, std::nullopt,
                               [&] (double f) { stage ("Assembling the album", f); });
    if (assembled.album.truePeakDbtp > album.ceilingDbtp)
        assembled = assemble (result.layout, gains, masters, program, album.sampleRate, album.ceilingDbtp,
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
