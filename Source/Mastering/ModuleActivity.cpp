#include "ModuleActivity.h"

#include "Core/MasterModules.h"
#include "Dsp/MultibandCompressor.h"
#include "Dsp/TruePeakLimiter.h"

#include <algorithm>
#include <cmath>

namespace crest
{
namespace
{
    std::string hz (double v)
    {
        return v >= 1000 ? std::to_string ((int) std::lround (v / 100) / 10) + (std::lround (v / 100) % 10 != 0 ? "." + std::to_string (std::lround (v / 100) % 10) : "") + " kHz"
                         : std::to_string ((int) std::lround (v)) + " Hz";
    }
} // namespace

ModuleActivityMeter::ModuleActivityMeter (const MasterChainDocument& chain, const MasterRuntime& runtime)
{
    for (const auto& m : chain.modules)
    {
        ModuleActivity a;
        a.id = m.id;
        a.kind = m.kind;
        const auto* kind = findMasterModuleKind (m.kind);
        a.name = kind != nullptr ? std::string (kind->name) : m.kind;
        a.enabled = m.enabled;
        const auto slot = runtime.slot (m.id);
        if (slot != nullptr && m.enabled)
        {
            auto* p = &slot->processor();
            if (dynamic_cast<TruePeakLimiter*> (p) != nullptr)
            {
                taps.push_back ({ modules.size(), p, -1 });
                a.reduction.push_back ({ "gain reduction" });
            }
            else if (dynamic_cast<MultibandCompressor*> (p) != nullptr)
            {
                const int bands = (int) m.value ("bands");
                for (int b = 0; b < bands; ++b)
                {
                    const double low = b == 0 ? 0 : m.value ("split" + std::to_string (b) + "Hz");
                    const double high = b == bands - 1 ? 0 : m.value ("split" + std::to_string (b + 1) + "Hz");
                    const auto range = b == 0 ? "below " + hz (high) : b == bands - 1 ? "above " + hz (low) : hz (low) + "-" + hz (high);
                    if (m.value ("band" + std::to_string (b + 1) + ".bypass") >= 0.5)
                        continue;
                    taps.push_back ({ modules.size(), p, b });
                    a.reduction.push_back ({ "band " + std::to_string (b + 1) + " (" + range + ")" });
                }
            }
        }
        modules.push_back (a);
    }
}

void ModuleActivityMeter::afterBlock()
{
    ++blocks;
    for (auto& t : taps)
    {
        const double db = t.band < 0 ? static_cast<TruePeakLimiter*> (t.processor)->takeGainReductionDb()
                                     : static_cast<MultibandCompressor*> (t.processor)->takeGainReductionDb (t.band);
        t.sum += db;
        t.deepest = std::max (t.deepest, db);
        t.active += db > activeAboveDb ? 1 : 0;
    }
}

std::vector<ModuleActivity> ModuleActivityMeter::activity() const
{
    auto result = modules;
    std::vector<size_t> next (result.size(), 0);
    for (const auto& t : taps)
    {
        auto& r = result[t.module].reduction[next[t.module]++];
        r.deepestDb = t.deepest;
        r.averageDb = blocks > 0 ? t.sum / (double) blocks : 0.0;
        r.activeShare = blocks > 0 ? (double) t.active / (double) blocks : 0.0;
    }
    return result;
}
} // namespace crest
