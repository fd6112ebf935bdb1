// A mastering session: the source is one or more bounced stereo (or mono)
// files, one track each, played one after another with two seconds
// between them, at unity through a 0 dB pan law (the file as it is, with
// no returns to send to), and the default mastering chain on the master.
// The same engine plays, renders and compares it as any session (crest
// render, crest ab, the app's Master strip). Off the audio thread.
#pragma once

#include "Session/StemImport.h"

namespace crest
{
inline constexpr double masteringGapSeconds = 2.0;

// sessionRate 0: the first file's. Throws CrestError naming a file that
// cannot be read.
StemImport masteringSessionFrom (const std::vector<std::filesystem::path>& files, double sessionRate = 0.0);
} // namespace crest
