// The dynamics of a reference match, settled by measuring them. The match
// (ReferenceMatch) predicts the compression from a static curve on the
// programme's short-term loudness, but a compressor's attack and release
// and the limiter after it make the loudness range shrink less than the
// curve says (on noise in sections, a ratio of 2 gave 1.7), and take more
// loudness than it says. So the mix is mastered through the chain with the
// match applied, at the loudness asked for (FileMastering finds the gain
// into the limiter), and the ratio is corrected from the range each try
// gave (a secant step), until the range is close enough; past the largest
// ratio the threshold comes down instead. On the demo mix, against a
// tamer copy of itself (5.8 LU to 3.8), it landed in 3 tries at 4.8:1.
// Off the audio thread; each try streams the mix through the chain once
// and the limiter a few times.
#pragma once

#include "ReferenceMatch.h"

#include <atomic>
#include <filesystem>
#include <functional>

namespace crest
{
struct MatchSettling
{
    int passes = 0;               // tries, each a whole master (FileMastering's own passes inside)
    double loudnessRangeLu = 0;   // what the last try measured
    double integratedLufs = 0;
    bool landed = false;          // within rangeWithinLu and loudnessWithinLu
};

inline constexpr double settledRangeWithinLu = 0.5, settledLoudnessWithinLu = 0.2;

// `mix` is what `chain` masters (the session's mix bus, or the file);
// `chain` is the chain before the match. Scratch masters are written
// beside `scratchBeside` and removed. A match that does not compress is
// returned as it is, with no pass. Throws CrestError from a pass that
// cannot run, and when `cancel` turns true between passes.
MatchSettling settleMatch (ReferenceMatch& match, const MasterChainDocument& chain, const std::filesystem::path& mix,
                           const std::filesystem::path& scratchBeside, const std::function<void (double)>& progress = {},
                           const std::atomic<bool>* cancel = nullptr);
} // namespace crest
