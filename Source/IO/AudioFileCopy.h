// One audio file written again in another format: a float master or
// render into the format a user asked for (dithered once where the word
// length shrinks, see AudioFileWriter), optionally with a WAV's bext
// loudness, in blocks so memory stays flat. Off the audio thread. JUCE-free.
#pragma once

#include "AudioFileWriter.h"
#include "OutputTarget.h"

#include <filesystem>
#include <optional>

namespace crest
{
void copyAudioFile (const std::filesystem::path& from, const OutputTarget& to, const OutputFormat& format,
                    const std::optional<BroadcastLoudness>& loudness = std::nullopt);
} // namespace crest
