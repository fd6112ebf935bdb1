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
    for (auto& g : referenceGain)
        g.snapTo (0.0f);
}

void MonitorPath::setReferenceMatchDb (int index, float db) noexcept
{
    if (index >= 0 && index < maxReferences)
        referenceDb[(size_t) index].store (db, std::memory_order_relaxed);
}

float MonitorPath::referenceMatchDb (int index) const noexcept
{
    return index >= 0 && index < maxReferences ? referenceDb[(size_t) index].load (std::memory_order_relaxed) : 0.0f;
}

bool MonitorPath::referenceNeeded (int index) const noexcept
{
    const auto& g = referenceGain[(size_t) index];
    return g.isSmoothing() || g.currentValue() != 0.0f || (source() == MonitorSource::reference && reference() == index);
}

void MonitorPath::setSampleRate (double sampleRate) noexcept
{
    const int ramp = std::max (1, (int) std::lround (sampleRate * 0.02));
    for (auto* s : { &masterGain, &mixGain, &monoAmount })
        s->setRampLength (ramp);
    for (auto& g : referenceGain)
        g.setRampLength (ramp);
}

bool MonitorPath::isTransparent() const noexcept
{
    for (const auto& g : referenceGain)
        if (g.isSmoothing() || g.currentValue() != 0.0f)
            return false;
    return ! masterGain.isSmoothing() && ! mixGain.isSmoothing() && ! monoAmount.isSmoothing() && masterGain.currentValue() == 1.0f
           && mixGain.currentValue() == 0.0f && monoAmount.currentValue() == 0.0f
           && source() == MonitorSource::master && ! dimmed() && ! monoed() && (! isMatching() || matchGainDb() == 0.0f);
}

void MonitorPath::process (const float* const* master, const float* const* mix, const float* const* const* references, float* const* heard,
                           int numFrames) noexcept
{
    const auto which = source();
    const float level = dimmed() ? (float) dbToGain (dimDb) : 1.0f;
    const float match = isMatching() ? (float) dbToGain (matchGainDb()) : 1.0f;
    const bool masterHeard = which == MonitorSource::master || which == MonitorSource::difference;
    masterGain.setTarget (masterHeard ? match * level : 0.0f);
    mixGain.setTarget (which == MonitorSource::mix ? level : which == MonitorSource::difference ? -level : 0.0f);
    monoAmount.setTarget (monoed() ? 1.0f : 0.0f);
    const int chosen = reference();
    int heardReferences[maxReferences];
    int count = 0;
    for (int r = 0; r < maxReferences; ++r)
    {
        auto& g = referenceGain[(size_t) r];
        if (references[r] == nullptr)
        {
            g.snapTo (0.0f);   // not read: silent, and so is its gain
            continue;
        }
        const float matched = isMatching() ? (float) dbToGain (referenceMatchDb (r)) : 1.0f;
        g.setTarget (which == MonitorSource::reference && r == chosen ? matched * level : 0.0f);
        heardReferences[count++] = r;
    }
    for (int i = 0; i < numFrames; ++i)
    {
        const float a = masterGain.next(), b = mixGain.next(), m = monoAmount.next();
        float left = a * master[0][i] + b * mix[0][i];
        float right = a * master[1][i] + b * mix[1][i];
        for (int k = 0; k < count; ++k)
        {
            const int r = heardReferences[k];
            const float c = referenceGain[(size_t) r].next();
            left += c * references[r][0][i];
            right += c * references[r][1][i];
        }
        const float mid = 0.5f * (left + right);
        heard[0][i] = left + m * (mid - left);
        heard[1][i] = right + m * (mid - right);
    }
}
} // namespace crest
