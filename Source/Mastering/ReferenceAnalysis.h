// A reference track measured for comparison: everything `crest analyze`
// and the A/B table say about it (loudness, LRA, true peak, PLR, crest
// factor, correlation, width, band levels) and its long-term spectrum, all
// at the session's rate (the file converted as a clip's would be), plus
// the loudness its match uses: its loop section's when it has one (what
// the transport loops over while it is compared), else the whole track's.
// Off the audio thread and the message thread (it reads the whole file).
#pragma once

#include "Analysis/FileAnalysis.h"
#include "IO/MediaPool.h"
#include "Session/SessionDocument.h"

#include <functional>

namespace crest
{
struct ReferenceAnalysis
{
    FileAnalysis whole;     // with its balance and spectrum
    double matchLufs = 0;   // the loop section's integrated loudness, or the whole's
    int64_t frames = 0;     // at the session's rate
};

// Throws CrestError naming the file for a reference that cannot be
// compared: unreadable or corrupt, more than two channels, silent, or a
// loop section that runs past its end.
ReferenceAnalysis analyseReference (const ReferenceDocument& reference, MediaPool& media, double sessionRate,
                                    const std::function<void (double)>& progress = {});

// Why a loop section does not fit a reference of this length, or "".
std::string loopProblem (const ReferenceDocument& reference, int64_t frames, double sessionRate);
} // namespace crest
