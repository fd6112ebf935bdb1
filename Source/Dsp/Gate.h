// The strip's gate and downward expander. A peak detector (2 ms decay, so
// it reads a waveform's level rather than each cycle) drives a gain in dB:
//  - as a gate (ratio at its top, 50:1 and beyond): open above the
//    threshold; closed, `range` dB down, once the level has been below
//    threshold minus hysteresis for the hold time;
//  - as an expander (lower ratios): below the threshold the gain falls by
//    (ratio - 1) dB for each dB under it, never further than `range`.
// The gain opens with the attack time constant and closes with the
// release one (one-pole in dB). Parameters: setParameter() from any
// thread; read per block on the audio thread.
#pragma once

#include "ParameterizedProcessor.h"
#include "Realtime/PeakMeter.h"

#include <algorithm>
#include <array>

namespace crest
{
class Gate : public ParameterizedProcessor
{
public:
    enum Parameter
    {
        thresholdDb,
        rangeDb,
        ratio,
        attackMs,
        holdMs,
        releaseMs,
        hysteresisDb,
        numParameters
    };
    static constexpr double gateRatio = 50.0;   // from here up it gates

    Gate();

    std::string_view name() const noexcept override { return "Gate"; }
    void prepare (const ProcessSpec& spec) override;
    void reset() noexcept override;
    void process (AudioView io) noexcept override;


    // The gain (dB, <= 0) a steady level settles to, held long enough for
    // the hold and release to finish: the static curve the gate's editor
    // draws. Within the hysteresis below the threshold a gate stays as it
    // was; this is its value coming from below (closed).
    static double settledGainDb (double levelDb, double threshold, double range, double ratio) noexcept
    {
        if (levelDb >= threshold)
            return 0.0;
        return ratio >= gateRatio ? -range : std::max (-range, (levelDb - threshold) * (ratio - 1));
    }

    double currentGainDb() const noexcept { return gainDb; }
    float takeGainReductionDb() noexcept { return deepestReduction.take(); }

private:
    double sampleRate = 48000.0;
    double envelope = 0.0;
    double gainDb = 0.0;        // <= 0, shared by the channels (a gate is linked)
    bool open = false;
    int holdRemaining = 0;
    PeakMeter deepestReduction;   // dB of gain reduction, for meters
};
} // namespace crest
