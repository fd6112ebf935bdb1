// Builds small sessions for tests: one track per file, unity, centre.
#pragma once

#include "Session/SessionDocument.h"

#include <filesystem>
#include <vector>

namespace crest::test
{
SessionDocument sessionOf (const std::vector<std::filesystem::path>& files, double sampleRate = 48000.0);
} // namespace crest::test
