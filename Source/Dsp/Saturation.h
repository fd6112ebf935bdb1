// "Analog colour" for the master: a smooth saturating curve, tape
// (tanh: odd harmonics) or tube (a biased tanh: even ones too), driven 0 to
// +24 dB, with mix and output level. The curve runs 8x oversampled: a
// polyphase windowed-sinc interpolator (289 taps, Kaiser beta 9)
// brings the signal up, the same filter brings it down, so the harmonics
// the curve makes above the original Nyquist are removed instead of folding
// back as aliases. The dry path is delayed to match (latencySamples()), so
// mix blends aligned signals. Audio thread: noexcept, no allocation after
// prepare().
#pragma once

#include "ParameterizedProcessor.h"

#include <array>
#include <vector>

namespace crest
{
class Saturation : public ParameterizedProcessor
{
public:
    enum Parameter : size_t
    {
        curve,
        driveDb,
        mix,
        outputDb
    };
    static constexpr int oversampling = 8;
    // 289 taps at the 8x rate (odd, so the round trip delays by a whole 36
    // samples), zero-padded to 8 phases of 40 for SSE2.
    static constexpr int filterLength = 289, tapsPerPhase = 40, paddedLength = oversampling * tapsPerPhase;

    Saturation();

    static constexpr float tubeBias = 0.3f;   // where the tube curve sits on tanh
    // What the module does to a sample value that moves slowly (the
    // harmonics it makes all below Nyquist): the curve at `driveDb`, then
    // the mix with the dry signal and the output level. The editor draws
    // this curve; the tests hold the oversampled module to it.
    static double transfer (double x, bool tube, double driveDb, double mixPercent, double outputDb) noexcept;

    std::string_view name() const noexcept override { return "Saturation"; }
    void prepare (const ProcessSpec& spec) override;
    void reset() noexcept override;
    void process (AudioView io) noexcept override;
    int latencySamples() const noexcept override { return latency; }

private:
    using Lanes = float __attribute__ ((vector_size (16)));

    static constexpr int curvedRing = paddedLength + oversampling;

    // The filter at the 8x rate: phase p's taps for interpolation, against
    // the input window oldest first; and all taps for decimation, against
    // the curved window oldest first.
    std::array<std::array<float, tapsPerPhase>, oversampling> phases {};
    std::array<float, paddedLength> decimator {};
    // Per channel: the last input samples and the last curved samples at
    // the 8x rate, each doubled so a window never wraps.
    std::array<std::array<float, 2 * tapsPerPhase>, 2> input {};
    std::array<std::array<float, 2 * curvedRing>, 2> curved {};
    int64_t curvedCount = 0;
    std::array<std::vector<float>, 2> dry;   // the delayed dry signal
    int inputIndex = 0, curvedIndex = 0, dryIndex = 0, latency = 0;
    double drive = 1.0, wet = 1.0, output = 1.0;   // smoothed
    double glide = 0.0;
};
} // namespace crest
