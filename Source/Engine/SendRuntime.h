// One send's live state: its level, pan and tap point as the GUI sets them
// (atomics), and the smoothing the receiving bus does on the audio thread.
// Kept by the plan builder per (sender, bus) so a recompile keeps its ramp.
#pragma once

#include "Core/ParameterSpec.h"
#include "Realtime/LinearSmoother.h"

#include <atomic>

namespace crest
{
struct SendRuntime
{
    std::atomic<float> levelDb { (float) params::sendLevelDb.defaultValue };
    std::atomic<float> pan { 0.0f };
    std::atomic<bool> preFader { false };

    // Audio thread, owned by the receiving bus.
    LinearSmoother gainLeft, gainRight;
    bool primed = false;
};
} // namespace crest
