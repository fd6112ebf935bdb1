// Master to target inside a session: the gain into the session's limiter
// that lands its master on a loudness target under the target's ceiling.
// The session's mix bus is rendered once, then mastered through the
// session's own chain by FileMastering's search, both into temporary
// files that are removed afterwards. The caller sets the gain (the app as
// one undoable step). Off the audio thread and off the message thread: it
// takes as long as a few renders of the session.
#pragma once

#include "FileMastering.h"
#include "Session/SessionDocument.h"

#include <atomic>
#include <functional>

namespace crest
{
struct SessionTargetResult
{
    double limiterGainDb = 0;
    double ceilingDbtp = -1;
    MasterReport report;   // the master as it will sound with that gain
};

// The session's chain must hold a limiter (its last one is set). Throws
// CrestError for what cannot be rendered or measured, naming the file.
SessionTargetResult gainForTarget (const SessionDocument& session, double targetLufs, double ceilingDbtp,
                                   const std::function<void (double)>& progress = {});
} // namespace crest
