#include "MasterModuleFactory.h"

#include "Core/CrestError.h"
#include "Core/MasterModules.h"
#include "Dsp/LinearPhaseEq.h"
#include "Dsp/MasterEq.h"
#include "Dsp/MultibandCompressor.h"
#include "Dsp/Saturation.h"
#include "Dsp/StereoWidth.h"
#include "Dsp/TruePeakLimiter.h"

namespace crest
{
std::unique_ptr<Processor> makeMasterModule (std::string_view kind)
{
    if (kind == "eq") return std::make_unique<MasterEq>();
    if (kind == "lpeq") return std::make_unique<LinearPhaseEq>();
    if (kind == "multiband") return std::make_unique<MultibandCompressor>();
    if (kind == "saturation") return std::make_unique<Saturation>();
    if (kind == "width") return std::make_unique<StereoWidth>();
    if (kind == "limiter") return std::make_unique<TruePeakLimiter>();
    return nullptr;
}

namespace
{
    bool setValue (Processor& processor, std::string_view kindKey, std::string_view parameterId, double value)
    {
        const auto* kind = findMasterModuleKind (kindKey);
        if (kind == nullptr)
            return false;
        const auto index = masterParameterIndex (*kind, parameterId);
        if (! index || processor.parameterSpecs().size() != kind->parameters.size())
            return false;
        processor.setParameter (*index, value);
        return true;
    }

    void setValues (Processor& processor, const MasterModuleDocument& module)
    {
        if (const auto* kind = findMasterModuleKind (module.kind))
            for (const auto& spec : kind->parameters)
                setValue (processor, module.kind, spec.id, module.value (spec.id));
    }
} // namespace

bool applyMasterValue (MasterModuleSlot& slot, std::string_view parameterId, double value)
{
    return setValue (slot.processor(), slot.kind(), parameterId, value);
}

void applyMasterValues (MasterModuleSlot& slot, const MasterModuleDocument& module)
{
    slot.enabled = module.enabled;
    setValues (slot.processor(), module);
}

std::shared_ptr<MasterModuleSlot> makeMasterSlot (const MasterModuleDocument& module, double sampleRate, int maxBlockFrames,
                                                  std::unique_ptr<Processor> processor)
{
    if (processor == nullptr)
        processor = makeMasterModule (module.kind);
    if (processor == nullptr)
        throw CrestError ("the master chain names a module kind Crest does not know: \"" + module.kind + "\"");
    // Values first: a module takes them as it prepares, so it starts where
    // it is set instead of gliding there from its defaults.
    setValues (*processor, module);
    auto slot = std::make_shared<MasterModuleSlot> (module.kind, std::move (processor), sampleRate, maxBlockFrames);
    slot->enabled = module.enabled;
    return slot;
}

std::shared_ptr<MasterRuntime> makeMasterRuntime (const MasterChainDocument& chain, double sampleRate, int maxBlockFrames)
{
    std::vector<MasterSlotRef> slots;
    for (const auto& module : chain.modules)
        slots.push_back ({ module.id, makeMasterSlot (module, sampleRate, maxBlockFrames) });
    return std::make_shared<MasterRuntime> (std::move (slots), maxBlockFrames);
}
} // namespace crest
