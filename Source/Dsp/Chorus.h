// The chorus: up to four voices, each a copy of the input read from a
// delay line whose time swings by `depthMs` around `delayMs` at `rateHz`
// (sine LFOs spread evenly in phase, the right side's voices a quarter
// turn from the left's, so `width` opens the image). Cubic interpolation
// between samples; feedback for a flanger-ish edge; dry/wet mix. The LFO
// phase advances per sample from the processor's reset, so output does
// not depend on block size. The sines are computed every 16 samples
// (counted from reset) and joined by straight lines: at 5 Hz, the fastest
// rate, that is 6e-5 of the depth off the true sine, and it saves the
// sixteen sines per stereo frame that were most of the cost. Memory is
// allocated in prepare().
#pragma once

#include "ParameterizedProcessor.h"

#include <array>
#include <vector>

namespace crest
{
class Chorus : public ParameterizedProcessor
{
public:
    enum Parameter
    {
        rateHz,
        depthMs,
        delayMs,
        voices,
        feedback,   // %
        width,      // %
        mix,        // %
        numParameters
    };

    Chorus();

    // Voice `voice` of `count` on `side` (0 left, 1 right) at LFO phase
    // `phase` (turns): -1 to 1, the swing of its delay around `delayMs`.
    // Voices spread evenly round the cycle; the right side's a quarter
    // turn on, scaled by width (0 to 1). The editor draws the sweep with it.
    static double voiceLfo (double phase, int voice, int count, int side, double widthShare) noexcept;
    // The delay (ms) that voice reads at that phase: base + depth * lfo,
    // never less than two samples (it would read ahead).
    static double voiceDelayMs (double phase, int voice, int count, int side, double delayMs, double depthMs, double widthShare,
                                double sampleRate) noexcept;

    std::string_view name() const noexcept override { return "Chorus"; }
    void prepare (const ProcessSpec& spec) override;
    void reset() noexcept override;
    void process (AudioView io) noexcept override;

private:
    static constexpr int lfoStride = 16;
    static constexpr int maxVoices = 4;

    double sampleRate = 48000.0;
    int64_t counter = 0;                                     // samples since reset
    std::array<std::array<double, maxVoices>, 2> lfoStart {}, lfoSlope {};   // per side and voice
    std::array<std::vector<float>, 2> lines;
    size_t writeIndex = 0;
    double phase = 0.0;   // turns, 0..1
};
} // namespace crest
