// Second-order filter design that follows the analog prototype up to near
// Nyquist, instead of cramping there as the bilinear transform does
// (M. Vicanek, "Matched Second Order Digital Filters", 2016):
//  - the poles are the analog poles mapped exactly (impulse invariance:
//    z = exp(s T));
//  - the zeros are fitted so that the digital magnitude equals the analog
//    one at DC, at Nyquist and at a third frequency (the centre or corner).
// The prototypes are the classic analog biquads (RBJ's "Audio EQ Cookbook"
// s-domain forms), so "gain", "Q" and "frequency" mean what they mean on
// every console. Coefficients are double: single precision cannot hold
// poles this close to the unit circle. Pure functions, any thread.
#pragma once

#include <array>

namespace crest
{
enum class FilterShape
{
    lowPass,    // 12 dB/oct, Q at the corner (0.7071: Butterworth, -3 dB)
    highPass,
    bandPass,   // 0 dB at the centre
    notch,
    bell,       // gainDb at the centre
    lowShelf,   // gainDb below, half of it (in dB) at the corner
    highShelf
};

// y[n] = b0 x[n] + b1 x[n-1] + b2 x[n-2] - a1 y[n-1] - a2 y[n-2]
struct BiquadCoefficients
{
    double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0;

    // |H(e^jw)| at `hz`, from the coefficients.
    double magnitudeAt (double hz, double sampleRate) const noexcept;

    static BiquadCoefficients identity() noexcept { return {}; }
};

struct FilterSettings
{
    FilterShape shape = FilterShape::bell;
    double frequencyHz = 1000.0;
    double q = 0.7071067811865476;
    double gainDb = 0.0;   // bell and shelves only
};

// One section: the design for pass, band-pass and notch filters, and the
// closest single section for a bell or shelf.
BiquadCoefficients designMatched (const FilterSettings& settings, double sampleRate) noexcept;

// A parametric band: one section, or two in cascade where a single one
// cannot follow a bell or shelf within tolerance (0.1 dB up to half
// Nyquist, 0.5 dB up to 0.9 Nyquist): a high Q or a corner close to Nyquist,
// whose analog skirt runs past it.
struct BandDesign
{
    std::array<BiquadCoefficients, 2> sections {};
    int count = 1;

    double magnitudeAt (double hz, double sampleRate) const noexcept;
};

BandDesign designBand (const FilterSettings& settings, double sampleRate) noexcept;

// The analog prototype's magnitude at `hz` (for tests and for drawing).
double analogMagnitude (const FilterSettings& settings, double hz) noexcept;

// RBJ's bilinear "cookbook" design of the same prototype, kept only to show
// in tests what the matched design fixes.
BiquadCoefficients designBilinear (const FilterSettings& settings, double sampleRate) noexcept;
} // namespace crest
