// The strip's parametric EQ: eight bands, each bell, low or high shelf,
// notch, band-pass, low- or high-pass, with frequency, gain and Q. Every
// band follows its analog prototype up to near Nyquist (BiquadDesign) and
// glides when moved (FilterSmoother), so sweeps neither click nor zipper.
// A band that is off, or a bell or shelf at 0 dB once settled, costs
// nothing. Parameters: setParameter() from any thread (atomics), read at
// segment boundaries on the audio thread.
#pragma once

#include "Biquad.h"
#include "Core/ModuleSpecs.h"
#include "FilterSmoother.h"
#include "ParameterizedProcessor.h"

#include <array>
#include <span>

namespace crest
{
class ParametricEq : public ParameterizedProcessor
{
public:
    static constexpr int numBands = moduleSpecs::eqBands;
    enum Field
    {
        on,
        shape,
        frequencyHz,
        gainDb,
        q,
        fieldsPerBand
    };
    static constexpr size_t parameterIndex (int band, Field field) noexcept { return (size_t) (band * fieldsPerBand + field); }

    ParametricEq();

    std::string_view name() const noexcept override { return "EQ"; }
    void prepare (const ProcessSpec& spec) override;
    void reset() noexcept override;
    void process (AudioView io) noexcept override;


    // The response the EQ is heading for (its targets), for drawing.
    double magnitudeAt (double hz) const noexcept;
    // The same at many frequencies, each band designed once (for curves and
    // the linear-phase EQ's design); not for the audio thread.
    void magnitudesAt (std::span<const double> hz, std::span<double> magnitudes) const;

private:
    struct Band
    {
        FilterSmoother smoother;
        BandDesign design;     // at the end of this segment
        BandDesign previous;   // at its start: ramped between while moving
        bool moving = false;
        int sectionsRunning = 1;   // sections processed this segment
        std::array<std::array<BiquadState, 2>, 2> state;   // [section][channel]
        bool active = false;   // on, and not a settled 0 dB bell or shelf
        bool wasOn = false;
    };

    FilterSettings targetOf (int band) const noexcept;
    void updateSegment() noexcept;
    static void resetState (Band& band) noexcept;

    std::array<Band, numBands> bands;
    double sampleRate = 48000.0;
    int segmentPosition = 0;
};
} // namespace crest
