// A session as plain data: what the session file holds, before it becomes
// the live, undoable model. The file format (docs/session-format.md) is
// exactly this structure. JUCE-free, so the fuzzers can build it alone.
#pragma once

#include "Core/PanLaw.h"
#include "MasterChainDocument.h"

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

// A send from a track or bus to a bus: its own level and pan, tapped
// before or after the sender's fader.
struct SendDocument
{
    std::string bus;               // the receiving bus's id
    double levelDb = -96.0;        // params::sendLevelDb: its bottom is -inf
    double pan = 0.0;              // -100 left .. +100 right
    bool preFader = false;

    bool operator== (const SendDocument&) const = default;
};

// How an automation lane acts, as in other DAWs. Read plays the lane and
// overrides manual moves; touch records while a control is held, then
// returns to the lane; latch records from the first touch until the
// transport stops; write records from play to stop. Off ignores the lane.
enum class AutomationMode
{
    off,
    read,
    touch,
    latch,
    write
};

struct AutomationPoint
{
    int64_t time = 0;              // timeline, session samples
    double value = 0.0;            // in the parameter's own unit (dB, %, Hz...)
    double curve = 0.0;            // shape of the segment to the next point: 0 straight, -1..+1 bent

    bool operator== (const AutomationPoint&) const = default;
};

// One parameter's lane: "faderDb", "trimDb", "pan", "send.<bus>.levelDb",
// "send.<bus>.pan" or "strip.<strip key>". Points sorted by time.
struct AutomationLane
{
    std::string parameter;
    AutomationMode mode = AutomationMode::read;
    std::vector<AutomationPoint> points;

    bool operator== (const AutomationLane&) const = default;
};

// What tracks and buses share: a channel strip with trim, fader, pan,
// mute and solo, one output, sends, and the key its compressor listens
// to. The graph these edges make is checked by RoutingGraph.
struct ChannelDocument
{
    std::string id;                // stable identity across edits and saves; unique across tracks and buses
    std::string name;
    std::string colour;            // "#rrggbb", or "" for the colour of its place
    double trimDb = 0.0;
    double faderDb = 0.0;
    double pan = 0.0;              // -100 left .. +100 right
    bool mute = false;
    bool solo = false;
    StripDocument strip;
    std::string output;            // the bus it feeds; "" is the mix bus
    std::vector<SendDocument> sends;
    std::string sidechain;         // the track or bus keying its compressor; "" keys itself
    std::vector<AutomationLane> automation;

    bool operator== (const ChannelDocument&) const = default;
};

struct TrackDocument : ChannelDocument
{
    int channels = 1;              // 1 = mono, 2 = stereo
    std::vector<ClipDocument> clips;

    bool operator== (const TrackDocument&) const = default;
};

// Aux buses are fed by sends (a reverb return) and stay audible when
// another channel is soloed (solo-safe); group buses are fed by routing
// tracks' outputs to them (a drum sub-mix). Both are stereo.
enum class BusKind
{
    aux,
    group
};

struct BusDocument : ChannelDocument
{
    BusKind kind = BusKind::aux;
    bool soloSafe = true;

    bool operator== (const BusDocument&) const = default;
};

// A reference track: a finished record the engineer compares the master
// with. It plays in time with the session: the reference's sample
// alignReferenceSample sounds with the session's sample alignSessionSample
// (both at the session's rate; a file at another rate is converted, as a
// clip's is). Its loop section, in its own samples, is the passage the
// transport loops over while it is compared (none when end <= start).
// trimDb sits on top of the loudness match.
struct ReferenceDocument
{
    std::string id;                // unique among the session's references
    std::string name;
    std::string file;              // as written: relative to the session's folder, or absolute
    int64_t alignSessionSample = 0;
    int64_t alignReferenceSample = 0;
    int64_t loopStartSample = 0, loopEndSample = 0;
    double trimDb = 0.0;

    bool hasLoop() const noexcept { return loopEndSample > loopStartSample; }
    // Where on the timeline a reference sample sounds.
    int64_t timelineOf (int64_t referenceSample) const noexcept { return referenceSample - alignReferenceSample + alignSessionSample; }
    bool operator== (const ReferenceDocument&) const = default;
};

struct SessionDocument
{
    // 1: tracks, clips, trim, fader, pan (the foundation).
    // 2: a channel strip on each track and on the mix bus.
    // 3: buses, outputs, sends, sidechain keys, automation, tempo and meter.
    // 4: the master chain after the mix bus.
    // 5: reference tracks.
    static constexpr int currentVersion = 5;

    int version = currentVersion;
    double sampleRate = 48000.0;
    PanLaw panLaw = defaultPanLaw;
    double mixBusFaderDb = 0.0;
    StripDocument mixBusStrip;
    std::vector<AutomationLane> mixBusAutomation;   // "faderDb" and "strip.<key>" only
    double tempoBpm = 120.0;       // params::tempoBpm; tempo-synced delays follow it
    int meterNumerator = 4, meterDenominator = 4;
    std::vector<TrackDocument> tracks;
    std::vector<BusDocument> buses;
    // After the mix bus; empty in a mix session, so a mix renders as it
    // sounds on the desk until a master chain is added.
    MasterChainDocument masterChain;
    std::vector<ReferenceDocument> references;

    bool operator== (const SessionDocument&) const = default;
};
} // namespace crest
