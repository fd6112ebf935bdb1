// The strip's high-pass and low-pass filters: Butterworth responses of 12,
// 24, 36 or 48 dB/oct (two to eight poles, as cascaded second-order
// sections with the Butterworth Qs), -3 dB at the corner. Each section
// follows its analog prototype to near Nyquist (BiquadDesign), and the
// corner glides when moved (FilterSmoother). Off costs nothing.
// Parameters: setParameter() from any thread, read every segment on the
// audio thread.
#pragma once

#include "Biquad.h"
#include "FilterSmoother.h"
#include "ParameterizedProcessor.h"

#include <array>

namespace crest
{
class PassFilter : public ParameterizedProcessor
{
public:
    enum Parameter
    {
        highPassOn,
        highPassHz,
        highPassSlope,   // dB/oct: 12, 24, 36 or 48
        lowPassOn,
        lowPassHz,
        lowPassSlope,
        numParameters
    };

    PassFilter();

    std::string_view name() const noexcept override { return "Filters"; }
    void prepare (const ProcessSpec& spec) override;
    void reset() noexcept override;
    void process (AudioView io) noexcept override;


    // The Butterworth Q of section k (0-based) of an `order`-pole filter.
    static double butterworthQ (int order, int section) noexcept;

private:
    static constexpr int maxSections = 4;
    struct Side
    {
        FilterShape shape = FilterShape::highPass;
        FilterSmoother smoother;   // frequency only; Q is per section
        int sections = 0;          // 0: off
        std::array<BiquadCoefficients, maxSections> coefficients;   // at the end of this segment
        std::array<BiquadCoefficients, maxSections> previous;       // at its start: ramped between while moving
        bool moving = false;
        std::array<std::array<BiquadState, 2>, maxSections> state;
    };

    void updateSide (Side& side, Parameter onIndex, Parameter hzIndex, Parameter slopeIndex, bool snap) noexcept;
    void design (Side& side) noexcept;

    Side highPass, lowPass;
    double sampleRate = 48000.0;
    int segmentPosition = 0;
};
} // namespace crest
