// The immutable result of compiling a session: what the audio thread
// renders. Built on the message thread by PlanBuilder, handed over through
// PlanExchange, freed on the message thread. Nothing in it is modified
// while the audio thread holds it except the runtimes' own audio state.
#pragma once

#include "ClipStream.h"
#include "Core/PanLaw.h"
#include "TrackRuntime.h"

#include <memory>
#include <vector>

namespace crest
{
struct PlanClip
{
    std::shared_ptr<ClipStream> stream;
    int64_t start = 0;          // timeline, session samples
    int64_t length = 0;
    float gain = 1.0f;
    int64_t fadeIn = 0, fadeOut = 0;
};

struct PlanTrack
{
    std::shared_ptr<TrackRuntime> runtime;
    std::vector<PlanClip> clips;                  // sorted by start
    std::shared_ptr<DelayLine> compensation;      // null when this path is the slowest
};

struct RenderPlan
{
    double sampleRate = 48000.0;
    PanLaw panLaw = defaultPanLaw;
    std::vector<PlanTrack> tracks;
    std::shared_ptr<BusRuntime> mixBus;
    std::shared_ptr<BusRuntime> master;
    int64_t lengthSamples = 0;     // end of the last clip
    int latencySamples = 0;        // from input to output, after compensation
};
} // namespace crest
