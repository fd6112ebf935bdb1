// Pan laws: how a mono source is split between left and right, and how a
// stereo source is balanced. Pure functions, safe on the audio thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace crest
{
enum class PanLaw
{
    zeroDb,           // balance: the far side attenuates, centre unity
    minus3Db,         // constant power: cos/sin, centre -3.01 dB
    minus4_5Db,       // geometric mean of -3 and -6, centre -4.52 dB
    minus6Db          // linear: centre -6.02 dB
};

inline constexpr PanLaw defaultPanLaw = PanLaw::minus3Db;

struct StereoGains
{
    float left = 1.0f;
    float right = 1.0f;
};

// pan: -100 (hard left) .. +100 (hard right).
StereoGains panGainsForMono (PanLaw law, double pan) noexcept;

// For stereo sources the pan control is a balance: centre leaves both
// channels at unity, moving right attenuates only the left channel, and the
// attenuation follows the law's own curve, normalised to unity at centre.
StereoGains balanceGainsForStereo (PanLaw law, double pan) noexcept;

std::string_view panLawName (PanLaw law) noexcept;   // "-3dB" etc., as saved in sessions
std::optional<PanLaw> panLawFromName (std::string_view name) noexcept;
} // namespace crest
