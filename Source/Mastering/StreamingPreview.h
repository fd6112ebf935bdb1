// What a streaming service does to each track of an album when it plays
// it (the album's streaming-normalisation preview): the gain from the
// service's PlaybackRule, in its album mode or track by track.
//  - The loudness it goes by: the track's own, or in album mode the
//    album's (its integrated loudness, or its loudest track's) with the
//    album's highest true peak, one gain for every track.
//  - Louder than the reference: turned down to it.
//  - Quieter: left alone, or for a service that turns up, raised until
//    either the reference or its true-peak ceiling is reached.
// The gains are what the preview plays and what its table shows.
// JUCE-free.
#pragma once

#include "TargetPresets.h"

#include <vector>

namespace crest
{
struct TrackLoudness
{
    double integratedLufs;
    double truePeakDbtp;
};

// `albumIntegratedLufs`: the whole album's integrated loudness, as played.
std::vector<double> playbackGainsDb (const PlaybackRule& rule, bool albumMode, const std::vector<TrackLoudness>& tracks,
                                     double albumIntegratedLufs);
} // namespace crest
