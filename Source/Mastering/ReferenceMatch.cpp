#include "ReferenceMatch.h"

#include "Analysis/KWeighting.h"
#include "Core/CrestError.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace crest
{
namespace
{
    constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();
    // Below this, under the spectrum's loudest point, a difference is noise.
    constexpr double quietBelowPeakDb = 60.0;

    void check (const FileAnalysis& a)
    {
        if (! a.spectrum || ! a.balance || a.spectrum->empty())
            throw CrestError (a.file, "was not analysed for its spectrum");
        if (! std::isfinite (a.loudness.integratedLufs))
            throw CrestError (a.file, "is silent (no measurable loudness): there is nothing to match");
    }

    // The smoothed level on the grid relative to the programme's loudness,
    // NaN where the programme is too quiet to read.
    std::vector<double> toneCurve (const FileAnalysis& a, const std::vector<double>& grid, double octaves)
    {
        std::vector<double> curve (grid.size());
        double peak = -std::numeric_limits<double>::infinity();
        for (size_t i = 0; i < grid.size(); ++i)
        {
            curve[i] = a.spectrum->smoothedDensityDb (grid[i], octaves);
            peak = std::max (peak, curve[i]);
        }
        for (auto& c : curve)
            c = std::isfinite (c) && c > peak - quietBelowPeakDb ? c - a.loudness.integratedLufs : notANumber;
        return curve;
    }

    // The loudness the bands add to a programme with this spectrum.
    double loudnessChangeDb (const SpectrumProfile& spectrum, const std::vector<FilterSettings>& bands)
    {
        double before = 0, after = 0;
        for (size_t k = 1; k < spectrum.binPower.size(); ++k)
        {
            const double hz = (double) k * spectrum.binHz;
            const double weighted = spectrum.binPower[k] * kWeightingPower (hz, spectrum.sampleRate);
            before += weighted;
            after += weighted * std::pow (10.0, fittedResponseDb (bands, hz) / 10.0);
        }
        return before > 0 && after > 0 ? 10.0 * std::log10 (after / before) : 0.0;
    }

    double sideToMid (const FileAnalysis& a) { return a.balance->sideToMidDb; }

    // The short-term values the loudness range counts (EBU Tech 3342): above
    // -70 LUFS, and no more than 20 LU under their own power mean.
    std::vector<double> gatedShortTerm (const std::vector<double>& curve)
    {
        std::vector<double> kept;
        double power = 0;
        for (double v : curve)
            if (std::isfinite (v) && v > -70)
            {
                kept.push_back (v);
                power += std::pow (10.0, v / 10);
            }
        if (kept.empty())
            return kept;
        const double gate = 10 * std::log10 (power / (double) kept.size()) - 20;
        std::erase_if (kept, [gate] (double v) { return v < gate; });
        std::sort (kept.begin(), kept.end());
        return kept;
    }

    double percentile (const std::vector<double>& sorted, double p)
    {
        const double at = p * (double) (sorted.size() - 1);
        const auto below = (size_t) at;
        const auto above = std::min (below + 1, sorted.size() - 1);
        return sorted[below] + (at - (double) below) * (sorted[above] - sorted[below]);
    }

    double powerMeanDb (const std::vector<double>& values)
    {
        double power = 0;
        for (double v : values)
            power += std::pow (10.0, v / 10);
        return 10 * std::log10 (power / (double) values.size());
    }

    // The first guess goes no further; MatchSettling's own bound is the same.
    constexpr double largestDynamicsRatio = 8.0;
    // Smaller changes of loudness range are not heard.
    constexpr double smallestRangeChangeLu = 0.3;

    void matchDynamics (const FileAnalysis& master, std::span<const FileAnalysis> references, double percent, ReferenceMatch& match)
    {
        auto& d = match.dynamics;
        double range = 0;
        for (const auto& r : references)
            range += r.loudness.loudnessRangeLu;
        d.masterRangeLu = master.loudness.loudnessRangeLu;
        d.loudnessRangeDifferenceLu = range / (double) references.size() - d.masterRangeLu;
        d.targetRangeLu = master.loudness.loudnessRangeLu + std::clamp (percent, 0.0, 100.0) / 100 * d.loudnessRangeDifferenceLu;
        const double reduction = master.loudness.loudnessRangeLu - d.targetRangeLu;
        if (percent <= 0 || std::abs (reduction) < smallestRangeChangeLu)
            return;
        if (reduction < 0)
        {
            match.notes.push_back ("The references are more dynamic than the master (loudness range "
                                   + std::to_string ((int) std::lround (d.targetRangeLu)) + " LU asked, the master's "
                                   + std::to_string ((int) std::lround (master.loudness.loudnessRangeLu))
                                   + " LU): a match only compresses, so ease the master's compression or limiting.");
            return;
        }
        const auto gated = gatedShortTerm (master.shortTermCurve);
        if (gated.size() < 8)
        {
            match.notes.push_back ("Dynamics are not matched: the master is too short to read its loudness range.");
            return;
        }
        // The static curve keeps the percentiles in order, so above the
        // 10th the range shrinks by the ratio.
        const double low = percentile (gated, 0.10), spread = percentile (gated, 0.95) - low;
        d.thresholdLufs = low;
        // A first guess only (MatchSettling finds the ratio): past the
        // spread itself, the curve would ask for more than any ratio gives.
        d.ratio = spread > reduction ? std::min (largestDynamicsRatio, spread / (spread - reduction)) : largestDynamicsRatio;
        auto compressed = gated;
        for (auto& v : compressed)
            if (v > d.thresholdLufs)
                v = d.thresholdLufs + (v - d.thresholdLufs) / d.ratio;
        d.loudnessChangeDb = powerMeanDb (compressed) - powerMeanDb (gated);
        d.levelOverLoudnessDb = master.loudness.rmsDbfs - master.loudness.integratedLufs;
        d.spectrum = *master.spectrum;
    }
} // namespace

double DynamicsMatch::bandThresholdDb (double lowHz, double highHz) const noexcept
{
    // A band's share of the programme's power sets its RMS level when the
    // programme is at the threshold. The detector reads peaks, which stand
    // above that level, so the quietest passages are touched a little and
    // the loud ones most; MatchSettling finds the ratio that does it.
    const double share = spectrum.bandDb (lowHz, highHz) - spectrum.bandDb (0, spectrum.sampleRate / 2);
    return thresholdLufs + levelOverLoudnessDb + share;
}

ReferenceMatch matchReferences (const FileAnalysis& master, std::span<const FileAnalysis> references, const MatchOptions& options)
{
    check (master);
    if (references.empty())
        throw CrestError ("a match needs at least one reference");
    for (const auto& r : references)
    {
        check (r);
        if (r.spectrum->sampleRate != master.spectrum->sampleRate)
            throw CrestError (r.file, "is at " + std::to_string ((int) r.spectrum->sampleRate) + " Hz, the master at "
                                          + std::to_string ((int) master.spectrum->sampleRate) + " Hz: convert it first");
    }
    ReferenceMatch match;
    const double nyquist = master.spectrum->sampleRate / 2;
    const double lowHz = std::clamp (options.lowHz, 20.0, nyquist * 0.9);
    const double highHz = std::clamp (options.highHz, lowHz * 2, std::min (20000.0, nyquist * 0.9));
    for (double hz = lowHz; hz <= highHz * 1.0001; hz *= std::exp2 (1.0 / 12))
        match.gridHz.push_back (hz);

    // The references' tone, averaged in dB; each at its own loudness.
    std::vector<double> sum (match.gridHz.size(), 0.0);
    std::vector<int> counted (match.gridHz.size(), 0);
    double loudness = 0, width = 0;
    int stereoReferences = 0;
    for (const auto& r : references)
    {
        const auto curve = toneCurve (r, match.gridHz, options.smoothingOctaves);
        for (size_t i = 0; i < curve.size(); ++i)
            if (! std::isnan (curve[i]))
            {
                sum[i] += curve[i];
                ++counted[i];
            }
        loudness += r.loudness.integratedLufs;
        if (std::isfinite (sideToMid (r)))
        {
            width += sideToMid (r);
            ++stereoReferences;
        }
    }
    const auto masterCurve = toneCurve (master, match.gridHz, options.smoothingOctaves);
    const double tone = std::clamp (options.tonePercent, 0.0, 100.0) / 100;
    for (size_t i = 0; i < match.gridHz.size(); ++i)
    {
        // Every reference must be heard at a point for their mean to mean something there.
        const bool known = counted[i] == (int) references.size() && ! std::isnan (masterCurve[i]);
        match.differenceDb.push_back (known ? sum[i] / counted[i] - masterCurve[i] : notANumber);
        match.targetDb.push_back (known ? tone * match.differenceDb.back() : notANumber);
    }
    if (tone > 0)
    {
        CurveFitOptions fit;
        fit.lowHz = lowHz;
        fit.highHz = highHz;
        fit.maxBands = options.maxBands;
        match.eq = fitEqCurve (match.gridHz, match.targetDb, fit);
    }
    match.eqLoudnessDb = loudnessChangeDb (*master.spectrum, match.eq.bands);

    matchDynamics (master, references, options.dynamicsPercent, match);

    match.loudnessDifferenceLu = loudness / (double) references.size() - master.loudness.integratedLufs;
    const double loudnessChange = std::clamp (options.loudnessPercent, 0.0, 100.0) / 100 * match.loudnessDifferenceLu;
    match.targetLufs = master.loudness.integratedLufs + loudnessChange;
    match.gainDb = loudnessChange - match.eqLoudnessDb - match.dynamics.loudnessChangeDb;

    if (stereoReferences == (int) references.size() && std::isfinite (sideToMid (master)))
    {
        match.widthDifferenceDb = width / stereoReferences - sideToMid (master);
        match.sideChangeDb = std::clamp (options.widthPercent, 0.0, 100.0) / 100 * match.widthDifferenceDb;
    }
    else if (options.widthPercent > 0)
        match.notes.push_back ("Width is not matched: it needs a stereo master and stereo references.");
    return match;
}

namespace
{
    MasterModuleDocument* firstOf (MasterChainDocument& chain, std::string_view kind)
    {
        for (auto& m : chain.modules)
            if (m.kind == kind)
                return &m;
        return nullptr;
    }

    MasterModuleDocument* lastOf (MasterChainDocument& chain, std::string_view kind)
    {
        for (auto m = chain.modules.rbegin(); m != chain.modules.rend(); ++m)
            if (m->kind == kind)
                return &*m;
        return nullptr;
    }

    std::string bandField (int band, const char* field) { return "band" + std::to_string (band + 1) + "." + field; }

    int freeBands (const MasterModuleDocument& eq)
    {
        int free = 0;
        for (int b = 0; b < moduleSpecs::eqBands; ++b)
            free += eq.value (bandField (b, "on")) < 0.5 ? 1 : 0;
        return free;
    }

    constexpr int fewestWorthSharing = 3;
    // Smaller changes are not heard, and not worth a module.
    constexpr double smallestSideChangeDb = 0.1, smallestGainDb = 0.01;

    // Inserts a new module of `kind` at `index` and returns it.
    MasterModuleDocument& insert (MasterChainDocument& chain, std::string_view kind, size_t index)
    {
        chain.add (kind);
        auto added = std::move (chain.modules.back());
        chain.modules.pop_back();
        return *chain.modules.insert (chain.modules.begin() + (std::ptrdiff_t) std::min (index, chain.modules.size()), std::move (added));
    }

    size_t indexOf (const MasterChainDocument& chain, const MasterModuleDocument* module)
    {
        for (size_t i = 0; i < chain.modules.size(); ++i)
            if (&chain.modules[i] == module)
                return i;
        return chain.modules.size();
    }

    // Slow enough to follow the programme's level rather than its waveform.
    constexpr double dynamicsAttackMs = 50, dynamicsReleaseMs = 600;

    void writeDynamics (MasterChainDocument& chain, const DynamicsMatch& dynamics)
    {
        // A switched-off multiband is used only before the limiter: after
        // it, compression would undo the limiter's ceiling.
        const size_t limiterAt = indexOf (chain, lastOf (chain, "limiter"));
        MasterModuleDocument* multiband = nullptr;
        for (size_t i = 0; i < limiterAt && i < chain.modules.size(); ++i)
            if (chain.modules[i].kind == "multiband" && ! chain.modules[i].enabled)
            {
                multiband = &chain.modules[i];
                break;
            }
        if (multiband == nullptr)
            multiband = &insert (chain, "multiband", limiterAt);
        // The master was measured after the limiter's input gain; the
        // multiband sits before it, where the programme is that much lower.
        const auto* limiter = lastOf (chain, "limiter");
        const double beforeLimiterDb = limiter != nullptr ? -limiter->value ("inputGainDb") : 0.0;
        multiband->enabled = true;
        const int bands = (int) std::lround (multiband->value ("bands"));
        double lowHz = 0;
        for (int b = 0; b < bands; ++b)
        {
            const double highHz = b + 1 < bands ? multiband->value ("split" + std::to_string (b + 1) + "Hz") : dynamics.spectrum.sampleRate / 2;
            const auto field = [b] (const char* name) { return "band" + std::to_string (b + 1) + "." + name; };
            multiband->set (field ("thresholdDb"), dynamics.bandThresholdDb (lowHz, highHz) + beforeLimiterDb);
            multiband->set (field ("ratio"), dynamics.ratio);
            multiband->set (field ("attackMs"), dynamicsAttackMs);
            multiband->set (field ("releaseMs"), dynamicsReleaseMs);
            multiband->set (field ("makeupDb"), 0);
            multiband->set (field ("bypass"), 0);
            multiband->set (field ("solo"), 0);
            lowHz = highHz;
        }
    }
} // namespace

int matchBandsAvailable (const MasterChainDocument& chain)
{
    for (const auto& m : chain.modules)
        if (m.kind == "eq")
        {
            const int free = freeBands (m);
            return free >= fewestWorthSharing ? free : moduleSpecs::eqBands;
        }
    return moduleSpecs::eqBands;
}

std::string applyMatch (MasterChainDocument& chain, const ReferenceMatch& match)
{
    std::string eqId;
    if (! match.eq.bands.empty())
    {
        auto* eq = firstOf (chain, "eq");
        if (eq == nullptr || freeBands (*eq) < std::min<int> (fewestWorthSharing, (int) match.eq.bands.size())
            || freeBands (*eq) < (int) match.eq.bands.size())
            eq = &insert (chain, "eq", 0);
        eqId = eq->id;
        size_t next = 0;
        for (int b = 0; b < moduleSpecs::eqBands && next < match.eq.bands.size(); ++b)
        {
            if (eq->value (bandField (b, "on")) >= 0.5)
                continue;
            const auto& band = match.eq.bands[next++];
            eq->set (bandField (b, "on"), 1);
            eq->set (bandField (b, "shape"), (double) band.shape);
            eq->set (bandField (b, "frequencyHz"), band.frequencyHz);
            eq->set (bandField (b, "gainDb"), band.gainDb);
            eq->set (bandField (b, "q"), band.q);
            eq->set (bandField (b, "mode"), 0);
        }
    }

    if (match.dynamics.compresses())
        writeDynamics (chain, match.dynamics);

    auto* limiter = lastOf (chain, "limiter");
    const bool gain = std::abs (match.gainDb) >= smallestGainDb;
    if (limiter == nullptr && gain)
        limiter = &insert (chain, "limiter", chain.modules.size());
    if (gain)
        limiter->set ("inputGainDb", limiter->value ("inputGainDb") + match.gainDb);

    if (std::abs (match.sideChangeDb) >= smallestSideChangeDb)
    {
        auto* width = lastOf (chain, "width");
        if (width == nullptr)
            width = &insert (chain, "width", indexOf (chain, lastOf (chain, "limiter")));
        width->set ("widthPercent", width->value ("widthPercent") * std::pow (10.0, match.sideChangeDb / 20));
    }
    return eqId;
}
} // namespace crest
