#include "MatchSettling.h"

#include "Core/CrestError.h"
#include "FileMastering.h"
#include "IO/ScratchFiles.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace crest
{
namespace
{
    constexpr int maxPasses = 5;
    constexpr double smallestRatio = 1.05, largestRatio = 8.0;
    // Before a pass has shown what a ratio does: the share of the static
    // curve's shrink a compressor gives, about what noise in sections showed.
    constexpr double firstEfficiency = 0.7;
} // namespace

MatchSettling settleMatch (ReferenceMatch& match, const MasterChainDocument& chain, const std::filesystem::path& mix,
                           const std::filesystem::path& scratchBeside, const std::function<void (double)>& progress,
                           const std::atomic<bool>* cancel)
{
    MatchSettling result;
    auto& d = match.dynamics;
    if (! d.compresses())
        return result;
    // The shrink the static curve wanted, which the passes must find.
    const double wantedShrink = d.masterRangeLu / std::max (0.1, d.targetRangeLu);
    d.ratio = std::clamp (1 + (wantedShrink - 1) / firstEfficiency, smallestRatio, largestRatio);
    for (int pass = 0; pass < maxPasses; ++pass)
    {
        if (cancel != nullptr && cancel->load())
            throw CrestError (mix, "matching cancelled; the chain is as it was");
        auto candidate = chain;
        applyMatch (candidate, match);
        ScratchFiles scratch;
        MasterRequest request;
        request.input = mix;
        request.output = scratch.add (scratchBeside, "match");
        request.format = { Container::wav, SampleEncoding::float32 };
        request.chain = candidate;
        request.progress = [&] (double f) {
            if (progress)
                progress (std::min (1.0, (pass + f) / maxPasses));
        };
        const auto report = masterFile (request);
        ++result.passes;
        result.loudnessRangeLu = report.after.loudnessRangeLu;
        result.integratedLufs = report.after.integratedLufs;
        const double rangeError = result.loudnessRangeLu - d.targetRangeLu;
        const double loudnessError = match.targetLufs - result.integratedLufs;
        result.landed = std::abs (rangeError) <= settledRangeWithinLu && std::abs (loudnessError) <= settledLoudnessWithinLu;
        if (result.landed || pass + 1 == maxPasses)
            break;
        // The shrink grows about in step with the ratio over 1: scale that.
        const double shrink = d.masterRangeLu / std::max (0.1, result.loudnessRangeLu);
        const double efficiency = shrink > 1.01 ? (shrink - 1) / (d.ratio - 1) : firstEfficiency / 2;
        d.ratio = std::clamp (1 + (wantedShrink - 1) / std::max (0.05, efficiency), smallestRatio, largestRatio);
        match.gainDb += loudnessError;
    }
    if (progress)
        progress (1.0);
    if (! result.landed)
    {
        char text[160];
        std::snprintf (text, sizeof (text), "The dynamics match reached a loudness range of %.1f LU (%.1f asked) at %.1f LUFS (%.1f asked).",
                       result.loudnessRangeLu, d.targetRangeLu, result.integratedLufs, match.targetLufs);
        match.notes.push_back (text);
    }
    return result;
}
} // namespace crest
