// Mastering's cost: the true-peak limiter per stereo frame; `crest analyze`
// against ffmpeg's ebur128 (true peak on) on a 3-minute stereo file, with
// both readings; `crest master` to a target against ffmpeg chains, timed
// in the same run. Returns a Markdown section.
#pragma once

#include <filesystem>
#include <string>

std::string benchmarkMastering (const std::filesystem::path& work, const std::string& cli, const std::filesystem::path& demoMix);
