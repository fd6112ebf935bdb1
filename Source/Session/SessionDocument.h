// A session as plain data: what the session file holds, before it becomes
// the live, undoable model. The file format (docs/session-format.md) is
// exactly this structure. JUCE-free, so the fuzzers can build it alone.
#pragma once

#include "Core/PanLaw.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
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

// A channel strip's settings by StripParameters key. Only values that
// differ from their default are held, so a document has one form and a
// fresh strip is empty.
struct StripDocument
{
    std::map<std::string, double> values;

    double value (std::string_view key) const;   // the default when not held
    // Clamps to the key's range and drops defaults; an unknown key throws
    // std::invalid_argument (the session reader turns that into a message).
    void set (std::string_view key, double value);

    bool operator== (const StripDocument&) const = default;
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
    StripDocument strip;

    bool operator== (const TrackDocument&) const = default;
};

struct SessionDocument
{
    // 1: tracks, clips, trim, fader, pan (the foundation).
    // 2: a channel strip on each track and on the mix bus.
    static constexpr int currentVersion = 2;

    int version = currentVersion;
    double sampleRate = 48000.0;
    PanLaw panLaw = defaultPanLaw;
    double mixBusFaderDb = 0.0;
    StripDocument mixBusStrip;
    std::vector<TrackDocument> tracks;

    bool operator== (const SessionDocument&) const = default;
};
} // namespace crest
