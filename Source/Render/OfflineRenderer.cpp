#include "OfflineRenderer.h"

#include "Core/CrestError.h"
#include "Engine/Engine.h"
#include "IO/AudioFileReader.h"
#include "IO/AudioFileWriter.h"
#include "IO/OutputTarget.h"

#include <algorithm>

namespace crest
{
OutputTarget checkRenderOutput (const SessionDocument& session, const RenderRequest& request)
{
    OutputRules rules;
    rules.kindName = "audio file";
    rules.isExpectedKind = isReadableAudioFile;
    rules.mayReplace = request.replaceExisting;
    rules.inputs = request.protectedFiles;
    for (const auto& track : session.tracks)
        for (const auto& clip : track.clips)
            rules.inputs.emplace_back (clip.file);
    return checkOutputTarget (request.output, rules);
}

RenderReport renderSession (const SessionDocument& session, const RenderRequest& request, MediaPool& media)
{
    auto options = request.builderOptions;
    options.maxBlockFrames = std::max (options.maxBlockFrames, request.blockFrames);
    PlanBuilder builder (media, options);
    auto plan = builder.build (session);

    const auto target = checkRenderOutput (session, request);

    if (! builder.offlineFiles().empty() && ! request.allowMissing)
    {
        std::string list;
        for (const auto& problem : builder.problems())
            list += "\n  " + problem;
        throw CrestError (request.output, "not rendered: " + std::to_string (builder.offlineFiles().size())
                                              + " media file" + (builder.offlineFiles().size() == 1 ? " is" : "s are")
                                              + " offline (allow missing media to render them as silence):" + list);
    }

    RenderReport report;
    report.sampleRate = session.sampleRate;
    report.warnings = builder.problems();
    report.warnings.insert (report.warnings.end(), builder.warnings().begin(), builder.warnings().end());
    report.toStream = target.isStream();

    const int64_t start = std::max<int64_t> (0, request.startSample);
    const int64_t end = request.endSample >= 0 ? request.endSample : plan->lengthSamples;
    if (end <= start)
        throw CrestError (request.output, "nothing to render (the range " + std::to_string (start) + " to " + std::to_string (end)
                                              + " samples is empty)");
    const int latency = plan->latencySamples;

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

    AudioFileWriter writer (target, request.format, 2, session.sampleRate);

    const int block = request.blockFrames;
    std::vector<float> left ((size_t) block), right ((size_t) block), interleaved ((size_t) block * 2);
    float* channels[] = { left.data(), right.data() };
    const int64_t total = end - start;
    int64_t toSkip = latency;   // the graph's delay, removed from the front
    int64_t written = 0;
    int64_t position = start;
    while (written < total)
    {
        if (request.cancel != nullptr && request.cancel->load())
            throw CrestError (request.output, "render cancelled; no file was written");
        const int n = block;
        streamer.prefetch (position, n);
        engine.process (channels, 2, n);
        position += n;

        int first = (int) std::min<int64_t> (toSkip, n);
        toSkip -= first;
        const int keep = (int) std::min<int64_t> (n - first, total - written);
        for (int i = 0; i < keep; ++i)
        {
            interleaved[(size_t) (2 * i)] = left[(size_t) (first + i)];
            interleaved[(size_t) (2 * i + 1)] = right[(size_t) (first + i)];
        }
        if (keep > 0)
            writer.writeInterleaved (interleaved.data(), keep);
        written += keep;
        if (request.progress)
            request.progress ((double) written / (double) total);
    }
    // A clip that failed mid-render came out silent: that is not a master.
    if (const auto problems = streamer.takeProblems(); ! problems.empty())
        throw CrestError (request.output, "render failed, no file was written: " + problems.front());
    writer.commit();
    for (auto lines : { streamer.takeWarnings(), builder.nonFiniteReports() })
        report.warnings.insert (report.warnings.end(), lines.begin(), lines.end());
    report.frames = written;
    return report;
}
} // namespace crest
