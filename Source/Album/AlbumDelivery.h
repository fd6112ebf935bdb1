// An album as one job of a catalogue batch (crest deliver ALBUM...): the
// album rendered into "<folder>/<album name>/" as `crest album render`
// renders it, a CD target making the Red Book files, CUE sheet and DDP
// image, every other target a delivery of each track at the album's
// level with its compliance report. Off the audio thread. JUCE-free.
#pragma once

#include "Mastering/Delivery.h"

#include <filesystem>
#include <vector>

namespace crest
{
// One result per track per streaming target, and for a CD target one for
// the disc (the continuous file, its loudness, and the Red Book and DDP
// checks it passed). Throws CrestError naming the album or its track.
std::vector<DeliveryResult> deliverAlbumFile (const std::filesystem::path& albumFile, const std::filesystem::path& folder,
                                              const std::vector<TargetPreset>& targets, bool replaceExisting, int jobs = 1);
}
