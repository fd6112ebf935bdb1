// What a mix's peaks say about the headroom it leaves for mastering. The
// common hand-over target is peaks between -6 and -3 dBFS (true peak):
// enough room for the mastering chain, not so little level that noise and
// dither matter. Pure function; any thread.
#pragma once

#include <string>

namespace crest
{
// One sentence for a mix whose true peak is `truePeakDbtp`.
std::string headroomVerdict (double truePeakDbtp);
} // namespace crest
