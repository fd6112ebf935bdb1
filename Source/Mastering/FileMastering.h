// Masters a stereo (or mono) file offline: a master chain (the default
// mastering chain unless one is given), and with a loudness target the gain
// into its last limiter (one is added at the end when it has none) that
// lands the output's integrated loudness on it (within 0.1 LU when the
// limiter can get there) without passing the ceiling. The file streams through the chain once per
// pass, so memory stays flat for any length: one pass per try at the gain
// (the loudness after limiting is not linear in it), then one that writes.
// Off the audio thread; the same modules, made by the same factory, as a
// session's master in the engine.
#pragma once

#include "Analysis/LoudnessMeter.h"
#include "IO/OutputFormat.h"
#include "ChainPresets.h"
#include "ModuleActivity.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace crest
{
struct MasterRequest
{
    std::filesystem::path input, output;
    std::vector<std::filesystem::path> protectedFiles;   // other inputs the output must never be (a session, its media)
    OutputFormat format;
    bool replaceExisting = false;
    MasterChainDocument chain = defaultMasteringChain();
    double inputGainDb = 0;             // into the chain (an album track's trim)
    std::optional<double> targetLufs;   // none: the chain as set, no loudness gain
    std::optional<double> ceilingDbtp;  // none: the limiter's own ceiling
    std::function<void (double)> progress;   // 0..1 over all passes
};

struct MasterReport
{
    LoudnessReading before {}, after {};
    double gainDb = 0;            // into the limiter
    double ceilingDbtp = -1;      // the limiter's
    double maxLimitingDb = 0;     // the deepest gain reduction, written pass
    int passes = 0;               // through the chain (or its front, once), the written one included
    int latencySamples = 0;       // the chain's, compensated: the output is aligned with the input
    std::vector<std::string> warnings;
    std::vector<ModuleActivity> modules;   // what each module did in the written pass, in chain order
};

// More limiting than this is usually heard (dulled transients, pumping).
inline constexpr double limitingWarningDb = 6.0;

// Throws CrestError naming the file for what it cannot read, master or write.
MasterReport masterFile (const MasterRequest& request);
} // namespace crest
