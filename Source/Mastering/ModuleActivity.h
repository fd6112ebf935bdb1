// What each module of a master chain did while a master was made: for the
// limiter and each multiband band, the gain reduction block by block, as
// statistics a report can print (deepest, average, share of the time it
// was working); for the rest, whether it was on. Fed after each block the
// chain processes, off the audio thread (FileMastering's written pass).
#pragma once

#include "Engine/MasterRuntime.h"
#include "Session/MasterChainDocument.h"

#include <string>
#include <vector>

namespace crest
{
struct ReductionStatistics
{
    std::string label;          // "gain reduction" (a limiter), "band 2 (120-800 Hz)"
    double deepestDb = 0;       // the most reduction in any block
    double averageDb = 0;       // over every block
    double activeShare = 0;     // of blocks reducing by more than half a dB
};

struct ModuleActivity
{
    std::string id, kind, name;
    bool enabled = true;
    std::vector<ReductionStatistics> reduction;   // empty for a module that does not reduce gain
};

class ModuleActivityMeter
{
public:
    static constexpr double activeAboveDb = 0.5;

    ModuleActivityMeter (const MasterChainDocument& chain, const MasterRuntime& runtime);

    // After each block the runtime processed.
    void afterBlock();
    std::vector<ModuleActivity> activity() const;

private:
    struct Tap
    {
        size_t module;
        Processor* processor;
        int band;   // -1: a limiter's single reduction
        double sum = 0, deepest = 0;
        int64_t active = 0;
    };
    std::vector<ModuleActivity> modules;
    std::vector<Tap> taps;
    int64_t blocks = 0;
};
} // namespace crest
