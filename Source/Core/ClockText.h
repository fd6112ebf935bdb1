// A time as people read it on a transport or in a report: minutes, then
// seconds to `decimals` places ("1:02.35", "0:07.3", "3:05"), a minus
// sign before a time before zero. JUCE-free; any thread.
#pragma once

#include <string>

namespace crest
{
std::string clockText (double seconds, int decimals);
} // namespace crest
