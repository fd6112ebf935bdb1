#include "ClipEdits.h"

#include <algorithm>

namespace crest
{
namespace
{
    ClipDocument fitFades (ClipDocument clip)
    {
        clip.fadeInSamples = std::clamp<int64_t> (clip.fadeInSamples, 0, clip.lengthSamples);
        clip.fadeOutSamples = std::clamp<int64_t> (clip.fadeOutSamples, 0, clip.lengthSamples - clip.fadeInSamples);
        return clip;
    }
} // namespace

ClipDocument clipMovedTo (ClipDocument clip, int64_t start)
{
    clip.startSample = std::max<int64_t> (0, start);
    return clip;
}

ClipDocument clipWithStartAt (ClipDocument clip, int64_t start)
{
    const int64_t end = clip.startSample + clip.lengthSamples;
    // Not before the timeline's start, the file's start, or too near the end.
    start = std::max (start, clip.startSample - clip.sourceOffsetSamples);
    start = std::max<int64_t> (start, 0);
    start = std::min (start, end - minimumClipSamples);
    if (start == clip.startSample)
        return clip;
    clip.sourceOffsetSamples += start - clip.startSample;
    clip.startSample = start;
    clip.lengthSamples = end - start;
    return fitFades (clip);
}

ClipDocument clipWithEndAt (ClipDocument clip, int64_t end, int64_t mediaFrames)
{
    int64_t length = end - clip.startSample;
    if (mediaFrames > 0)
        length = std::min (length, mediaFrames - clip.sourceOffsetSamples);
    length = std::max (length, std::min (minimumClipSamples, clip.lengthSamples));
    clip.lengthSamples = length;
    return fitFades (clip);
}

ClipDocument clipWithFades (ClipDocument clip, int64_t fadeInSamples, int64_t fadeOutSamples)
{
    clip.fadeInSamples = fadeInSamples;
    clip.fadeOutSamples = fadeOutSamples;
    return fitFades (clip);
}

std::optional<std::pair<ClipDocument, ClipDocument>> splitClip (const ClipDocument& clip, int64_t at)
{
    const int64_t into = at - clip.startSample;
    if (into < minimumClipSamples || clip.lengthSamples - into < minimumClipSamples)
        return std::nullopt;
    ClipDocument first = clip, second = clip;
    first.lengthSamples = into;
    first.fadeOutSamples = 0;
    second.startSample = at;
    second.sourceOffsetSamples += into;
    second.lengthSamples = clip.lengthSamples - into;
    second.fadeInSamples = 0;
    return std::pair { fitFades (first), fitFades (second) };
}
} // namespace crest
