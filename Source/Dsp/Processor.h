// The one small interface every insert, bus and mastering module implements,
// so new modules slot into a track, bus or the master without changing the
// engine (the shape of chowdsp's processors).
//
// prepare() runs on the message thread and may allocate. process() runs on
// the audio thread: noexcept, no allocation, no locks, no I/O, and it must
// give the same output whatever the block size. Parameters are set through
// setParameter() from any thread; implementations store them in atomics and
// smooth them per sample.
#pragma once

#include "AudioView.h"
#include "Core/ParameterSpec.h"

#include <span>
#include <string_view>

namespace crest
{
struct ProcessSpec
{
    double sampleRate = 48000.0;
    int maxBlockFrames = 4096;
    int numChannels = 2;
};

class Processor
{
public:
    virtual ~Processor() = default;

    virtual std::string_view name() const noexcept = 0;
    virtual void prepare (const ProcessSpec& spec) = 0;
    virtual void reset() noexcept = 0;
    virtual void process (AudioView io) noexcept = 0;

    // Delay the processor adds, in samples at the prepared rate. The engine
    // compensates it across the graph.
    virtual int latencySamples() const noexcept { return 0; }

    virtual std::span<const ParameterSpec> parameterSpecs() const noexcept { return {}; }
    virtual void setParameter (size_t /*index*/, double /*value*/) noexcept {}
};
} // namespace crest
