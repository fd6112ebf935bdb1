#include "SessionExport.h"

#include "Analysis/FileAnalysis.h"
#include "Core/CrestError.h"
#include "IO/AudioFileCopy.h"
#include "IO/FileSync.h"
#include "IO/SampleRateConverter.h"
#include "IO/ScratchFiles.h"
#include "Mastering/ChainPresets.h"

namespace crest
{
namespace fs = std::filesystem;

namespace
{
    RenderRequest renderRequestFor (const ExportRequest& request)
    {
        RenderRequest r;
        r.replaceExisting = request.replaceExisting;
        r.allowMissing = request.allowMissing;
        r.protectedFiles = request.protectedFiles;
        r.format = request.format;
        r.preMaster = request.source == ExportSource::mix;
        r.cancel = request.cancel;
        if (request.source == ExportSource::stems)
            r.stemsFolder = request.output;
        else
            r.output = request.output;
        return r;
    }

    void checkCancelled (const ExportRequest& request)
    {
        if (request.cancel != nullptr && request.cancel->load())
            throw CrestError ("Export cancelled; nothing was written");
    }
} // namespace

ExportResult exportSession (const SessionDocument& session, const ExportRequest& request, MediaPool& media)
{
    auto stage = [&] (const std::string& name, double from, double to) {
        return [&, name, from, to] (double f) {
            if (request.progress)
                request.progress (name, from + (to - from) * f);
        };
    };
    if (request.targets.size() > 0 && request.source != ExportSource::master)
        throw CrestError ("Delivery targets apply to the master only");

    const auto final = renderRequestFor (request);
    // Every output is checked before anything is rendered.
    if (request.source == ExportSource::stems)
    {
        RenderRequest check = final;
        for (const auto& stem : stemFiles (session, final))
        {
            check.stemsFolder.clear();
            check.output = stem;
            checkRenderOutput (session, check);
        }
    }
    else
        checkRenderOutput (session, final);

    const bool convert = request.sampleRate > 0 && request.sampleRate != session.sampleRate;
    const double renderShare = request.targets.empty() ? 0.9 : 0.45;
    ExportResult result;
    const auto anchor = request.source == ExportSource::stems ? request.output / "stems" : request.output;
    if (request.source == ExportSource::stems)
    {
        std::error_code ec;
        fs::create_directories (request.output, ec);
        if (ec)
            throw CrestError (request.output, "cannot create the stems folder (" + ec.message() + ")");
    }
    // The in-between files go beside the export, so a full or read-only
    // disk fails here as it would for the export.
    ScratchFolder scratch (anchor, "export");

    std::vector<fs::path> written;
    if (! convert)
    {
        auto direct = final;
        direct.progress = stage ("Rendering", 0.0, renderShare);
        const auto report = renderSession (session, direct, media);
        result.warnings = report.warnings;
        written = request.source == ExportSource::stems ? report.stems : std::vector<fs::path> { request.output };
    }
    else
    {
        // Float at the session's rate, then to the asked rate, then into
        // the asked format (dithered there, once).
        auto floatRender = final;
        floatRender.format = { Container::wav, SampleEncoding::float32 };
        floatRender.replaceExisting = true;
        if (request.source == ExportSource::stems)
            floatRender.stemsFolder = scratch.path / "stems";
        else
            floatRender.output = scratch.path / "render.wav";
        floatRender.protectedFiles.clear();
        floatRender.progress = stage ("Rendering", 0.0, renderShare * 0.7);
        const auto report = renderSession (session, floatRender, media);
        result.warnings = report.warnings;
        const auto sources = request.source == ExportSource::stems ? report.stems : std::vector<fs::path> { floatRender.output };
        const auto targets = request.source == ExportSource::stems ? stemFiles (session, final) : std::vector<fs::path> { request.output };
        for (size_t i = 0; i < sources.size(); ++i)
        {
            checkCancelled (request);
            const auto converted = scratch.path / ("rate-" + std::to_string (i) + ".wav");
            convertSampleRate (sources[i], converted, request.sampleRate,
                               stage ("Converting the sample rate", renderShare * (0.7 + 0.3 * (double) i / (double) sources.size()),
                                      renderShare * (0.7 + 0.3 * (double) (i + 1) / (double) sources.size())));
            auto check = final;
            check.stemsFolder.clear();
            check.output = targets[i];
            copyAudioFile (converted, checkRenderOutput (session, check), request.format);
            written.push_back (targets[i]);
        }
    }

    for (const auto& file : written)
        result.files.push_back ({ file, analyzeFile (file).loudness });
    if (request.progress)
        request.progress ("Measured", renderShare);

    if (! request.targets.empty())
    {
        checkCancelled (request);
        // The deliveries master the mix bus through the session's chain
        // (the default one if it has none), named after the export.
        const auto mixFile = scratch.path / (request.output.stem().string() + ".wav");
        auto mix = final;
        mix.output = mixFile;
        mix.preMaster = true;
        mix.format = { Container::wav, SampleEncoding::float32 };
        mix.replaceExisting = true;
        mix.protectedFiles.clear();
        mix.progress = stage ("Rendering the mix for the targets", renderShare, renderShare + 0.1);
        renderSession (session, mix, media);

        DeliveryRequest delivery;
        delivery.input = mixFile;
        delivery.folder = request.output.parent_path();
        delivery.targets = request.targets;
        delivery.chain = session.masterChain.modules.empty() ? defaultMasteringChain() : session.masterChain;
        delivery.dither = request.format.dither;
        delivery.replaceExisting = request.replaceExisting;
        delivery.progress = [&] (size_t t, double f) {
            if (request.progress)
                request.progress ("Delivering for " + request.targets[t].name,
                                  renderShare + 0.1 + (0.9 - renderShare) * ((double) t + f) / (double) request.targets.size());
        };
        result.deliveries = deliver (delivery);
    }
    if (request.progress)
        request.progress ("Done", 1.0);
    return result;
}
} // namespace crest
