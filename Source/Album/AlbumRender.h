// Renders an album (crest album render): each track's source brought to
// the album's rate (a session rendered through its own master first),
// mastered by its chain, given the loudness strategy's gain, and laid on
// the timeline; the program assembled with its gaps and crossfades
// (AlbumAssembler, the code the live playback uses), guarded by a
// true-peak limiter at the album's ceiling where a transition would
// cross it; then written as one continuous file, one file per track split
// at the track marks, and a CUE sheet. For a CD, the Red Book's rules are
// checked first (RedBook) and everything is 44.1 kHz 16-bit, dithered
// once, with the per-track files cut from the continuous one bit for bit,
// and a DDP 2.00 image beside them ("<name>-ddp"), which is read back and
// checked against the render before the render is called done.
//
// The strategies:
//  - every track: each mastered to the target under the ceiling;
//  - album: the album's integrated loudness to the target, measured as
//    album-mode normalisation does (all the tracks' blocks gated
//    together: their order and gaps do not change it); every track
//    moves by the same gain (turned down after its chain, or mastered
//    again to its own loudness plus that gain when it goes up), so they
//    keep their relative levels;
//  - anchored: the anchor track to the target, the same move for all.
// Memory stays flat for any length: everything streams through files in
// a work folder beside the output, removed at the end. Off the audio
// thread. JUCE-free.
#pragma once

#include "AlbumLayout.h"

#include "Analysis/LoudnessMeter.h"
#include "IO/OutputFormat.h"
#include "Mastering/Delivery.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace crest
{
struct AlbumRenderRequest
{
    AlbumDocument album;                // sources absolute
    std::filesystem::path folder;       // where the files go
    std::string name;                   // the continuous file's name, without extension ("album" when empty)
    bool cd = false;                    // Red Book: 44.1 kHz, 16-bit WAV, marks on frames
    OutputFormat format { Container::wav, SampleEncoding::int24 };   // when not for a CD
    bool replaceExisting = false;
    int jobs = 1;                       // tracks mastered at once; the files are the same for any count
    // Streaming deliveries of each track (in "<name>-streaming"): the
    // target's format and rate, its ceiling held, the album's loudness kept,
    // a compliance report beside each.
    std::vector<TargetPreset> targets;
    std::function<void (const std::string& stage, double fraction)> progress;
};

struct AlbumTrackResult
{
    std::filesystem::path file;         // the track's own file
    LoudnessReading mastered {};        // its master alone, before the strategy's gain
    LoudnessReading inProgram {};       // as it plays on the album, from its mark to its end (crossfades included)
    double strategyGainDb = 0;          // what the strategy moved it by
    double maxLimitingDb = 0;           // its limiter's deepest gain reduction
    bool needsTooMuchLimiting = false;  // more than the album's limitingWarningDb
};

struct AlbumRenderResult
{
    std::filesystem::path program, cue;
    std::filesystem::path ddp;          // for a CD: the DDP 2.00 image's folder, read back and verified
    AlbumLayout layout;
    std::vector<AlbumTrackResult> tracks;
    std::vector<std::vector<DeliveryResult>> deliveries;   // per track, per target
    LoudnessReading album {};           // the whole program, as written
    double transitionLimitingDb = 0;    // the guard's deepest reduction (0: no transition crossed the ceiling)
    std::vector<std::string> warnings;
};

// The per-track file's name: "01 Title.wav" (or "01.wav" untitled), with
// characters a file system refuses replaced.
std::string trackFileName (const AlbumDocument& album, size_t index, const std::string& extension);

// Throws CrestError naming the track and the problem (a missing or
// unreadable source, too many channels, too low a rate, a Red Book rule
// for a CD, an output that exists without replaceExisting).
AlbumRenderResult renderAlbum (const AlbumRenderRequest& request);
} // namespace crest
