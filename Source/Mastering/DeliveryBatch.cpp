#include "DeliveryBatch.h"

#include "Core/CrestError.h"
#include "IO/MediaPool.h"
#include "Render/OfflineRenderer.h"
#include "Session/SessionFile.h"

#include <atomic>
#include <map>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace crest
{
namespace fs = std::filesystem;

bool BatchOutcome::passes() const
{
    if (! error.empty())
        return false;
    for (const auto& r : results)
        if (! r.passes())
            return false;
    return true;
}

namespace
{
    BatchOutcome runJob (const BatchRequest& batch, size_t index)
    {
        BatchOutcome outcome;
        outcome.input = batch.inputs[index];
        // A session's mix is rendered into a work folder of this job's own,
        // under the session's name, so its deliveries are named after it.
        const auto work = batch.folder / (".crest-deliver-work-" + std::to_string (::getpid()) + "-" + std::to_string (index));
        try
        {
            DeliveryRequest request;
            request.folder = batch.folder;
            request.targets = batch.targets;
            request.container = batch.container;
            request.dither = batch.dither;
            request.replaceExisting = batch.replaceExisting;
            request.input = outcome.input;
            if (batch.progress)
                request.progress = [&batch, index] (size_t target, double f) { batch.progress (index, target, f); };
            if (batch.chain)
                request.chain = *batch.chain;
            if (outcome.input.extension() == ".crest-album")
            {
                if (! batch.deliverAlbum)
                    throw CrestError (outcome.input, "is an album, and this batch cannot deliver albums");
                outcome.results = batch.deliverAlbum (outcome.input, batch.folder);
                return outcome;
            }
            if (outcome.input.extension() == sessionExtension)
            {
                const auto session = loadSessionFile (outcome.input);
                fs::create_directories (work);
                MediaPool media (work / "cache");
                RenderRequest render;
                render.output = work / (outcome.input.stem().string() + ".wav");
                render.format = { Container::wav, SampleEncoding::float32, DitherKind::none };
                render.preMaster = true;
                render.protectedFiles = { outcome.input };
                render.threads = 1;   // the jobs are the parallelism
                renderSession (session, render, media);
                request.input = render.output;
                if (! batch.chain)
                    request.chain = session.masterChain;
            }
            outcome.results = deliver (request);
        }
        catch (const std::exception& e)
        {
            outcome.error = e.what();
            if (outcome.error.find (outcome.input.filename().string()) == std::string::npos)
                outcome.error = outcome.input.string() + ": " + outcome.error;
        }
        std::error_code ec;
        fs::remove_all (work, ec);
        return outcome;
    }
} // namespace

std::vector<BatchOutcome> deliverBatch (const BatchRequest& request)
{
    // Deliveries are named after their input's stem: two inputs with one stem would overwrite each other.
    std::map<std::string, fs::path> stems;
    for (const auto& input : request.inputs)
    {
        const auto stem = input.stem().string();
        if (const auto found = stems.find (stem); found != stems.end())
            throw CrestError (input, "would be delivered under the same name as " + found->second.string() + " (\"" + stem
                                         + "-<target>\"); rename one, or deliver them into different folders");
        stems[stem] = input;
    }
    std::vector<BatchOutcome> outcomes (request.inputs.size());
    std::atomic<size_t> next { 0 };
    std::mutex reporting;
    auto worker = [&] {
        for (size_t i; (i = next.fetch_add (1)) < request.inputs.size();)
        {
            outcomes[i] = runJob (request, i);
            if (request.finished)
            {
                std::lock_guard guard (reporting);
                request.finished (i, outcomes[i]);
            }
        }
    };
    const int threads = std::max (1, std::min (request.jobs, (int) request.inputs.size()));
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back (worker);
    worker();
    for (auto& t : pool)
        t.join();
    return outcomes;
}
} // namespace crest
