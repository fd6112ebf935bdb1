// The 1/3-octave bands of IEC 61260-1 (base 10), 20 Hz to 20 kHz: the
// exact centres 10^(n/10) Hz, their edges a twentieth of a decade either
// side, and the nominal names printed on every analyser ("31.5", "1k").
// The long-term spectrum overlay, the match's test and the report all use
// these, so a band means the same thing everywhere. JUCE-free.
#pragma once

#include <array>
#include <cmath>
#include <string>

namespace crest::thirdOctave
{
inline constexpr int count = 31;   // 20 Hz (n = 13) to 20 kHz (n = 43)
inline constexpr int firstIndex = 13;

inline double centreHz (int band) noexcept { return std::pow (10.0, (firstIndex + band) / 10.0); }
inline double lowerEdgeHz (int band) noexcept { return centreHz (band) * std::pow (10.0, -0.05); }
inline double upperEdgeHz (int band) noexcept { return centreHz (band) * std::pow (10.0, 0.05); }

inline const std::array<const char*, count>& nominalNames()
{
    static const std::array<const char*, count> names { "20",  "25",  "31.5", "40",  "50",  "63",  "80",  "100", "125", "160", "200",
                                                        "250", "315", "400",  "500", "630", "800", "1k",  "1.25k", "1.6k", "2k", "2.5k",
                                                        "3.15k", "4k", "5k",  "6.3k", "8k",  "10k", "12.5k", "16k", "20k" };
    return names;
}
} // namespace crest::thirdOctave
