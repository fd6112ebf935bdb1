// Linux file names are bytes, not text: any byte but '/' and NUL. JSON and
// juce::String hold UTF-8 text. These helpers carry a name that is not
// valid UTF-8 through text losslessly: %XX for every byte that is not
// printable ASCII, and for '%' itself. JUCE-free.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace crest
{
bool isValidUtf8 (std::string_view bytes) noexcept;

// "caf\xE9.wav" -> "caf%E9.wav"; "100%.wav" -> "100%25.wav".
std::string percentEscapeBytes (std::string_view bytes);
// The inverse; nullopt if `text` is not a well-formed escape.
std::optional<std::string> percentUnescapeBytes (std::string_view text);
} // namespace crest
