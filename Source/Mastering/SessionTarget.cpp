#include "SessionTarget.h"

#include "Core/CrestError.h"
#include "IO/FileSync.h"
#include "IO/MediaPool.h"
#include "IO/ScratchFiles.h"
#include "Render/OfflineRenderer.h"

#include <algorithm>
#include <filesystem>

namespace crest
{
SessionTargetResult gainForTarget (const SessionDocument& session, double targetLufs, double ceilingDbtp,
                                   const std::function<void (double)>& progress)
{
    if (std::none_of (session.masterChain.modules.begin(), session.masterChain.modules.end(), [] (const auto& m) { return m.kind == "limiter"; }))
        throw CrestError ("the master chain has no limiter to bring the master to a target");
    ScratchFiles scratch;
    const auto folder = std::filesystem::temp_directory_path();
    const auto mixFile = scratch.add (folder / "crest-target-mix.wav", "render");
    const auto masterOut = scratch.add (folder / "crest-target-master.wav", "render");

    RenderRequest render;
    render.output = mixFile;
    render.format = { Container::wav, SampleEncoding::float32 };
    render.preMaster = true;
    render.progress = [&] (double f) {
        if (progress)
            progress (0.3 * f);
    };
    MediaPool media;
    renderSession (session, render, media);

    MasterRequest master;
    master.input = mixFile;
    master.output = masterOut;
    master.format = { Container::wav, SampleEncoding::float32 };
    master.chain = session.masterChain;
    master.targetLufs = targetLufs;
    master.ceilingDbtp = ceilingDbtp;
    master.progress = [&] (double f) {
        if (progress)
            progress (0.3 + 0.7 * f);
    };
    SessionTargetResult result;
    result.report = masterFile (master);
    result.limiterGainDb = result.report.gainDb;
    result.ceilingDbtp = result.report.ceilingDbtp;
    return result;
}
} // namespace crest
