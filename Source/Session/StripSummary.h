// A channel strip in words, one line per module that is on, naming what
// differs from the defaults with its unit: what `crest info` prints and
// the mixer shows as a strip's tooltip. JUCE-free.
#pragma once

#include "SessionDocument.h"

#include <string>
#include <vector>

namespace crest
{
std::vector<std::string> summarizeStrip (const StripDocument& strip);
} // namespace crest
