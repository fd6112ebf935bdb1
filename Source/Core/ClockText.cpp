#include "ClockText.h"

#include <cmath>
#include <cstdio>

namespace crest
{
std::string clockText (double seconds, int decimals)
{
    const bool negative = seconds < 0;
    // Rounded once, so 59.996 s reads 1:00.00 and not 0:60.00.
    const double scale = std::pow (10.0, decimals);
    const double rounded = std::round (std::abs (seconds) * scale) / scale;
    const int minutes = (int) (rounded / 60);
    char text[48];
    std::snprintf (text, sizeof (text), "%s%d:%0*.*f", negative ? "-" : "", minutes, decimals > 0 ? decimals + 3 : 2, decimals,
                   rounded - 60.0 * minutes);
    return text;
}
} // namespace crest
