// The ABX source "two settings of one module": the session's mix rendered
// once, then mastered through its own chain twice, one parameter of one
// module at each of two values (the module on in both), so a student
// hears what that one control does and nothing else. The two masters go
// to ListeningPair, which aligns them and matches their loudness: what is
// left to hear is the setting, not the level it brings. Off the audio
// thread and the message thread (it renders).
#pragma once

#include "Core/ParameterSpec.h"
#include "Session/SessionDocument.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <string>

namespace crest
{
struct ModuleSetting
{
    std::string moduleId;      // in the session's master chain
    std::string parameterId;   // of that module's kind (MasterModules)
    double valueA = 0, valueB = 0;
};

// A value as the parameter can hold it: within its range, and whole for a
// count or a choice (a band count, a filter shape, stereo / mid / side).
double heldSettingValue (const ParameterSpec& spec, double value);
// Whether the parameter takes whole steps only.
bool isStepped (const ParameterSpec& spec);

struct ModuleSettingRenders
{
    std::filesystem::path a, b;   // the masters, in the folder given
    std::string labelA, labelB;   // "Ratio 2 :1", "Ratio 4 :1"
    std::string description;      // "Multiband (multiband): Ratio, 2 :1 against 4 :1"
};

// The setting's words, without rendering: throws CrestError for a module
// the chain does not hold, a parameter its kind does not have, or two
// values that are the same once held (heldSettingValue). A parameter of
// an EQ band that is switched off is compared with the band on, in both.
ModuleSettingRenders describeModuleSetting (const SessionDocument& session, const ModuleSetting& setting);

// Renders into `folder` (which must exist; the caller removes it). Throws
// CrestError as describeModuleSetting does, or naming what cannot be
// rendered; a cancel stops the render.
ModuleSettingRenders renderModuleSetting (const SessionDocument& session, const ModuleSetting& setting, const std::filesystem::path& folder,
                                          const std::function<void (double)>& progress = {}, const std::atomic<bool>* cancel = nullptr);
} // namespace crest
