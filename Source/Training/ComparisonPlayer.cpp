#include "ComparisonPlayer.h"

#include <algorithm>
#include <cmath>

namespace crest
{
ComparisonPlayer::ComparisonPlayer() = default;
ComparisonPlayer::~ComparisonPlayer() = default;

void ComparisonPlayer::load (Programme a, Programme b, double sampleRate)
{
    auto pair = std::make_unique<Pair>();
    const auto longest = (size_t) std::llround (maxSeconds * sampleRate);
    const auto length = std::min ({ a.left.size(), a.right.size(), b.left.size(), b.right.size(), longest });
    for (auto* p : { &a, &b })
    {
        p->left.resize (length);
        p->right.resize (length);
    }
    pair->a = std::move (a);
    pair->b = std::move (b);
    pair->length = (int64_t) length;
    // 10 ms: a switch is heard as a switch, never as a click.
    pair->rampFrames = std::max (1, (int) std::lround (0.01 * sampleRate));
    pair->fadeFrames = (int) std::min<int64_t> (pair->rampFrames, std::max<int64_t> (1, pair->length / 4));
    exchange.publish (std::move (pair));
    seekRequest.store (0, std::memory_order_release);
}

void ComparisonPlayer::render (float* const* out, int channels, int frames) noexcept
{
    const Pair* pair = exchange.acquire();
    const auto seek = seekRequest.exchange (-1, std::memory_order_acq_rel);
    int64_t at = seek >= 0 ? seek : playhead.load (std::memory_order_relaxed);
    if (pair != heard)
    {
        // A new pair starts from silence, fading in like any switch.
        heard = pair;
        if (pair != nullptr)
        {
            gainA.setRampLength (pair->rampFrames);
            gainB.setRampLength (pair->rampFrames);
        }
        gainA.snapTo (0.0f);
        gainB.snapTo (0.0f);
    }
    for (int ch = 0; ch < channels; ++ch)
        if (out[ch] != nullptr)
            std::fill (out[ch], out[ch] + frames, 0.0f);
    if (pair == nullptr || pair->length == 0)
        return;
    // Stop fades out as a switch does; once silent, play fades in again.
    const bool wanted = isPlaying();
    const bool silent = ! gainA.isSmoothing() && ! gainB.isSmoothing() && gainA.currentValue() == 0.0f && gainB.currentValue() == 0.0f;
    if (! wanted && silent)
        return;
    const int which = chosen();
    gainA.setTarget (wanted && which == 0 ? pair->a.gain : 0.0f);
    gainB.setTarget (wanted && which == 1 ? pair->b.gain : 0.0f);
    const int64_t length = pair->length;
    const float fade = (float) pair->fadeFrames;
    for (int i = 0; i < frames; ++i)
    {
        if (at >= length)
            at = 0;
        // The loop's ends fade, so its seam is silent rather than a click.
        const float edge = std::min ({ 1.0f, (float) (at + 1) / fade, (float) (length - at) / fade });
        const float ga = gainA.next() * edge, gb = gainB.next() * edge;
        const auto k = (size_t) at;
        const float left = ga * pair->a.left[k] + gb * pair->b.left[k];
        const float right = ga * pair->a.right[k] + gb * pair->b.right[k];
        if (channels == 1)
        {
            if (out[0] != nullptr)
                out[0][i] = 0.5f * (left + right);
        }
        else
        {
            if (out[0] != nullptr)
                out[0][i] = left;
            if (out[1] != nullptr)
                out[1][i] = right;
        }
        ++at;
    }
    playhead.store (at >= length ? 0 : at, std::memory_order_relaxed);
}

void ComparisonPlayer::audioDeviceIOCallbackWithContext (const float* const*, int, float* const* outputs, int numOutputs, int numSamples,
                                                         const juce::AudioIODeviceCallbackContext&)
{
    render (outputs, numOutputs, numSamples);
}
} // namespace crest
