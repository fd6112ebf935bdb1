#include "Automation.h"

#include "StripParameters.h"
#include "Units.h"

#include <algorithm>
#include <cmath>

namespace crest
{
std::optional<AutomationTarget> automationTarget (std::string_view parameter)
{
    AutomationTarget target;
    if (parameter == "trimDb")
    {
        target.kind = AutomationTarget::Kind::trim;
        target.spec = params::trimDb;
        target.domain = AutomationDomain::amplitude;
        return target;
    }
    if (parameter == "faderDb")
    {
        target.kind = AutomationTarget::Kind::fader;
        target.spec = params::faderDb;
        target.domain = AutomationDomain::amplitude;
        return target;
    }
    if (parameter == "pan")
    {
        target.kind = AutomationTarget::Kind::pan;
        target.spec = params::pan;
        return target;
    }
    if (parameter.starts_with ("send."))
    {
        const auto rest = parameter.substr (5);
        const auto dot = rest.rfind ('.');
        if (dot == std::string_view::npos || dot == 0)
            return std::nullopt;
        target.send = std::string (rest.substr (0, dot));
        const auto field = rest.substr (dot + 1);
        if (field == "levelDb")
        {
            target.kind = AutomationTarget::Kind::sendLevel;
            target.spec = params::sendLevelDb;
            target.domain = AutomationDomain::amplitude;
            return target;
        }
        if (field == "pan")
        {
            target.kind = AutomationTarget::Kind::sendPan;
            target.spec = params::pan;
            return target;
        }
        return std::nullopt;
    }
    if (parameter.starts_with ("strip."))
    {
        const auto* strip = findStripParameter (parameter.substr (6));
        if (strip == nullptr)
            return std::nullopt;
        target.kind = AutomationTarget::Kind::strip;
        target.stripKey = strip->key;
        target.spec = strip->spec;
        target.stepped = strip->isModuleSwitch() || strip->key.ends_with (".shape") || strip->key.ends_with (".on")
                         || (strip->spec.minimum == 0 && strip->spec.maximum == 1 && strip->spec.unit.empty())
                         || strip->key == "delay.noteValue";
        target.domain = strip->spec.unit == "Hz" && strip->spec.minimum > 0 ? AutomationDomain::logarithmic : AutomationDomain::linear;
        return target;
    }
    return std::nullopt;
}

AutomationCurve::AutomationCurve (const std::vector<AutomationPointValue>& points, const AutomationTarget& target)
    : domain (target.domain), stepped (target.stepped), silenceBelow (target.spec.minimum)
{
    for (const auto& p : points)
    {
        const double v = target.spec.clamp (p.value);
        times.push_back (p.time);
        unitValues.push_back (v);
        curves.push_back (std::clamp (p.curve, -1.0, 1.0));
        if (domain == AutomationDomain::amplitude)
            values.push_back (v <= silenceBelow ? 0.0 : dbToGain (v));
        else if (domain == AutomationDomain::logarithmic)
            values.push_back (std::log (v));
        else
            values.push_back (v);
    }
}

size_t AutomationCurve::segmentAt (int64_t time) const noexcept
{
    const auto after = std::upper_bound (times.begin(), times.end(), time);
    return after == times.begin() ? 0 : (size_t) (after - times.begin() - 1);
}

double AutomationCurve::between (size_t i, int64_t time) const noexcept
{
    if (time <= times[i] || i + 1 >= times.size() || stepped)
        return values[i];
    const double span = (double) (times[i + 1] - times[i]);
    double t = (double) (time - times[i]) / span;
    if (const double c = curves[i]; c != 0.0)
    {
        // An exponential bend: steep at the end for c > 0, at the start for c < 0.
        const double k = 4.0 * c;
        t = std::expm1 (k * t) / std::expm1 (k);
    }
    return values[i] + t * (values[i + 1] - values[i]);
}

double AutomationCurve::valueAt (int64_t time) const noexcept
{
    if (times.empty())
        return 0.0;
    if (time <= times.front())
        return values.front();
    const double v = between (segmentAt (time), time);
    return domain == AutomationDomain::logarithmic ? std::exp (v) : v;
}

double AutomationCurve::unitValueAt (int64_t time) const noexcept
{
    if (times.empty())
        return 0.0;
    if (time <= times.front())
        return unitValues.front();
    const size_t i = segmentAt (time);
    if (time == times[i] || i + 1 == times.size() || stepped || values[i] == values[i + 1])
        return unitValues[i];
    const double v = valueAt (time);
    if (domain == AutomationDomain::amplitude)
        return v <= 0.0 ? silenceBelow : std::max (silenceBelow, gainToDb (v));
    return v;
}

void AutomationCurve::render (int64_t start, int count, float* out) const noexcept
{
    if (times.empty())
        return;
    size_t i = segmentAt (start);
    for (int n = 0; n < count; ++n)
    {
        const int64_t time = start + n;
        while (i + 1 < times.size() && times[i + 1] <= time)
            ++i;
        double v = time <= times.front() ? values.front() : between (i, time);
        if (domain == AutomationDomain::logarithmic)
            v = std::exp (v);
        out[n] = (float) v;
    }
}
} // namespace crest
