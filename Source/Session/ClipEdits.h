// The arrange view's clip edits as plain arithmetic on a ClipDocument, so
// their rules live in one place and are tested without a GUI: a clip
// never starts before zero, never reads before its file's start or past
// its end, is never shorter than minimumClipSamples, and its fades always
// fit inside it. JUCE-free.
#pragma once

#include "SessionDocument.h"

#include <optional>
#include <utility>

namespace crest
{
inline constexpr int64_t minimumClipSamples = 64;

// The clip placed at `start` (not before zero), everything else kept.
ClipDocument clipMovedTo (ClipDocument clip, int64_t start);
// The clip's left edge moved to `start`: the audio under the rest stays
// where it was (the file offset moves with the edge).
ClipDocument clipWithStartAt (ClipDocument clip, int64_t start);
// The clip's right edge moved to `end`; `mediaFrames` (0: unknown) stops
// it at the end of its file.
ClipDocument clipWithEndAt (ClipDocument clip, int64_t end, int64_t mediaFrames);
// Fades of the given lengths, shortened to fit (fade-in first).
ClipDocument clipWithFades (ClipDocument clip, int64_t fadeInSamples, int64_t fadeOutSamples);
// Two clips that play as the one did, cut at timeline sample `at`; none
// if `at` is not far enough inside it. The fade-in stays on the first,
// the fade-out on the second.
std::optional<std::pair<ClipDocument, ClipDocument>> splitClip (const ClipDocument& clip, int64_t at);
} // namespace crest
