#include "MonitorPath.h"

#include "Core/Units.h"

#include <algorithm>
#include <cmath>

namespace crest
{
MonitorPath::MonitorPath (double sampleRate)
{
    setSampleRate (sampleRate);
    masterGain.snapTo (1.0f);
    mixGain.snapTo (0.0f);
    monoAmount.snapTo (0.0f);
}

void MonitorPath::setSampleRate (double sampleRate) noexcept
{
    const int ramp = std::max (1, (int) std::lround (sampleRate * 0.02));
    for (auto* s : { &masterGain, &mixGain, &monoAmount })
        s->setRampLength (ramp);
}

bool MonitorPath::isTransparent() const noexcept
{
    return ! masterGain.isSmoothing() && ! mixGain.isSmoothing() && ! monoAmount.isSmoothing() && masterGain.currentValue() == 1.0f
           && mixGain.currentValue() == 0.0f && monoAmount.currentValue() == 0.0f
           && source() == MonitorSource::master && ! dimmed() && ! monoed() && (! isMatching() || matchGainDb() == 0.0f);
}

void MonitorPath::process (const float* const* master, const float* const* mix, float* const* heard, int numFrames) noexcept
{
    const auto which = source();
    const float level = dimmed() ? (float) dbToGain (dimDb) : 1.0f;
    const float match = isMatching() ? (float) dbToGain (matchGainDb()) : 1.0f;
    masterGain.setTarget (which == MonitorSource::mix ? 0.0f : match * level);
    mixGain.setTarget (which == MonitorSource::master ? 0.0f : which == MonitorSource::mix ? level : -level);
    monoAmount.setTarget (monoed() ? 1.0f : 0.0f);
    for (int i = 0; i < numFrames; ++i)
    {
        const float a = masterGain.next(), b = mixGain.next(), m = monoAmount.next();
        const float left = a * master[0][i] + b * mix[0][i];
        const float right = a * master[1][i] + b * mix[1][i];
        const float mid = 0.5f * (left + right);
        heard[0][i] = left + m * (mid - left);
        heard[1][i] = right + m * (mid - right);
    }
}
} // namespace crest
