// The algorithmic reverb: a feedback delay network (Jot) of eight lines
// mixed through an orthogonal 8x8 Hadamard matrix (Eigen), so the loop
// neither gains nor loses energy except where we say:
//  - each line's gain is set from its length so every path decays 60 dB
//    in `decaySeconds` (RT60);
//  - a one-pole low-pass in each line shortens the decay at high
//    frequencies by `damping` (0 %: as long as the mids; 100 %: a tenth
//    at Nyquist), leaving 1 kHz nearly untouched;
//  - `size` scales the line lengths (and the early pattern), pre-delay
//    delays the whole, eight early-reflection taps give the room's first
//    shape, `width` narrows the stereo image toward mono, and `mix` blends
//    with the dry signal.
// When the input and the tail have both fallen below -200 dBFS for a
// block, the network is cleared: the tail ends in exact zeros and silence
// costs next to nothing. Memory is allocated in prepare().
#pragma once

#include "ParameterizedProcessor.h"

#include <array>
#include <vector>

namespace crest
{
class Reverb : public ParameterizedProcessor
{
public:
    enum Parameter
    {
        preDelayMs,
        decaySeconds,
        size,          // %: 30 to 200, line lengths relative to a medium hall
        damping,       // %
        earlyLevel,    // %
        width,         // %
        mix,           // %
        numParameters
    };
    static constexpr int numLines = 8;

    Reverb();

    std::string_view name() const noexcept override { return "Reverb"; }
    void prepare (const ProcessSpec& spec) override;
    void reset() noexcept override;
    void process (AudioView io) noexcept override;


    bool isSilent() const noexcept { return silent; }

private:
    void configure() noexcept;

    double sampleRate = 48000.0;
    std::array<double, numParameters> configured {};

    std::array<std::vector<float>, numLines> lines;
    std::array<int, numLines> lengths {};
    std::array<float, numLines> gains {}, dampingPoles {}, dampingState {};
    std::vector<float> preDelayLine, earlyLine;
    int preDelaySamples = 0;
    std::array<int, 8> earlyTaps {};
    size_t writeIndex = 0, preDelayIndex = 0, earlyIndex = 0;
    bool silent = true;
};
} // namespace crest
