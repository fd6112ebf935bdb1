#include "StripProcessors.h"

namespace crest
{
StripProcessors::StripProcessors (int channels, double sampleRate, int maxBlockFrames)
{
    const ProcessSpec spec { sampleRate, maxBlockFrames, channels };
    for (Processor* p : modules())
        p->prepare (spec);
}

Processor& StripProcessors::module (StripModule which) noexcept
{
    switch (which)
    {
        case StripModule::filters: return filters;
        case StripModule::gate: return gateModule;
        case StripModule::eq: return eq;
        case StripModule::compressor:
        case StripModule::none: break;
    }
    return compressorModule;
}

void StripProcessors::apply (const StripParameter& parameter, double value) noexcept
{
    if (parameter.module == StripModule::none)
    {
        if (parameter.key == stripKeys::invertPolarity)
            invert = value >= 0.5;
        else if (parameter.key == stripKeys::compressorFirst)
            compressorFirst = value >= 0.5;
        else if (parameter.key == stripKeys::widthPercent)
            width = (float) parameter.spec.clamp (value);
        return;
    }
    if (parameter.isModuleSwitch())
        switches[(size_t) parameter.module].on = value >= 0.5;
    else
        module (parameter.module).setParameter ((size_t) parameter.index, value);
}

void StripProcessors::applyAll (const StripDocument& strip) noexcept
{
    for (const auto& parameter : stripParameters())
        apply (parameter, strip.value (parameter.key));
}

void StripProcessors::reset() noexcept
{
    for (Processor* p : modules())
        p->reset();
}

bool StripProcessors::runIfOn (Switch& s, Processor& p, AudioView io) noexcept
{
    const bool on = s.on.load (std::memory_order_relaxed);
    if (on && ! s.wasOn)
        p.reset();   // switched on: no state left from the last time
    s.wasOn = on;
    if (on)
        p.process (io);
    return on;
}

void StripProcessors::runCompressor (AudioView io, const AudioView* key) noexcept
{
    auto& s = switches[(size_t) StripModule::compressor];
    if (key == nullptr)
    {
        runIfOn (s, compressorModule, io);
        return;
    }
    const bool on = s.on.load (std::memory_order_relaxed);
    if (on && ! s.wasOn)
        compressorModule.reset();
    s.wasOn = on;
    if (on)
        compressorModule.processWithKey (io, *key);
}

void StripProcessors::process (AudioView io, const AudioView* key) noexcept
{
    if (invert.load (std::memory_order_relaxed))
        for (int ch = 0; ch < io.numChannels; ++ch)
            for (int i = 0; i < io.numFrames; ++i)
                io.channels[ch][i] = -io.channels[ch][i];
    runIfOn (switches[(size_t) StripModule::filters], filters, io);
    runIfOn (switches[(size_t) StripModule::gate], gateModule, io);
    if (compressorFirst.load (std::memory_order_relaxed))
    {
        runCompressor (io, key);
        runIfOn (switches[(size_t) StripModule::eq], eq, io);
    }
    else
    {
        runIfOn (switches[(size_t) StripModule::eq], eq, io);
        runCompressor (io, key);
    }
    // Width on mid/side: 0 % folds to mono, 200 % doubles the side.
    const float w = width.load (std::memory_order_relaxed) / 100.0f;
    if (io.numChannels == 2 && w != 1.0f)
        for (int i = 0; i < io.numFrames; ++i)
        {
            const float mid = 0.5f * (io.channels[0][i] + io.channels[1][i]);
            const float side = 0.5f * (io.channels[0][i] - io.channels[1][i]) * w;
            io.channels[0][i] = mid + side;
            io.channels[1][i] = mid - side;
        }
}
} // namespace crest
