// The strip's compressor, a feed-forward design after Giannoulis, Massberg
// and Reiss ("Digital Dynamic Range Compressor Design", JAES 2012):
//  - the key (the signal itself, or an external key from another track or
//    bus) passes an optional sidechain high-pass and a peak or RMS
//    detector; channels are linked by `stereoLink` (0 % each channel on
//    its own, 100 % both follow the louder);
//  - a gain computer in dB gives the static curve: threshold, ratio and a
//    soft knee of `kneeDb` (quadratic across the knee);
//  - the gain reduction is smoothed in dB, with the attack time constant
//    while it deepens and the release one while it recovers (one-pole,
//    time constant = time to 63 % of a step);
//  - makeup gain (manual, or automatic: half the reduction the curve gives
//    at 0 dBFS) and a dry/wet mix for parallel compression.
// The deepest gain reduction of each block is published for meters.
// Parameters: setParameter() from any thread; read per block on the
// audio thread (the smoothing makes that inaudible).
#pragma once

#include "Biquad.h"
#include "ParameterizedProcessor.h"
#include "Realtime/PeakMeter.h"

#include <array>
#include <cmath>

namespace crest
{
class Compressor : public ParameterizedProcessor
{
public:
    enum Parameter
    {
        thresholdDb,
        ratio,
        kneeDb,
        attackMs,
        releaseMs,
        makeupDb,
        autoMakeup,
        rmsDetection,
        sidechainHighPassHz,   // 0: off
        stereoLink,            // %
        mix,                   // %
        numParameters
    };

    Compressor();

    std::string_view name() const noexcept override { return "Compressor"; }
    void prepare (const ProcessSpec& spec) override;
    void reset() noexcept override;
    void process (AudioView io) noexcept override { processWithKey (io, io); }
    // `key` drives the detector (a track ducked by a kick); it has the
    // same number of frames as io and one or two channels.
    void processWithKey (AudioView io, AudioView key) noexcept;


    // The static curve: output level for an input level, both in dB.
    static double staticCurveDb (double x, double threshold, double ratio, double knee) noexcept
    {
        const double over = x - threshold;
        if (2 * over < -knee)
            return x;
        if (knee > 0 && 2 * std::abs (over) <= knee)
            return x + (1 / ratio - 1) * (over + knee / 2) * (over + knee / 2) / (2 * knee);
        return threshold + over / ratio;
    }
    // The makeup applied: the manual gain, plus with auto makeup half of
    // what the curve takes from a 0 dBFS input.
    static double appliedMakeupDb (double manualDb, bool automatic, double threshold, double ratio, double knee) noexcept
    {
        return manualDb + (automatic ? -0.5 * staticCurveDb (0, threshold, ratio, knee) : 0.0);
    }
    // Deepest gain reduction (dB, >= 0) since the last call: for meters.
    float takeGainReductionDb() noexcept { return deepestReduction.take(); }
    // The smoothed gain reduction now (dB, >= 0), for tests and displays.
    double currentGainReductionDb() const noexcept { return -smoothedGainDb[0]; }

private:
    double sampleRate = 48000.0;
    std::array<double, 2> smoothedGainDb {};   // <= 0
    std::array<double, 2> meanSquare {};
    std::array<BiquadState, 2> keyFilter;
    BiquadCoefficients keyFilterCoefficients;
    double keyFilterHz = -1.0;
    PeakMeter deepestReduction;   // dB of gain reduction, for meters
};
} // namespace crest
