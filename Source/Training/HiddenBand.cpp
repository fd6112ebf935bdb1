#include "HiddenBand.h"

#include "Dsp/Biquad.h"

namespace crest
{
ComparisonPlayer::Programme withHiddenBand (const ComparisonPlayer::Programme& flat, const FilterSettings& band, double sampleRate)
{
    auto eqd = flat;
    const auto design = designBand (band, sampleRate);
    for (auto* channel : { &eqd.left, &eqd.right })
        for (int s = 0; s < design.count; ++s)
        {
            BiquadState state;
            state.process (channel->data(), (int) channel->size(), design.sections[(size_t) s]);
        }
    return eqd;
}
} // namespace crest
