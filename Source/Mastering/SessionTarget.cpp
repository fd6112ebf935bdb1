#include "SessionTarget.h"

#include "Core/CrestError.h"
#include "IO/FileSync.h"
#include "IO/MediaPool.h"
#include "Render/OfflineRenderer.h"

#include <algorithm>
#include <filesystem>

namespace crest
{
namespace
{
    struct Scratch
    {
        std::filesystem::path mix, master;
        ~Scratch()
        {
            std::error_code ec;
            std::filesystem::remove (mix, ec);
            std::filesystem::remove (master, ec);
        }
    };
} // namespace

SessionTargetResult gainForTarget (const SessionDocument& session, double targetLufs, double ceilingDbtp,
                                   const std::function<void (double)>& progress)
{
    if (std::none_of (session.masterChain.modules.begin(), session.masterChain.modules.end(), [] (const auto& m) { return m.kind == "limiter"; }))
        throw CrestError ("the master chain has no limiter to bring the master to a target");
    Scratch scratch;
    const auto folder = std::filesystem::temp_directory_path();
    scratch.mix = temporarySibling (folder / "crest-target-mix.wav", "render");
    scratch.master = temporarySibling (folder / "crest-target-master.wav", "render");

    RenderRequest render;
    render.output = scratch.mix;
    render.format = { Container::wav, SampleEncoding::float32 };
    render.preMaster = true;
    render.progress = [&] (double f) {
        if (progress)
            progress (0.3 * f);
    };
    MediaPool media;
    renderSession (session, render, media);

    MasterRequest master;
    master.input = scratch.mix;
    master.output = scratch.master;
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
