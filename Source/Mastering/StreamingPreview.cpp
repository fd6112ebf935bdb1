#include "StreamingPreview.h"

#include <algorithm>
#include <cmath>

namespace crest
{
namespace
{
    double gainFor (const PlaybackRule& rule, double loudness, double truePeak)
    {
        if (! std::isfinite (loudness))
            return 0.0;
        const double g = rule.referenceLufs - loudness;
        if (g <= 0)
            return g;
        return rule.turnsUp ? std::min (g, std::max (0.0, rule.upCeilingDbtp - truePeak)) : 0.0;
    }
} // namespace

std::vector<double> playbackGainsDb (const PlaybackRule& rule, bool albumMode, const std::vector<TrackLoudness>& tracks,
                                     double albumIntegratedLufs)
{
    std::vector<double> gains;
    if (! albumMode)
    {
        for (const auto& t : tracks)
            gains.push_back (gainFor (rule, t.integratedLufs, t.truePeakDbtp));
        return gains;
    }
    double loudest = -HUGE_VAL, peak = -HUGE_VAL;
    for (const auto& t : tracks)
    {
        if (std::isfinite (t.integratedLufs))
            loudest = std::max (loudest, t.integratedLufs);
        peak = std::max (peak, t.truePeakDbtp);
    }
    const double g = gainFor (rule, rule.albumIsLoudestTrack ? loudest : albumIntegratedLufs, peak);
    gains.assign (tracks.size(), g);
    return gains;
}
} // namespace crest
