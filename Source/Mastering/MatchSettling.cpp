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
    constexpr int maxPasses = 6;
    constexpr double smallestRatio = 1.05, largestRatio = 8.0;
    // Past the largest ratio, more of the programme is compressed instead.
    constexpr double thresholdStepDb = 4.0;
    // Before a pass has shown what a ratio does: the share of the static
    // curve's shrink a compressor gives, about what noise in sections showed.
    constexpr double firstEfficiency = 0.7;
} // namespace

namespace
{
    // The input gain of the chain's last limiter: what a match's gain adds to.
    double limiterGainOf (const MasterChainDocument& chain)
    {
        for (auto m = chain.modules.rbegin(); m != chain.modules.rend(); ++m)
            if (m->kind == "limiter")
                return m->value ("inputGainDb");
        return 0.0;
    }
} // namespace

MatchSettling settleMatch (ReferenceMatch& match, const MasterChainDocument& chain, const std::filesystem::path& mix,
                           const std::filesystem::path& scratchBeside, const std::function<void (double)>& progress,
                           const std::atomic<bool>* cancel)
{
    MatchSettling result;
    auto& d = match.dynamics;
    if (! d.compresses())
        return result;
    // The shrink asked for, which the passes must find.
    const double wantedShrink = d.masterRangeLu / std::max (0.1, d.targetRangeLu);
    d.ratio = std::clamp (1 + (wantedShrink - 1) / firstEfficiency, smallestRatio, largestRatio);
    const double baseGainDb = limiterGainOf (chain);
    // The last try's ratio and the range it gave, at this threshold.
    bool havePrevious = false;
    double previousRatio = 0, previousRange = 0;
    for (int pass = 0; pass < maxPasses; ++pass)
    {
        if (cancel != nullptr && cancel->load())
            throw CrestError (mix, "matching cancelled; the chain is as it was");
        auto candidate = chain;
        applyMatch (candidate, match);
        // Each try lands on the loudness asked for through FileMastering's
        // own search (what comes before the limiter runs once), so the
        // range is read at the level it will play at, and the gain is found
        // rather than guessed.
        ScratchFiles scratch;
        MasterRequest request;
        request.input = mix;
        request.output = scratch.add (scratchBeside, "match");
        request.format = { Container::wav, SampleEncoding::float32 };
        request.chain = candidate;
        request.targetLufs = match.targetLufs;
        request.progress = [&] (double f) {
            // A cancel stops the master under way (it leaves nothing behind), not only the next.
            if (cancel != nullptr && cancel->load())
                throw CrestError (mix, "matching cancelled; the chain is as it was");
            if (progress)
                progress (std::min (1.0, (pass + f) / maxPasses));
        };
        const auto report = masterFile (request);
        ++result.passes;
        match.gainDb = report.gainDb - baseGainDb;
        result.loudnessRangeLu = report.after.loudnessRangeLu;
        result.integratedLufs = report.after.integratedLufs;
        const double rangeError = result.loudnessRangeLu - d.targetRangeLu;
        result.landed = std::abs (rangeError) <= settledRangeWithinLu
                     && std::abs (match.targetLufs - result.integratedLufs) <= settledLoudnessWithinLu;
        // Close enough; or already compressing less than any ratio can and
        // still too far (nothing left to ease).
        if (std::abs (rangeError) <= settledRangeWithinLu || pass + 1 == maxPasses || (rangeError < 0 && d.ratio <= smallestRatio))
            break;
        // The ratio: a secant step on the ranges the last two tries gave;
        // before there are two, the shrink scaled as if it grew in step
        // with the ratio over 1. Neither step more than doubles or halves it.
        double next;
        if (havePrevious && previousRatio != d.ratio && std::abs (result.loudnessRangeLu - previousRange) > 0.02)
            next = d.ratio - rangeError * (d.ratio - previousRatio) / (result.loudnessRangeLu - previousRange);
        else
        {
            const double shrink = d.masterRangeLu / std::max (0.1, result.loudnessRangeLu);
            const double efficiency = shrink > 1.01 ? (shrink - 1) / (d.ratio - 1) : firstEfficiency / 2;
            next = 1 + (wantedShrink - 1) / std::max (0.05, efficiency);
        }
        next = std::clamp (next, std::max (smallestRatio, d.ratio / 2), std::min (largestRatio, d.ratio * 2));
        havePrevious = true;
        previousRatio = d.ratio;
        previousRange = result.loudnessRangeLu;
        if (rangeError > 0 && d.ratio >= largestRatio && next >= largestRatio)
        {
            // The ratio is spent: more of the programme is compressed.
            d.thresholdLufs -= thresholdStepDb;
            havePrevious = false;
        }
        d.ratio = next;
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
