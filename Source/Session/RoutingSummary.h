// A channel's routing in words, for `crest info`: where its output goes
// (when not the mix bus), its sends, what keys its compressor, and its
// automation lanes.
#pragma once

#include "SessionDocument.h"

#include <string>
#include <vector>

namespace crest
{
// "out: bus 'Drums'", "sends: Reverb -12.0 dB post, Delay -inf pre",
// "compressor keyed by track 'Kick'", "automation: faderDb (read, 2
// points)"; nothing for a plain channel.
std::vector<std::string> summarizeRouting (const SessionDocument& session, const ChannelDocument& channel);
} // namespace crest
