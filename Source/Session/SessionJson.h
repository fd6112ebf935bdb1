// Reads and writes the session file format (JSON, documented in
// docs/session-format.md). The reader is built for hostile input: it caps
// size and nesting, rejects invalid UTF-8, checks every field's type and
// range, and throws CrestError naming the file and the problem. It never
// touches the disk; SessionFile does. JUCE-free.
#pragma once

#include "GuardedJson.h"
#include "SessionDocument.h"

#include <string>
#include <string_view>

namespace crest
{
// `sourceName` is used in error messages (usually the file's path).
SessionDocument parseSessionJson (std::string_view text, const std::string& sourceName);
std::string writeSessionJson (const SessionDocument& session);
} // namespace crest
