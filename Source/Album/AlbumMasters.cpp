#include "AlbumMasters.h"

#include "AlbumAssembler.h"

#include "Core/CrestError.h"
#include "Dsp/TruePeakLimiter.h"
#include "IO/AudioFileReader.h"
#include "IO/AudioFileWriter.h"
#include "IO/MediaPool.h"
#include "IO/SampleRateConverter.h"
#include "Render/OfflineRenderer.h"
#include "Session/MasterChainJson.h"
#include "Session/SessionFile.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>
#include <thread>

namespace crest
{
namespace fs = std::filesystem;

namespace
{
    constexpr int blockFrames = 4096;
    constexpr double lowestSourceRate = 32000.0;
    const OutputFormat floatWav { Container::wav, SampleEncoding::float32, DitherKind::none };

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
    // `scratch`: the stem of the files it may write ("<scratch>-session.wav", "<scratch>-rate.wav").
    fs::path prepareSource (const AlbumDocument& album, size_t i, const fs::path& scratch, MediaPool& media)
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
            request.output = scratch.string() + "-session.wav";
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
            const fs::path converted = scratch.string() + "-rate.wav";
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
    void forEachTrack (size_t count, int jobs, const std::function<void (size_t)>& work, const std::function<void (size_t)>& done,
                       const std::atomic<bool>* cancel)
    {
        std::vector<std::exception_ptr> failures (count);
        std::atomic<size_t> next { 0 }, finished { 0 };
        std::mutex reporting;
        auto worker = [&] {
            for (size_t i; (i = next.fetch_add (1)) < count;)
            {
                try
                {
                    if (cancel != nullptr && cancel->load())
                        throw CrestError ("cancelled");
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
        for (int t = 1; t < std::max (1, std::min (jobs, (int) count)); ++t)
            pool.emplace_back (worker);
        worker();
        for (auto& t : pool)
            t.join();
        for (const auto& f : failures)
            if (f)
                std::rethrow_exception (f);
    }


    // The album's loudness as album-mode normalisation measures it: every
    // track's blocks gated together. Its order, gaps and crossfades do not
    // change it, so a reorder finds every raised master already made.
    double tracksTogetherLufs (const AlbumLayout& layout, const std::vector<fs::path>& masters)
    {
        std::vector<std::unique_ptr<LoudnessMeter>> meters;
        std::vector<const LoudnessMeter*> all;
        std::vector<float> buffer;
        for (size_t i = 0; i < masters.size(); ++i)
        {
            AudioFileReader reader (masters[i]);
            const int channels = reader.info().channels;
            meters.push_back (std::make_unique<LoudnessMeter> (channels, reader.info().sampleRate));
            all.push_back (meters.back().get());
            const auto& span = layout.spans[i];
            reader.seek (span.sourceStart);
            buffer.resize ((size_t) (blockFrames * channels));
            for (int64_t at = 0; at < span.length(); at += blockFrames)
            {
                const auto n = std::min<int64_t> (blockFrames, span.length() - at);
                reader.readInterleaved (buffer.data(), n);
                meters.back()->add (buffer.data(), n);
            }
        }
        return LoudnessMeter::integratedOfAll (all);
    }

    // What makes a track's source file: the file as it is on disk, and the album's rate.
    std::string sourceKey (const AlbumDocument& album, size_t i)
    {
        const auto& source = album.tracks[i].source;
        std::error_code ec;
        const auto size = fs::file_size (source, ec);
        const auto date = fs::last_write_time (source, ec).time_since_epoch().count();
        char rate[32];
        std::snprintf (rate, sizeof (rate), "%.3f", album.sampleRate);
        return source.string() + "|" + std::to_string (size) + "|" + std::to_string (date) + "|" + rate;
    }

    // And what makes its master: the chain, the trim, the target and the ceiling.
    std::string masterKey (const AlbumDocument& album, size_t i, std::optional<double> target)
    {
        const auto& t = album.tracks[i];
        char numbers[96];
        std::snprintf (numbers, sizeof (numbers), "|%.6f|%.6f|%.6f", t.chain ? 0.0 : t.trimDb, target.value_or (1000.0),
                       album.ceilingDbtp);
        return sourceKey (album, i) + "|" + writeMasterChain (chainFor (album, t)).dump() + numbers;
    }
} // namespace

MasterCache::MasterCache (fs::path folder) : where (std::move (folder))
{
    std::error_code ec;
    fs::remove_all (where, ec);
    fs::create_directories (where);
}

MasterCache::~MasterCache()
{
    std::error_code ec;
    fs::remove_all (where, ec);
}

std::optional<MasterCache::Entry> MasterCache::find (const std::string& key) const
{
    std::lock_guard guard (lock);
    const auto found = entries.find (key);
    if (found == entries.end() || ! fs::exists (found->second.file))
        return std::nullopt;
    lastUsed[key] = run;
    return found->second;
}

fs::path MasterCache::fileFor (const std::string& key)
{
    std::lock_guard guard (lock);
    auto& name = names[key];
    if (name.empty())
        name = where / ("m" + std::to_string (++made) + ".wav");   // never a name in use, even after a forget
    return name;
}

void MasterCache::keep (const std::string& key, Entry entry)
{
    std::lock_guard guard (lock);
    entries[key] = std::move (entry);
    lastUsed[key] = run;
}

void MasterCache::forgetUnused()
{
    std::lock_guard guard (lock);
    for (auto e = entries.begin(); e != entries.end();)
    {
        if (lastUsed[e->first] >= run - 1)
        {
            ++e;
            continue;
        }
        // Files the cache made, and only those: a source that needed no work is never one.
        std::error_code ec;
        if (e->second.file.parent_path() == where)
            fs::remove (e->second.file, ec);
        names.erase (e->first);
        lastUsed.erase (e->first);
        e = entries.erase (e);
    }
    ++run;
}

AlbumMasters masterAlbumTracks (const AlbumMastersRequest& request)
{
    const auto& album = request.album;
    auto stage = [&request] (const std::string& what, double f) {
        if (request.progress)
            request.progress (what, f);
    };
    const auto& work = request.work;
    fs::create_directories (work);
    const size_t count = album.tracks.size();

    // The master for `key`: from the cache when it has it, else made by
    // `make` into `fresh` (no cache) or the cache's file (kept there).
    auto master = [&request] (const std::string& key, const fs::path& fresh, const std::function<MasterReport (const fs::path&)>& make) {
        if (request.cache == nullptr)
            return MasterCache::Entry { fresh, make (fresh) };
        if (auto found = request.cache->find (key))
            return *found;
        MasterCache::Entry entry;
        entry.file = request.cache->fileFor (key);
        entry.report = make (entry.file);
        request.cache->keep (key, entry);
        return entry;
    };

    // 1. Sources at the album's rate; 2. each mastered by its chain. The
    // tracks are independent: `jobs` of them at once, the same bytes.
    const bool everyTrack = album.strategy == LoudnessStrategy::everyTrack;
    AlbumMasters result;
    std::vector<fs::path> sources (count);
    result.files.resize (count);
    result.reports.resize (count);
    forEachTrack (count, request.jobs, [&] (size_t i) {
        const auto index = std::to_string (i);
        const auto key = "source|" + sourceKey (album, i);
        if (const auto found = request.cache != nullptr ? request.cache->find (key) : std::nullopt)
            sources[i] = found->file;
        else
        {
            const auto scratch = request.cache != nullptr ? request.cache->fileFor (key).replace_extension() : work / index;
            MediaPool media (work / ("media-" + index));
            sources[i] = prepareSource (album, i, scratch, media);
            // Only a file made here is cached (and may be removed with it): never the source itself.
            if (request.cache != nullptr && sources[i] != album.tracks[i].source)
                request.cache->keep (key, { sources[i], {} });
        }
        const auto target = everyTrack ? std::optional (album.targetLufs) : std::nullopt;
        const auto made = master ("master|" + masterKey (album, i, target), work / (index + "-master.wav"),
                                  [&] (const fs::path& file) { return masterTrack (album, i, sources[i], file, target); });
        result.files[i] = made.file;
        result.reports[i] = made.report;
    }, [&] (size_t done) { stage ("Mastering the tracks", (double) done / (double) count); }, request.cancel);

    std::vector<int64_t> lengths;
    for (const auto& m : result.files)
        lengths.push_back (framesOf (m));
    result.layout = layoutAlbum (album, lengths, request.cd);

    // 3. The album and anchored strategies: one move for every track.
    result.gainsDb.assign (count, 0.0);
    result.strategyGainDb.assign (count, 0.0);
    if (album.strategy == LoudnessStrategy::album || album.strategy == LoudnessStrategy::anchored)
    {
        double reference;
        if (album.strategy == LoudnessStrategy::album)
        {
            stage ("Measuring the album", 0.0);
            reference = tracksTogetherLufs (result.layout, result.files);
        }
        else
        {
            const auto anchor = std::find_if (album.tracks.begin(), album.tracks.end(), [&] (const auto& t) { return t.id == album.anchorTrack; });
            if (anchor == album.tracks.end())
                throw CrestError ("the anchored strategy's track \"" + album.anchorTrack + "\" is not on the album");
            reference = result.reports[(size_t) (anchor - album.tracks.begin())].after.integratedLufs;
        }
        if (! std::isfinite (reference))
            throw CrestError ("the album has no loudness to bring to a target (silence)");
        const double move = album.targetLufs - reference;
        if (move <= 0)
            std::fill (result.gainsDb.begin(), result.gainsDb.end(), move);   // down: a plain gain keeps every level's relation exactly
        else
            // Up: each master again, to its own loudness plus the move, under the ceiling.
            forEachTrack (count, request.jobs, [&] (size_t i) {
                const double raisedTo = result.reports[i].after.integratedLufs + move;
                const auto made = master ("raised|" + masterKey (album, i, raisedTo), work / (std::to_string (i) + "-raised.wav"),
                                          [&] (const fs::path& file) { return masterTrack (album, i, sources[i], file, raisedTo); });
                result.files[i] = made.file;
                result.reports[i].maxLimitingDb = made.report.maxLimitingDb;
                result.reports[i].warnings = made.report.warnings;
            }, [&] (size_t done) { stage ("Raising the tracks", (double) done / (double) count); }, request.cancel);
        std::fill (result.strategyGainDb.begin(), result.strategyGainDb.end(), move);
    }
    else if (everyTrack)
        for (size_t i = 0; i < count; ++i)
            result.strategyGainDb[i] = result.reports[i].gainDb;
    if (request.cache != nullptr)
        request.cache->forgetUnused();
    return result;
}

// The program into `output` (float), through a true-peak limiter at the
// ceiling when `guard`; measured whole and per track from its mark.
AlbumProgram assembleAlbum (const AlbumLayout& layout, const std::vector<double>& gainsDb, const std::vector<fs::path>& masters,
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
    std::unique_ptr<AudioFileWriter> writer;
    if (! output.empty())
        writer = std::make_unique<AudioFileWriter> (output, floatWav, 2, sampleRate);
    LoudnessMeter whole (2, sampleRate);
    std::vector<std::unique_ptr<LoudnessMeter>> perTrack;
    for (size_t i = 0; i < layout.spans.size(); ++i)
        perTrack.push_back (std::make_unique<LoudnessMeter> (2, sampleRate));
    std::vector<float> left (blockFrames), right (blockFrames), interleaved (2 * blockFrames);
    AlbumProgram result;
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
        if (writer)
            writer->writeInterleaved (interleaved.data(), out);
        written += out;
        if (progress)
            progress ((double) at / (double) (total + latency));
    }
    if (writer)
        writer->commit();
    result.album = whole.reading();
    for (auto& m : perTrack)
        result.tracks.push_back (m->reading());
    return result;
}

AlbumDocument albumAtRate (AlbumDocument album, double sampleRate)
{
    const double ratio = sampleRate / album.sampleRate;
    auto moved = [ratio] (int64_t samples) { return (int64_t) std::llround ((double) samples * ratio); };
    for (auto& t : album.tracks)
    {
        t.gapBeforeSamples = moved (t.gapBeforeSamples);
        t.crossfadeSamples = moved (t.crossfadeSamples);
        t.startOffsetSamples = moved (t.startOffsetSamples);
        if (t.lengthSamples)
            t.lengthSamples = moved (*t.lengthSamples);
    }
    album.sampleRate = sampleRate;
    return album;
}
} // namespace crest
