// A track's channel-strip modules, in the order a console runs them:
// polarity, high/low-pass filters, gate, then EQ and compressor (either
// order), the space modules (chorus, delay, reverb) as built-in inserts,
// and stereo width. Owned by a track's or bus's runtime, so they outlive
// plan swaps. A module that is off is skipped entirely; one switched on
// starts from a clean state. The space modules hold seconds of audio, so
// each is allocated only when first switched on (on the message thread,
// then handed to the audio thread through an atomic pointer).
//
// apply() and applyAll(): any thread but the audio thread (they only
// store atomics). process(): audio thread.
#pragma once

#include "Core/StripParameters.h"
#include "Dsp/Compressor.h"
#include "Dsp/Gate.h"
#include "Dsp/ParametricEq.h"
#include "Dsp/PassFilter.h"
#include "Session/SessionDocument.h"

#include <array>
#include <atomic>
#include <memory>
#include <vector>

namespace crest
{
class StripProcessors
{
public:
    StripProcessors (int channels, double sampleRate, int maxBlockFrames);

    void apply (const StripParameter& parameter, double value) noexcept;
    void applyAll (const StripDocument& strip) noexcept;

    // In place on `io` (the channel's own channels). With a key, the
    // compressor listens to it instead of to `io` (a sidechain).
    void process (AudioView io, const AudioView* key = nullptr) noexcept;
    // Audio thread: every module back to silence (after NaN or Inf).
    void reset() noexcept;

    Compressor& compressor() noexcept { return compressorModule; }
    Gate& gate() noexcept { return gateModule; }
    // Audio thread: a value from an automation lane (a space module that
    // was never created is skipped: ensureSpaceModule() comes first).
    void automate (const StripParameter& parameter, double value) noexcept;
    // Message thread: allocates a space module before a lane drives it.
    void ensureSpaceModule (StripModule which) { createSpaceModule (which); }
    // The session's tempo, for a delay synced to note values.
    void setTempo (double bpm) noexcept;
    bool hasSpaceModule (StripModule which) const noexcept;

private:
    struct Switch
    {
        std::atomic<bool> on { false };
        bool wasOn = false;   // audio thread
    };
    Processor& module (StripModule which) noexcept;
    std::array<Processor*, 4> modules() noexcept { return { &filters, &gateModule, &eq, &compressorModule }; }
    bool runIfOn (Switch& s, Processor& p, AudioView io) noexcept;
    void runCompressor (AudioView io, const AudioView* key) noexcept;

    struct SpaceSlot
    {
        std::unique_ptr<ParameterizedProcessor> owned;   // message thread
        std::atomic<Processor*> live { nullptr };
        std::vector<double> values;                      // message thread: kept until the module exists
    };
    SpaceSlot& space (StripModule which) noexcept;
    void createSpaceModule (StripModule which);

    ProcessSpec spec;
    SpaceSlot chorusSlot, delaySlot, reverbSlot;
    PassFilter filters;
    Gate gateModule;
    ParametricEq eq;
    Compressor compressorModule;
    std::array<Switch, 8> switches;   // indexed by StripModule
    std::atomic<bool> invert { false }, compressorFirst { false };
    std::atomic<float> width { 100.0f };
};
} // namespace crest
