#include "Headroom.h"

#include <cstdio>

namespace crest
{
std::string headroomVerdict (double truePeakDbtp)
{
    char text[160];
    if (truePeakDbtp > 0.0)
        std::snprintf (text, sizeof (text), "clips: peaks at %+.1f dBTP; pull the mix bus down %.1f dB or more for mastering",
                       truePeakDbtp, truePeakDbtp + 3.0);
    else if (truePeakDbtp > -3.0)
        std::snprintf (text, sizeof (text), "little headroom: peaks at %.1f dBTP, above the usual -6 to -3 target", truePeakDbtp);
    else if (truePeakDbtp >= -6.05)
        std::snprintf (text, sizeof (text), "leaves mastering headroom: peaks at %.1f dBTP, within the usual -6 to -3 target", truePeakDbtp);
    else
        std::snprintf (text, sizeof (text), "plenty of headroom: peaks at %.1f dBTP, %.1f dB below the usual -6 to -3 target",
                       truePeakDbtp, -6.0 - truePeakDbtp);
    return text;
}
} // namespace crest
