// What a new session starts with, wherever it is made (the app's New,
// `crest new` from stems): a Reverb and a Delay return, each an aux bus
// running its effect fully wet, and a send at -inf to each from every
// track, so space is one knob away on every channel.
#pragma once

#include "SessionDocument.h"

namespace crest
{
void addDefaultReturns (SessionDocument& session);
} // namespace crest
