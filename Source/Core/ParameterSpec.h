// Every user-facing parameter's range, default and unit, declared once.
// The model clamps to these, the GUI builds its sliders from them and the
// CLI and session docs print them, so all agree.
#pragma once

#include <algorithm>
#include <string_view>

namespace crest
{
struct ParameterSpec
{
    std::string_view id;
    std::string_view name;
    std::string_view unit;
    double minimum;
    double maximum;
    double defaultValue;
    bool whole = false;   // a count or an index (voices, bands, a note value): edited in steps of one

    double clamp (double v) const noexcept { return std::clamp (v, minimum, maximum); }
};

namespace params
{
    inline constexpr ParameterSpec trimDb { "trimDb", "Trim", "dB", -24.0, 24.0, 0.0 };
    // The fader's bottom is treated as -inf (silence), like a console.
    inline constexpr ParameterSpec faderDb { "faderDb", "Fader", "dB", -96.0, 12.0, 0.0 };
    // -100 is hard left, 0 centre, +100 hard right.
    inline constexpr ParameterSpec pan { "pan", "Pan", "%", -100.0, 100.0, 0.0 };
    inline constexpr ParameterSpec clipGainDb { "gainDb", "Clip gain", "dB", -48.0, 24.0, 0.0 };
    // A send's level; its bottom is -inf, like a fader's.
    inline constexpr ParameterSpec sendLevelDb { "levelDb", "Send level", "dB", -96.0, 12.0, -96.0 };
    inline constexpr ParameterSpec tempoBpm { "tempoBpm", "Tempo", "BPM", 20.0, 300.0, 120.0 };
    inline constexpr ParameterSpec sampleRate { "sampleRate", "Sample rate", "Hz", 44100.0, 192000.0, 48000.0 };

    // Faders snap to silence at their bottom so -96 dB means "off".
    inline double faderGain (double faderDb) noexcept;
} // namespace params
} // namespace crest

#include "Units.h"

inline double crest::params::faderGain (double db) noexcept
{
    return db <= faderDb.minimum ? 0.0 : dbToGain (db);
}
