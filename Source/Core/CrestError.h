// The one exception type Crest throws off the audio thread. Its message is
// written for the user: it names the file (when there is one) and the
// problem, e.g. "kick.wav: file is empty (0 bytes)".
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace crest
{
class CrestError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;

    CrestError (const std::filesystem::path& file, const std::string& problem)
        : std::runtime_error (file.string() + ": " + problem)
    {
    }
};
} // namespace crest
