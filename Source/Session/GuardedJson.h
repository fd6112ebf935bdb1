// JSON text read as hostile input, for the session reader and the chain
// presets: capped in size and nesting, invalid UTF-8 refused, and every
// failure a CrestError naming the file, the line and the column.
// JUCE-free.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace crest
{
inline constexpr size_t maxSessionFileBytes = 16 * 1024 * 1024;
inline constexpr int maxSessionNesting = 32;

// `what` says what the file should have been, for messages ("a session").
nlohmann::ordered_json parseGuardedJson (std::string_view text, const std::string& sourceName, const std::string& what);
} // namespace crest
