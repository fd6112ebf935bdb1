// An album as plain data: the masters in their order, what comes between
// them, and what the disc and the distributor are told about them
// (docs/album-format.md). Each track is a stereo file or a mastering
// session, mastered by its own chain or by the album's shared one with a
// per-track trim and EQ; before it a gap of silence, into the next a
// crossfade. All times are whole samples at the album's rate, so every
// boundary is exact. JUCE-free.
#pragma once

#include "Session/MasterChainDocument.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crest
{
enum class CrossfadeCurve
{
    equalPower,   // sin/cos: constant power on uncorrelated material
    linear,       // constant amplitude on correlated material
    sCurve        // smooth at both ends (raised cosine)
};

std::string_view crossfadeCurveName (CrossfadeCurve) noexcept;
std::optional<CrossfadeCurve> crossfadeCurveFromName (std::string_view) noexcept;

// How the album's loudness is set.
enum class LoudnessStrategy
{
    none,         // the masters as they are
    everyTrack,   // each track to the target
    album,        // the album's integrated loudness to the target; the tracks keep their relative levels
    anchored      // one track to the target; the others keep their offsets to it
};

std::string_view loudnessStrategyName (LoudnessStrategy) noexcept;
std::optional<LoudnessStrategy> loudnessStrategyFromName (std::string_view) noexcept;

struct AlbumTrack
{
    std::string id;                       // unique in the album; the album view keeps a track's state by it
    std::filesystem::path source;         // a stereo (or mono) audio file, or a .crest session (its master)
    // Its own chain, or none: the album's shared chain, after this track's trim and EQ.
    std::optional<MasterChainDocument> chain;
    double trimDb = 0.0;                  // into the shared chain
    MasterModuleDocument eq { "eq", "eq", true, {} };   // before the shared chain; flat by default

    int64_t gapBeforeSamples = 0;         // silence before this track (after the previous one's end)
    int64_t crossfadeSamples = 0;         // overlap with the next track (0: none)
    CrossfadeCurve crossfadeCurve = CrossfadeCurve::equalPower;
    int64_t startOffsetSamples = 0;       // where in the source the track starts
    std::optional<int64_t> lengthSamples; // none: to the source's end

    std::string title, performer, composer, isrc;

    bool operator== (const AlbumTrack&) const = default;
};

struct AlbumDocument
{
    // 1: tracks, gaps, crossfades, shared chain, metadata, loudness strategy.
    static constexpr int currentVersion = 1;

    int version = currentVersion;
    double sampleRate = 44100.0;          // the album's rate: the CD's unless the album is for elsewhere
    std::string title, performer, upc;    // upc: UPC-A (12 digits) or EAN-13 (13)
    MasterChainDocument sharedChain;
    std::vector<AlbumTrack> tracks;

    LoudnessStrategy strategy = LoudnessStrategy::none;
    double targetLufs = -14.0;
    double ceilingDbtp = -1.0;
    std::string anchorTrack;              // a track id, for the anchored strategy
    double limitingWarningDb = 3.0;       // a track that needs more limiting than this is flagged

    const AlbumTrack* find (std::string_view id) const;
    // A track id no other track has ("track-3").
    std::string freshTrackId() const;

    bool operator== (const AlbumDocument&) const = default;
};

// ISRC: CC-XXX-YY-NNNNN, twelve characters once the hyphens are dropped
// (two letters, three letters or digits, seven digits). Returns the
// twelve, upper-cased, or nothing when it is not one.
std::optional<std::string> normalisedIsrc (std::string_view text);
// UPC-A or EAN-13 with a correct check digit, as the 13 digits a CD's
// catalogue number holds (a UPC gets its leading zero).
std::optional<std::string> normalisedUpc (std::string_view text);
} // namespace crest
