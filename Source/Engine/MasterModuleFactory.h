// Makes the processors of the master chain: one for a module kind
// (MasterModules: EQ, multiband, saturation, width, limiter), a running
// slot for a module of a chain document with its values applied, and a
// whole MasterRuntime for a chain, which is how `crest master` runs the
// same modules the session's master runs. Message thread.
#pragma once

#include "Dsp/Processor.h"
#include "MasterRuntime.h"
#include "Session/MasterChainDocument.h"

#include <memory>
#include <string_view>

namespace crest
{
// Null for a kind Crest does not know.
std::unique_ptr<Processor> makeMasterModule (std::string_view kind);

// A slot running `processor` (or, when null, the kind's own), prepared,
// enabled as the document says and set to its values. Throws CrestError
// for a kind Crest does not know.
std::shared_ptr<MasterModuleSlot> makeMasterSlot (const MasterModuleDocument& module, double sampleRate, int maxBlockFrames,
                                                  std::unique_ptr<Processor> processor = nullptr);
// Sets every parameter of the slot's module from the document.
void applyMasterValues (MasterModuleSlot& slot, const MasterModuleDocument& module);
// One parameter by its id; false if the slot's processor has no such
// parameter (a test's stand-in has none).
bool applyMasterValue (MasterModuleSlot& slot, std::string_view parameterId, double value);

std::shared_ptr<MasterRuntime> makeMasterRuntime (const MasterChainDocument& chain, double sampleRate, int maxBlockFrames);
} // namespace crest
