#include "PanLaw.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace crest
{
namespace
{
    // p = 0 hard left .. 1 hard right, as in the pan-law tables.
    double position (double pan) noexcept { return (std::clamp (pan, -100.0, 100.0) + 100.0) / 200.0; }

    StereoGains lawGains (PanLaw law, double p) noexcept
    {
        const double cl = std::cos (p * std::numbers::pi / 2.0);
        const double cr = std::sin (p * std::numbers::pi / 2.0);
        switch (law)
        {
            case PanLaw::zeroDb:
                return { (float) std::min (1.0, 2.0 * (1.0 - p)), (float) std::min (1.0, 2.0 * p) };
            case PanLaw::minus3Db:
                return { (float) cl, (float) cr };
            case PanLaw::minus4_5Db:
                return { (float) std::sqrt ((1.0 - p) * cl), (float) std::sqrt (p * cr) };
            case PanLaw::minus6Db:
                return { (float) (1.0 - p), (float) p };
        }
        return {};
    }
} // namespace

StereoGains panGainsForMono (PanLaw law, double pan) noexcept
{
    return lawGains (law, position (pan));
}

StereoGains balanceGainsForStereo (PanLaw law, double pan) noexcept
{
    const double p = position (pan);
    if (law == PanLaw::zeroDb)
        return lawGains (law, p);

    const auto centre = lawGains (law, 0.5);
    const auto g = lawGains (law, p);
    return { p <= 0.5 ? 1.0f : (float) (g.left / centre.left),
             p >= 0.5 ? 1.0f : (float) (g.right / centre.right) };
}

std::string_view panLawName (PanLaw law) noexcept
{
    switch (law)
    {
        case PanLaw::zeroDb: return "0dB";
        case PanLaw::minus3Db: return "-3dB";
        case PanLaw::minus4_5Db: return "-4.5dB";
        case PanLaw::minus6Db: return "-6dB";
    }
    return "-3dB";
}

std::optional<PanLaw> panLawFromName (std::string_view name) noexcept
{
    for (auto law : { PanLaw::zeroDb, PanLaw::minus3Db, PanLaw::minus4_5Db, PanLaw::minus6Db })
        if (panLawName (law) == name)
            return law;
    return std::nullopt;
}
} // namespace crest
