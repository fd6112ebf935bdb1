#include "MultibandCompressor.h"

#include <algorithm>
#include <cmath>

namespace crest
{
MultibandCompressor::MultibandCompressor() : ParameterizedProcessor (moduleSpecs::multibandCompressor()) {}

void MultibandCompressor::prepare (const ProcessSpec& spec)
{
    chunkFrames = std::max (1, spec.maxBlockFrames);
    crossover.prepare (spec.sampleRate, chunkFrames);
    for (auto& c : compressors)
        c.prepare (spec);
    reset();
}

void MultibandCompressor::reset() noexcept
{
    std::array<double, Crossover::maxSplits> splits {};
    for (int k = 0; k < Crossover::maxSplits; ++k)
        splits[(size_t) k] = parameter (splitIndex (k));
    crossover.setSplits ((int) std::lround (parameter (bandsIndex)), splits);
    crossover.reset();
    for (auto& c : compressors)
        c.reset();
}

void MultibandCompressor::process (AudioView io) noexcept
{
    for (int done = 0; done < io.numFrames; done += chunkFrames)
    {
        float* channels[2] = { io.channels[0] + done, io.channels[std::min (1, io.numChannels - 1)] + done };
        processChunk ({ channels, std::min (io.numChannels, 2), std::min (chunkFrames, io.numFrames - done) });
    }
}

void MultibandCompressor::processChunk (AudioView io) noexcept
{
    std::array<double, Crossover::maxSplits> splits {};
    for (int k = 0; k < Crossover::maxSplits; ++k)
        splits[(size_t) k] = parameter (splitIndex (k));
    crossover.setSplits ((int) std::lround (parameter (bandsIndex)), splits);
    crossover.process (io);

    const int bands = crossover.bands();
    bool anySolo = false;
    for (int b = 0; b < bands; ++b)
        anySolo |= parameter (parameterIndex (b, solo)) >= 0.5;
    for (int ch = 0; ch < io.numChannels; ++ch)
        std::fill (io.channels[ch], io.channels[ch] + io.numFrames, 0.0f);
    for (int b = 0; b < bands; ++b)
    {
        auto band = crossover.band (b);
        auto& compressor = compressors[(size_t) b];
        if (parameter (parameterIndex (b, bypass)) < 0.5)
        {
            compressor.setParameter (Compressor::thresholdDb, parameter (parameterIndex (b, thresholdDb)));
            compressor.setParameter (Compressor::ratio, parameter (parameterIndex (b, ratio)));
            compressor.setParameter (Compressor::attackMs, parameter (parameterIndex (b, attackMs)));
            compressor.setParameter (Compressor::releaseMs, parameter (parameterIndex (b, releaseMs)));
            compressor.setParameter (Compressor::makeupDb, parameter (parameterIndex (b, makeupDb)));
            compressor.process (band);
        }
        if (anySolo && parameter (parameterIndex (b, solo)) < 0.5)
            continue;
        for (int ch = 0; ch < io.numChannels; ++ch)
        {
            const float* from = band.channels[std::min (ch, band.numChannels - 1)];
            float* to = io.channels[ch];
            for (int i = 0; i < io.numFrames; ++i)
                to[i] += from[i];
        }
    }
}
} // namespace crest
