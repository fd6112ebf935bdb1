// Comparison's cost: measuring a reference (every figure and the long-term
// spectrum) and fitting a match to it, as a multiple of real time, on a
// 3-minute file; and `crest report` for a 3-minute mix and its master, in
// seconds, beside ffmpeg's loudness pass over both files. Returns a
// Markdown section.
#pragma once

#include <filesystem>
#include <string>

std::string benchmarkComparison (const std::filesystem::path& work, const std::string& cli, const std::filesystem::path& demoMix);
