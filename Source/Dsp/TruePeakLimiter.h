// The master's brickwall limiter, held to a ceiling in dBTP: what a true-
// peak meter (BS.1770 Annex 2) reads of its output never passes the ceiling.
//  - Peaks are found by the 4x true-peak meter's own filter
//    (TruePeakDetector), and where that comes near the ceiling 8x
//    oversampled by a 128-tap windowed sinc, flat to about 0.48 fs (shorter
//    ones read full-band content up to 0.3 dB differently), its crests
//    refined by a parabola: the output obeys both. The two channels share one gain,
//    so the image does not move. A second, lighter stage catches what the
//    first lets through.
//  - Each peak asks for the gain that brings it to the ceiling. That gain is
//    held over the lookahead (1.5 ms) plus the interpolator's span either
//    side, then ramped into by a moving average as long as the lookahead:
//    the gain is down before the peak and its neighbours pass, with no
//    step (no click, no distortion from an instant gain change).
//  - Release: fixed (an exponential return with the release time), or
//    program-dependent: a quick return after a lone transient, a slow one
//    while limiting goes on (a slow average of the asked-for gain holds the
//    gain down), which keeps dense material from pumping.
// Below the ceiling the gain is exactly 1: the output is the input, delayed
// by latencySamples(). Sample by sample, so any block size gives the same
// output. Audio thread: noexcept, no allocation after prepare().
#pragma once

#include "ParameterizedProcessor.h"
#include "TruePeakDetector.h"
#include "Realtime/PeakMeter.h"

#include <array>
#include <vector>

namespace crest
{
class TruePeakLimiter : public ParameterizedProcessor
{
public:
    enum Parameter : size_t
    {
        inputGainDb,
        ceilingDb,
        releaseMs,
        autoRelease
    };

    static constexpr int oversampling = 8;
    static constexpr int tapsPerPhase = 128;
    static constexpr double lookaheadMs = 1.5;

    TruePeakLimiter();

    std::string_view name() const noexcept override { return "Limiter"; }
    void prepare (const ProcessSpec& spec) override;
    void reset() noexcept override;
    void process (AudioView io) noexcept override;
    int latencySamples() const noexcept override { return latency; }

    // The deepest gain reduction since the last call, in dB (>= 0), for meters.
    float takeGainReductionDb() noexcept { return deepestReduction.take(); }

private:
    // One gain stage: detect, hold, release, ramp, delay, apply. The second
    // stage sees the first one's output, so it catches what the first let
    // through: a gain that changes within a peak's neighbourhood can lift
    // the interpolated value a little above what each sample's gain allows.
    class Stage
    {
    public:
        void prepare (int lookaheadSamples);
        void reset() noexcept;
        // One stereo frame in, the frame from latency() samples ago out.
        void process (float& left, float& right, double ceiling, double release, double sustain, bool programDependent,
                      const std::array<std::array<float, tapsPerPhase>, oversampling - 1>& phases) noexcept;
        int latency() const noexcept { return delay; }
        double gain() const noexcept { return lastGain; }

    private:
        float oversampledPeak (int channel, const std::array<std::array<float, tapsPerPhase>, oversampling - 1>& phases) const noexcept;
        double heldGain (double required) noexcept;

        std::array<std::array<float, 2 * tapsPerPhase>, 2> history {};   // doubled: a window never wraps
        // The true-peak meter's own reading (TruePeakDetector, 4x), fed
        // late so it lines up: the gain obeys the meter that will read it.
        TruePeakDetector meter;
        int historyIndex = 0;
        int lookahead = 1, holdLength = 1, delay = 0;
        // The sliding minimum of the asked-for gain over holdLength (a
        // monotonic queue in a ring: ascending values, oldest first).
        std::vector<double> holdValue;
        std::vector<int64_t> holdIndex;
        int holdFront = 0, holdCount = 0;
        int64_t position = 0;
        // The moving average over the lookahead.
        std::vector<double> averageRing;
        double averageSum = 0;
        int averageIndex = 0;
        std::array<std::vector<float>, 2> delayed;
        int delayIndex = 0;
        double released = 1.0, slowGain = 1.0, lastGain = 1.0;
    };

    std::array<std::array<float, tapsPerPhase>, oversampling - 1> phases {};
    Stage main, safety;
    int latency = 0;
    double inputGain = 1.0;
    double sampleRate = 48000.0;
    PeakMeter deepestReduction;
};
} // namespace crest
