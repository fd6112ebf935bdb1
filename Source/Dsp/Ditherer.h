// Word-length reduction for export: quantizes to 16 or 24 bits, once, as
// the last step before an integer file.
//  - none: plain rounding (quiet tones turn into harmonic distortion);
//  - tpdf: triangular dither of +-1 LSB (two uniform +-0.5 LSB values
//    summed): the error becomes a steady, signal-independent hiss of LSB/2
//    RMS (-96.3 dBFS at 16 bits), the distortion gone;
//  - shaped: the same dither with the error fed back through a filter, so
//    the hiss moves from the ear's most sensitive range (1-5 kHz) up toward
//    Nyquist: Lipshitz, Vanderkooy and Wannamaker's 5-tap E-weighted
//    filter ("Minimally Audible Noise Shaping", JAES 1991), designed for
//    44.1 kHz and usable at 48. Its noise transfer is 1 - z^-1 H(z).
// Values land exactly on the word length's grid (multiples of 2^-(bits-1)),
// clipped to the integer range, so the file writer stores them unchanged.
// Fixed seed: a render is reproducible bit for bit. noexcept, no allocation.
#pragma once

#include <array>
#include <cstdint>
#include <random>
#include <span>

namespace crest
{
enum class DitherKind
{
    none,
    tpdf,
    shaped
};

class Ditherer
{
public:
    static constexpr int shapingTaps = 5;

    Ditherer (int bits, DitherKind kind, int channels, uint32_t seed = 0x43524553);

    void process (float* interleaved, int64_t frames) noexcept;

    // The shaping filter H (error feedback); the noise transfer is 1 - z^-1 H.
    static std::span<const double> shapingFilter() noexcept;
    // |1 - z^-1 H| in dB at `hz` (0 dB for tpdf and none).
    double noiseTransferDb (double hz, double sampleRate) const noexcept;

private:
    double scale;   // 2^(bits-1): one LSB is 1 / scale
    DitherKind kind;
    int channelCount;
    std::minstd_rand noise;
    std::array<std::array<double, shapingTaps>, 8> errors {};   // per channel, newest first
};
} // namespace crest
