// The report Crest writes beside a master it made (`<master>.report.json`,
// from crest master; crest deliver writes the same "mastering" object into
// its delivery reports): the chain's gain and what each module did. A
// "what mastering changed" report reads it back to say what the chain did
// when Crest made the master. JUCE-free; off the audio thread.
#pragma once

#include "FileMastering.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>

namespace crest
{
nlohmann::ordered_json masteringJson (const MasterReport& report);
nlohmann::ordered_json moduleActivityJson (const std::vector<ModuleActivity>& modules);

std::filesystem::path masterReportFileFor (const std::filesystem::path& master);   // "<master>.report.json"
// Writes the report atomically; throws CrestError naming the file.
void writeMasterReport (const std::filesystem::path& file, const MasterRequest& request, const MasterReport& report);

// What the chain did, from the report beside `master`, if Crest made it
// and the report is readable (a damaged or foreign one counts as none).
std::optional<std::vector<ModuleActivity>> readModuleActivity (const std::filesystem::path& master);
} // namespace crest
