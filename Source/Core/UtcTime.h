// The time now, as ISO 8601 in UTC ("2026-12-02T10:15:00Z"), for what
// Crest stamps into the files it writes for people (reports, listening
// test results). Any thread.
#pragma once

#include <string>

namespace crest
{
std::string utcNow();
} // namespace crest
