// What several benchmark sections share: a 3-minute stereo file of real
// music (the demo's mix bus, repeated) and the wall time of a command.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace crest::bench
{
inline constexpr double rate = 48000, threeMinutes = 180;

// Writes three minutes of the demo's mix to `out` (32-bit float) and returns them, interleaved.
std::vector<float> threeMinutesOf (const std::filesystem::path& demoMix, const std::filesystem::path& out);
// Wall time of a shell command, best of three; a huge number if it fails.
double bestWallTime (const std::string& command);
std::string quoted (const std::filesystem::path& p);
} // namespace crest::bench
