#include "StripProcessors.h"

#include "Core/ModuleSpecs.h"
#include "Dsp/Chorus.h"
#include "Dsp/Delay.h"
#include "Dsp/Reverb.h"

namespace crest
{
namespace
{
    std::vector<double> defaultsOf (std::span<const ParameterSpec> specs)
    {
        std::vector<double> values;
        for (const auto& s : specs)
            values.push_back (s.defaultValue);
        return values;
    }
} // namespace

StripProcessors::StripProcessors (int channels, double sampleRate, int maxBlockFrames) : spec { sampleRate, maxBlockFrames, channels }
{
    for (Processor* p : modules())
        p->prepare (spec);
    chorusSlot.values = defaultsOf (moduleSpecs::chorus);
    delaySlot.values = defaultsOf (moduleSpecs::delay);
    reverbSlot.values = defaultsOf (moduleSpecs::reverb);
}

StripProcessors::SpaceSlot& StripProcessors::space (StripModule which) noexcept
{
    return which == StripModule::chorus ? chorusSlot : which == StripModule::delay ? delaySlot : reverbSlot;
}

bool StripProcessors::hasSpaceModule (StripModule which) const noexcept
{
    const auto& slot = which == StripModule::chorus ? chorusSlot : which == StripModule::delay ? delaySlot : reverbSlot;
    return slot.live.load (std::memory_order_acquire) != nullptr;
}

void StripProcessors::createSpaceModule (StripModule which)
{
    auto& slot = space (which);
    if (slot.owned != nullptr)
        return;
    std::unique_ptr<ParameterizedProcessor> module;
    if (which == StripModule::chorus)
        module = std::make_unique<Chorus>();
    else if (which == StripModule::delay)
        module = std::make_unique<Delay>();
    else
        module = std::make_unique<Reverb>();
    module->prepare (spec);
    for (size_t i = 0; i < slot.values.size(); ++i)
        module->setParameter (i, slot.values[i]);
    slot.owned = std::move (module);
    slot.live.store (slot.owned.get(), std::memory_order_release);
}

void StripProcessors::setTempo (double bpm) noexcept
{
    delaySlot.values[Delay::tempoBpm] = bpm;
    if (auto* delay = delaySlot.live.load (std::memory_order_acquire))
        delay->setParameter (Delay::tempoBpm, bpm);
}

Processor& StripProcessors::module (StripModule which) noexcept
{
    switch (which)
    {
        case StripModule::filters: return filters;
        case StripModule::gate: return gateModule;
        case StripModule::eq: return eq;
        default: break;
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
    const bool isSpace = parameter.module == StripModule::chorus || parameter.module == StripModule::delay
                         || parameter.module == StripModule::reverb;
    if (parameter.isModuleSwitch())
    {
        if (isSpace && value >= 0.5)
            createSpaceModule (parameter.module);   // before the audio thread sees the switch
        switches[(size_t) parameter.module].on = value >= 0.5;
    }
    else if (isSpace)
    {
        auto& slot = space (parameter.module);
        slot.values[(size_t) parameter.index] = value;
        if (auto* live = slot.live.load (std::memory_order_acquire))
            live->setParameter ((size_t) parameter.index, value);
    }
    else
        module (parameter.module).setParameter ((size_t) parameter.index, value);
}

void StripProcessors::automate (const StripParameter& parameter, double value) noexcept
{
    if (parameter.module == StripModule::none)
    {
        apply (parameter, value);   // atomics only
        return;
    }
    if (parameter.isModuleSwitch())
    {
        const bool isSpace = parameter.module == StripModule::chorus || parameter.module == StripModule::delay
                             || parameter.module == StripModule::reverb;
        if (! isSpace || space (parameter.module).live.load (std::memory_order_acquire) != nullptr)
            switches[(size_t) parameter.module].on.store (value >= 0.5, std::memory_order_relaxed);
        return;
    }
    if (parameter.module == StripModule::chorus || parameter.module == StripModule::delay || parameter.module == StripModule::reverb)
    {
        if (auto* live = space (parameter.module).live.load (std::memory_order_acquire))
            live->setParameter ((size_t) parameter.index, value);
        return;
    }
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
    for (auto* slot : { &chorusSlot, &delaySlot, &reverbSlot })
        if (auto* live = slot->live.load (std::memory_order_acquire))
            live->reset();
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
    for (const auto which : { StripModule::chorus, StripModule::delay, StripModule::reverb })
        if (auto* live = space (which).live.load (std::memory_order_acquire))
            runIfOn (switches[(size_t) which], *live, io);
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
