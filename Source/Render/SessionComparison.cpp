#include "SessionComparison.h"

#include "IO/MediaPool.h"
#include "Mastering/FileMastering.h"
#include "OfflineRenderer.h"

#include <random>

namespace crest
{
SessionComparison::SessionComparison (const SessionDocument& session, const std::filesystem::path& sessionFile, bool withActivity,
                                      const std::function<void (const char*, double)>& progress, const std::atomic<bool>* cancel)
{
    std::random_device random;
    folder = std::filesystem::temp_directory_path() / ("crest-compare-" + std::to_string (random()) + std::to_string (random()));
    std::filesystem::create_directories (folder);
    mix = folder / "mix.wav";
    master = folder / "master.wav";
    try
    {
        MediaPool media;
        for (const bool preMaster : { true, false })
        {
            RenderRequest request;
            request.output = preMaster ? mix : master;
            request.format = { Container::wav, SampleEncoding::float32 };
            request.preMaster = preMaster;
            request.protectedFiles = { sessionFile };
            request.cancel = cancel;
            const char* stage = preMaster ? "Rendering the mix" : "Rendering the master";
            request.progress = [&progress, stage] (double f) {
                if (progress)
                    progress (stage, f);
            };
            renderSession (session, request, media);
        }
        if (withActivity)
        {
            MasterRequest pass;
            pass.input = mix;
            pass.output = folder / "activity.wav";
            pass.format = { Container::wav, SampleEncoding::float32 };
            pass.chain = session.masterChain;
            pass.progress = [&progress] (double f) {
                if (progress)
                    progress ("Reading what the chain does", f);
            };
            modules = crest::masterFile (pass).modules;
            std::error_code ec;
            std::filesystem::remove (pass.output, ec);
        }
    }
    catch (...)
    {
        std::error_code ec;
        std::filesystem::remove_all (folder, ec);
        throw;
    }
}

SessionComparison::~SessionComparison()
{
    std::error_code ec;
    std::filesystem::remove_all (folder, ec);
}
} // namespace crest
