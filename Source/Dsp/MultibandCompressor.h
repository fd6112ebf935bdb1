// The master's multiband compressor: the signal split into 2 to 5 bands by
// Linkwitz-Riley crossovers (Crossover), a compressor on each (the strip's
// Compressor: soft knee, stereo-linked peak detection), added back. Per band:
// threshold, ratio, attack, release, makeup, solo (only soloed bands are
// heard), bypass; gain reduction per band for meters. With every band
// neutral the output is the input through an allpass: flat in magnitude.
// No latency. Audio thread: noexcept, no allocation after prepare().
#pragma once

#include "Compressor.h"
#include "Core/ModuleSpecs.h"
#include "Crossover.h"
#include "ParameterizedProcessor.h"

#include <array>

namespace crest
{
class MultibandCompressor : public ParameterizedProcessor
{
public:
    static constexpr int maxBands = moduleSpecs::multibandMaxBands;
    enum Field
    {
        thresholdDb,
        ratio,
        attackMs,
        releaseMs,
        makeupDb,
        solo,
        bypass,
        fieldsPerBand
    };
    static constexpr size_t bandsIndex = 0;
    static constexpr size_t splitIndex (int split) noexcept { return (size_t) (1 + split); }
    static constexpr size_t parameterIndex (int band, Field field) noexcept { return (size_t) (maxBands + band * fieldsPerBand + field); }

    MultibandCompressor();

    std::string_view name() const noexcept override { return "Multiband"; }
    void prepare (const ProcessSpec& spec) override;
    void reset() noexcept override;
    void process (AudioView io) noexcept override;

    // The deepest gain reduction in band b since the last call, dB >= 0.
    float takeGainReductionDb (int band) noexcept { return compressors[(size_t) band].takeGainReductionDb(); }

private:
    void processChunk (AudioView io) noexcept;

    Crossover crossover;
    std::array<Compressor, maxBands> compressors;
    int chunkFrames = 4096;
};
} // namespace crest
