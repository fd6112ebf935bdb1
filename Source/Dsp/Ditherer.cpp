#include "Ditherer.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

namespace crest
{
namespace
{
    // Lipshitz, Vanderkooy, Wannamaker 1991, the 5-coefficient E-weighted design.
    constexpr std::array<double, Ditherer::shapingTaps> eWeighted { 2.033, -2.165, 1.959, -1.590, 0.6149 };
} // namespace

Ditherer::Ditherer (int bits, DitherKind ditherKind, int channels, uint32_t seed)
    : scale (std::ldexp (1.0, std::clamp (bits, 8, 24) - 1)), kind (ditherKind), channelCount (std::clamp (channels, 1, 8)), noise (seed)
{
}

std::span<const double> Ditherer::shapingFilter() noexcept { return eWeighted; }

double Ditherer::noiseTransferDb (double hz, double sampleRate) const noexcept
{
    if (kind != DitherKind::shaped)
        return 0.0;
    const double w = 2 * std::numbers::pi * hz / sampleRate;
    std::complex<double> transfer = 1.0;
    for (int k = 0; k < shapingTaps; ++k)
        transfer -= eWeighted[(size_t) k] * std::polar (1.0, -w * (k + 1));
    return 20 * std::log10 (std::abs (transfer));
}

void Ditherer::process (float* interleaved, int64_t frames) noexcept
{
    // The same draws, in the same float arithmetic, as the file writer
    // always made: renders with TPDF stay the bits they were.
    const float halfLsb = (float) (0.5 / scale);
    std::uniform_real_distribution<float> half (-halfLsb, halfLsb);
    const double top = scale - 1, bottom = -scale;
    for (int64_t i = 0; i < frames; ++i)
        for (int ch = 0; ch < channelCount; ++ch)
        {
            float& sample = interleaved[i * channelCount + ch];
            if (kind == DitherKind::none)
            {
                sample = (float) (std::clamp (std::nearbyint ((double) sample * scale), bottom, top) / scale);
                continue;
            }
            auto& e = errors[(size_t) ch];
            double wanted = sample;
            if (kind == DitherKind::shaped)
                for (int k = 0; k < shapingTaps; ++k)
                    wanted -= eWeighted[(size_t) k] * e[(size_t) k];
            const float dithered = (float) wanted + half (noise) + half (noise);
            const double quantized = std::clamp ((double) std::nearbyint (dithered * (float) scale), bottom, top) / scale;
            if (kind == DitherKind::shaped)
            {
                // The error the filter feeds back: what quantizing (and any
                // clipping, bounded so a full-scale overload cannot run away)
                // added to the shaped signal.
                std::rotate (e.rbegin(), e.rbegin() + 1, e.rend());
                e[0] = std::clamp (quantized - wanted, -4.0 / scale, 4.0 / scale);
            }
            sample = (float) quantized;
        }
}
} // namespace crest
