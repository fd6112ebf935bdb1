// A non-owning view of planar float audio: what every processor sees.
#pragma once

namespace crest
{
struct AudioView
{
    float* const* channels = nullptr;
    int numChannels = 0;
    int numFrames = 0;
};
} // namespace crest
