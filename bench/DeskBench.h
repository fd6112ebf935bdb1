// The mixing desk's cost: the space modules per stereo frame; a full
// channel through the engine (strip, fader automation, two sends into aux
// buses) per track and frame; and how many such channels one and two
// graph threads sustain in a simulated 64-frame callback at 48 kHz.
// Returns a Markdown section.
#pragma once

#include <filesystem>
#include <string>

std::string benchmarkDesk (const std::filesystem::path& work, bool quick);
