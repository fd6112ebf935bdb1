// The master's stereo width, in mid/side: the side signal scaled from 0 %
// (mono) through 100 % (unchanged) to 200 % (side doubled), and below a
// chosen frequency taken out (a Linkwitz-Riley 4th-order high-pass on the
// side only), so the bass is mono while the image above is kept. Width
// glides over 20 ms. At 100 % with the bass filter off the output is the
// input, bit for bit. A mono signal passes unchanged. Audio thread:
// noexcept, no allocation after prepare().
#pragma once

#include "Biquad.h"
#include "FilterSmoother.h"
#include "ParameterizedProcessor.h"

#include <array>

namespace crest
{
class StereoWidth : public ParameterizedProcessor
{
public:
    enum Parameter : size_t
    {
        widthPercent,
        monoBelowHz
    };

    StereoWidth();

    std::string_view name() const noexcept override { return "Width"; }
    void prepare (const ProcessSpec& spec) override;
    void reset() noexcept override;
    void process (AudioView io) noexcept override;

private:
    double sampleRate = 48000.0;
    double width = 1.0;        // smoothed, 0..2
    double glide = 0.0;        // its one-pole coefficient per sample
    double filterHz = 0.0;     // the side high-pass's corner now (0: off)
    BiquadCoefficients highPass;
    std::array<BiquadState, 2> sideState;   // two sections
};
} // namespace crest
