// A session as plain data: what the session file holds, before it becomes
// the live, undoable model. The file format (docs/session-format.md) is
// exactly this structure. JUCE-free, so the fuzzers can build it alone.
#pragma once

#include "Core/PanLaw.h"

#include <cstdint>
#include <string>
#include <vector>

namespace crest
{
struct ClipDocument
{
    std::string file;              // as written: relative to the session's folder, or absolute
    int64_t startSample = 0;       // timeline position, session samples
    int64_t sourceOffsetSamples = 0;  // where in the file the clip starts, session samples
    int64_t lengthSamples = 0;
    double gainDb = 0.0;
    int64_t fadeInSamples = 0;
    int64_t fadeOutSamples = 0;

    bool operator== (const ClipDocument&) const = default;
};

struct TrackDocument
{
    std::string id;                // stable identity across edits and saves
    std::string name;
    int channels = 1;              // 1 = mono, 2 = stereo
    double trimDb = 0.0;
    double faderDb = 0.0;
    double pan = 0.0;              // -100 left .. +100 right
    bool mute = false;
    bool solo = false;
    std::vector<ClipDocument> clips;

    bool operator== (const TrackDocument&) const = default;
};

struct SessionDocument
{
    static constexpr int currentVersion = 1;

    int version = currentVersion;
    double sampleRate = 48000.0;
    PanLaw panLaw = defaultPanLaw;
    double mixBusFaderDb = 0.0;
    std::vector<TrackDocument> tracks;

    bool operator== (const SessionDocument&) const = default;
};
} // namespace crest
