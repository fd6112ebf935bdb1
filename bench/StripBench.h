// The channel strip's cost: ns per stereo frame for a full strip, for one
// with every module off, and the same processing by ffmpeg's filters on
// the same audio in the same run; and how many full strips one core keeps
// up with in a 64-frame callback. Returns a Markdown section.
#pragma once

#include <filesystem>
#include <string>

std::string benchmarkChannelStrip (const std::filesystem::path& work);
