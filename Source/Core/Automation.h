// Automation lanes as the engine and the model read them: which values a
// lane may drive, how values between two points are found, and a cursor
// that evaluates a lane sample by sample without searching. JUCE-free,
// allocation-free once built, so the audio thread can use it.
//
// Between points a lane moves in the domain that sounds even: levels
// (fader, trim, send) in amplitude, so a fade from -inf is a straight
// gain ramp; frequencies geometrically (an octave takes as long at 100 Hz
// as at 5 kHz); everything else linearly. A point's curve bends the
// segment after it: 0 is straight, positive starts slow and ends fast,
// negative the reverse.
#pragma once

#include "ParameterSpec.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crest
{
enum class AutomationDomain
{
    linear,
    amplitude,     // values in dB, interpolated as gain; the spec's minimum is silence
    logarithmic    // values in Hz
};

// What a lane's parameter name refers to on a channel.
struct AutomationTarget
{
    enum class Kind
    {
        trim,
        fader,
        pan,
        sendLevel,
        sendPan,
        strip
    };
    Kind kind = Kind::fader;
    std::string send;             // the bus, for send targets
    std::string stripKey;         // for strip targets
    ParameterSpec spec {};
    AutomationDomain domain = AutomationDomain::linear;
    bool stepped = false;         // switches and shapes jump at the next point
};

// nullopt for a name no channel has ("faderDb", "send.<bus>.pan" and
// "strip.<key>" are names it has).
std::optional<AutomationTarget> automationTarget (std::string_view parameter);

struct AutomationPointValue
{
    int64_t time;
    double value;
    double curve;
};

// A lane's points turned into the values the engine uses (gains, not dB,
// for levels). Built on the message thread; read on the audio thread.
class AutomationCurve
{
public:
    AutomationCurve (const std::vector<AutomationPointValue>& points, const AutomationTarget& target);

    bool empty() const noexcept { return times.empty(); }
    // The value at one time, in the engine's domain (gain for levels).
    double valueAt (int64_t time) const noexcept;
    // Values for `count` samples from `start` into `out`.
    void render (int64_t start, int count, float* out) const noexcept;
    // The value in the parameter's unit (dB for levels), for the model.
    double unitValueAt (int64_t time) const noexcept;

private:
    size_t segmentAt (int64_t time) const noexcept;   // index of the point at or before time
    double between (size_t i, int64_t time) const noexcept;

    std::vector<int64_t> times;
    std::vector<double> values, curves;   // values in the interpolation domain
    std::vector<double> unitValues;       // as given, so a held value reads back exactly
    AutomationDomain domain;
    bool stepped;
    double silenceBelow;                  // for amplitude: the spec's minimum in dB
};
} // namespace crest
