// The delay effect: a stereo echo with its time in milliseconds or as a
// note value at the session's tempo, feedback through high- and low-pass
// filters (each repeat darker and thinner, as on tape), ping-pong (the
// repeats alternate sides), and a dry/wet mix. A time change crossfades
// over 30 ms from the old tap to the new one: no click, and no pitch bend
// either; each tap reads exact samples (fractional delays by cubic
// interpolation).
// Memory is allocated in prepare() for the longest time at that rate.
// Parameters: setParameter() from any thread; read per block.
#pragma once

#include "Biquad.h"
#include "ParameterizedProcessor.h"

#include <array>
#include <vector>

namespace crest
{
class Delay : public ParameterizedProcessor
{
public:
    enum Parameter
    {
        timeMs,
        noteValue,     // 0: off (use timeMs); else an index into noteBeats()
        tempoBpm,      // set by the engine from the session
        feedback,      // %
        highPassHz,    // in the feedback path; 0 = off
        lowPassHz,     // in the feedback path; 0 = off
        pingPong,
        mix,           // %
        numParameters
    };

    // Beats per note value: 1/1, 1/2, 1/4, 1/8, 1/16 (straight, dotted, triplet).
    static double noteBeats (int index) noexcept;

    Delay();

    std::string_view name() const noexcept override { return "Delay"; }
    void prepare (const ProcessSpec& spec) override;
    void reset() noexcept override;
    void process (AudioView io) noexcept override;


    // The delay time the settings ask for, in samples.
    double targetDelaySamples() const noexcept;

private:

    double sampleRate = 48000.0;
    std::array<std::vector<float>, 2> lines;
    size_t writeIndex = 0;
    double currentDelay = 0.0, nextDelay = 0.0;   // samples
    int fadeLength = 1, fadePosition = -1;         // -1: not fading
    std::array<std::array<BiquadState, 2>, 2> feedbackFilters;   // [channel][high, low]
    BiquadCoefficients highPass, lowPass;
    double designedHighPass = -1, designedLowPass = -1;
};
} // namespace crest
