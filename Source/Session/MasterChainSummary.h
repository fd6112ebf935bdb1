// A master chain in words, one line per module in order: its name, "off"
// when bypassed, and each value that differs from its default with its
// unit, as `crest info` prints it. JUCE-free.
#pragma once

#include "MasterChainDocument.h"

#include <string>
#include <vector>

namespace crest
{
std::vector<std::string> summarizeMasterChain (const MasterChainDocument& chain);
} // namespace crest
