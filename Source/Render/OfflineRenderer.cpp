#include "OfflineRenderer.h"

#include "Core/CrestError.h"
#include "Engine/Engine.h"
#include "IO/AudioFileReader.h"
#include "IO/AudioFileWriter.h"
#include "IO/OutputTarget.h"

#include <algorithm>
#include <optional>

namespace crest
{
namespace
{
    OutputTarget checkTarget (const SessionDocument& session, const RenderRequest& request, const std::filesystem::path& output)
    {
        OutputRules rules;
        rules.kindName = "audio file";
        rules.isExpectedKind = isReadableAudioFile;
        rules.mayReplace = request.replaceExisting;
        rules.inputs = request.protectedFiles;
        for (const auto& track : session.tracks)
            for (const auto& clip : track.clips)
                rules.inputs.emplace_back (clip.file);
        return checkOutputTarget (output, rules);
    }

    std::string safeFileName (const std::string& name)
    {
        std::string safe;
        for (unsigned char c : name)
            safe += c < 0x20 || c == '/' || c == '\\' || c == 0x7f ? '_' : (char) c;
        while (! safe.empty() && (safe.front() == '.' || safe.front() == ' '))
            safe.erase (safe.begin());
        return safe.substr (0, 120);
    }

    // One file being written: the mix or a node's output, with the
    // samples still to drop from its front (its latency).
    struct Sink
    {
        std::unique_ptr<AudioFileWriter> writer;
        const ChannelRuntime* node = nullptr;   // null: the mix
        int64_t toSkip = 0, written = 0;
    };
} // namespace

std::vector<std::filesystem::path> stemFiles (const SessionDocument& session, const RenderRequest& request)
{
    const char* extension = request.format.container == Container::flac ? ".flac" : request.format.container == Container::aiff ? ".aiff" : ".wav";
    std::vector<std::filesystem::path> files;
    auto numbered = [] (size_t i) { return (i < 9 ? "0" : "") + std::to_string (i + 1); };
    for (size_t i = 0; i < session.tracks.size(); ++i)
    {
        const auto& t = session.tracks[i];
        files.push_back (request.stemsFolder / (numbered (i) + " " + safeFileName (t.name.empty() ? t.id : t.name) + extension));
    }
    for (size_t i = 0; i < session.buses.size(); ++i)
    {
        const auto& b = session.buses[i];
        files.push_back (request.stemsFolder / ("Bus " + numbered (i) + " " + safeFileName (b.name.empty() ? b.id : b.name) + extension));
    }
    return files;
}

OutputTarget checkRenderOutput (const SessionDocument& session, const RenderRequest& request)
{
    return checkTarget (session, request, request.output);
}

SessionDocument withoutMaster (SessionDocument session)
{
    session.masterChain = {};
    return session;
}

RenderReport renderSession (const SessionDocument& session, const RenderRequest& request, MediaPool& media)
{
    auto options = request.builderOptions;
    options.maxBlockFrames = std::max (options.maxBlockFrames, request.blockFrames);
    PlanBuilder builder (media, options);
    auto plan = builder.build (request.preMaster ? withoutMaster (session) : session);

    const bool withMix = ! request.output.empty();
    const auto reportName = withMix ? request.output : request.stemsFolder;
    std::optional<OutputTarget> target;
    if (withMix)
        target = checkRenderOutput (session, request);
    std::vector<std::pair<std::filesystem::path, OutputTarget>> stemTargets;
    if (! request.stemsFolder.empty())
    {
        std::error_code ignored;
        std::filesystem::create_directories (request.stemsFolder, ignored);
        if (! std::filesystem::is_directory (request.stemsFolder))
            throw CrestError (request.stemsFolder, "cannot be made into a folder for the stems");
        for (const auto& file : stemFiles (session, request))
            stemTargets.emplace_back (file, checkTarget (session, request, file));
    }

    if (! builder.offlineFiles().empty() && ! request.allowMissing)
    {
        std::string list;
        for (const auto& problem : builder.problems())
            list += "\n  " + problem;
        throw CrestError (reportName, "not rendered: " + std::to_string (builder.offlineFiles().size())
                                              + " media file" + (builder.offlineFiles().size() == 1 ? " is" : "s are")
                                              + " offline (allow missing media to render them as silence):" + list);
    }

    RenderReport report;
    report.sampleRate = session.sampleRate;
    report.warnings = builder.problems();
    report.warnings.insert (report.warnings.end(), builder.warnings().begin(), builder.warnings().end());
    report.toStream = target && target->isStream();

    const int64_t start = std::max<int64_t> (0, request.startSample);
    const int64_t end = request.endSample >= 0 ? request.endSample : plan->lengthSamples;
    if (end <= start)
        throw CrestError (reportName, "nothing to render (the range " + std::to_string (start) + " to " + std::to_string (end)
                                              + " samples is empty)");
    const int latency = plan->latencySamples;

    // Stems come from the nodes' own outputs: each drops its node's
    // latency, as the mix drops the whole graph's.
    std::vector<Sink> sinks;
    if (withMix)
        sinks.push_back ({ std::make_unique<AudioFileWriter> (*target, request.format, 2, session.sampleRate), nullptr, latency, 0 });
    {
        std::vector<std::string> ids;
        for (const auto& t : session.tracks)
            ids.push_back (t.id);
        for (const auto& b : session.buses)
            ids.push_back (b.id);
        for (size_t i = 0; i < stemTargets.size(); ++i)
        {
            const auto found = std::find_if (plan->nodes.begin(), plan->nodes.end(), [&] (const PlanNode& n) { return n.id == ids[i]; });
            sinks.push_back ({ std::make_unique<AudioFileWriter> (stemTargets[i].second, request.format, 2, session.sampleRate),
                               found->runtime.get(), found->outputLatency, 0 });
        }
    }

    DiskStreamer streamer (2 * ClipStream::chunkFrames);
    streamer.setPlacements (builder.placements());
    EngineOptions engineOptions;
    engineOptions.maxBlockFrames = options.maxBlockFrames;
    if (request.threads > 0)
        engineOptions.threads = request.threads;
    Engine engine (streamer, engineOptions);
    engine.plans().publish (std::move (plan));
    engine.transport().position = start;
    engine.transport().playing = true;

    // Blocks no larger than the engine's: after each, every node's output
    // buffer holds that whole block.
    const int block = request.blockFrames;
    std::vector<float> left ((size_t) block), right ((size_t) block), interleaved ((size_t) block * 2);
    float* channels[] = { left.data(), right.data() };
    const int64_t total = end - start;
    int64_t position = start;
    auto unfinished = [&] { return std::any_of (sinks.begin(), sinks.end(), [&] (const Sink& s) { return s.written < total; }); };
    while (unfinished())
    {
        if (request.cancel != nullptr && request.cancel->load())
            throw CrestError (reportName, "render cancelled; no file was written");
        const int n = block;
        streamer.prefetch (position, n);
        engine.process (channels, 2, n);
        position += n;

        for (auto& sink : sinks)
        {
            const float* from[2] = { left.data(), right.data() };
            if (sink.node != nullptr)
            {
                from[0] = sink.node->output()[0];
                from[1] = sink.node->output()[1];
            }
            const int first = (int) std::min<int64_t> (sink.toSkip, n);
            sink.toSkip -= first;
            const int keep = (int) std::min<int64_t> (n - first, total - sink.written);
            for (int i = 0; i < keep; ++i)
            {
                interleaved[(size_t) (2 * i)] = from[0][first + i];
                interleaved[(size_t) (2 * i + 1)] = from[1][first + i];
            }
            if (keep > 0)
                sink.writer->writeInterleaved (interleaved.data(), keep);
            sink.written += keep;
        }
        if (request.progress)
        {
            int64_t least = total;
            for (const auto& sink : sinks)
                least = std::min (least, sink.written);
            request.progress ((double) least / (double) total);
        }
    }
    // A clip that failed mid-render came out silent: that is not a master.
    if (const auto problems = streamer.takeProblems(); ! problems.empty())
        throw CrestError (reportName, "render failed, no file was written: " + problems.front());
    for (auto& sink : sinks)
        sink.writer->commit();
    for (auto lines : { streamer.takeWarnings(), builder.nonFiniteReports() })
        report.warnings.insert (report.warnings.end(), lines.begin(), lines.end());
    report.frames = total;
    for (const auto& stem : stemTargets)
        report.stems.push_back (stem.first);
    return report;
}
} // namespace crest
