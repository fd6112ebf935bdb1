#include "AutomationRecorder.h"

#include "Core/Automation.h"

#include <algorithm>

namespace crest
{
namespace
{
    std::vector<AutomationPointValue> valuesOf (const AutomationLane& lane)
    {
        std::vector<AutomationPointValue> points;
        for (const auto& p : lane.points)
            points.push_back ({ p.time, p.value, p.curve });
        return points;
    }

    bool records (const std::optional<AutomationLane>& lane)
    {
        return lane && (lane->mode == AutomationMode::touch || lane->mode == AutomationMode::latch || lane->mode == AutomationMode::write);
    }
} // namespace

AutomationRecorder::AutomationRecorder (SessionModel& sessionModel) : model (sessionModel) {}

double AutomationRecorder::controlValue (const juce::ValueTree& channel, const juce::String& parameter)
{
    const auto target = automationTarget (parameter.toStdString());
    if (! target)
        return 0.0;
    switch (target->kind)
    {
        case AutomationTarget::Kind::trim: return channel[ids::trimDb];
        case AutomationTarget::Kind::fader: return channel.hasType (ids::SESSION) ? channel[ids::mixBusFaderDb] : channel[ids::faderDb];
        case AutomationTarget::Kind::pan: return channel[ids::pan];
        case AutomationTarget::Kind::sendLevel: return channel[sendProperty (target->send, SendField::levelDb)];
        case AutomationTarget::Kind::sendPan: return channel[sendProperty (target->send, SendField::pan)];
        case AutomationTarget::Kind::strip: return SessionModel::stripValue (channel, target->stripKey);
    }
    return 0.0;
}

AutomationRecorder::Pass* AutomationRecorder::find (const juce::ValueTree& channel, const juce::String& parameter)
{
    for (auto& pass : passes)
        if (pass.channel == channel && pass.parameter == parameter)
            return &pass;
    return nullptr;
}

bool AutomationRecorder::isRecording (const juce::ValueTree& channel, const juce::String& parameter) const
{
    return std::any_of (passes.begin(), passes.end(), [&] (const Pass& p) { return p.channel == channel && p.parameter == parameter; });
}

void AutomationRecorder::write (Pass& pass, int64_t time, double value)
{
    auto lane = SessionModel::laneOf (pass.channel, pass.parameter);
    if (! lane)
        return;
    // What this pass overwrites: everything after its last point up to now.
    std::erase_if (lane->points, [&] (const AutomationPoint& p) { return p.time > pass.last && p.time <= time; });
    if (time == pass.last)
        std::erase_if (lane->points, [&] (const AutomationPoint& p) { return p.time == time; });
    lane->points.push_back ({ time, value, 0.0 });
    model.setAutomation (pass.channel, *lane);
    pass.last = time;
    pass.value = value;
}

void AutomationRecorder::finish (Pass& pass, int64_t time, bool returnToLane)
{
    const auto index = &pass - passes.data();
    if (time > pass.last)
    {
        const auto target = automationTarget (pass.parameter.toStdString());
        // Touch hands back to what the lane held before; latch and write hold their value.
        double value = pass.value;
        if (returnToLane && ! pass.before.points.empty())
            value = AutomationCurve (valuesOf (pass.before), *target).unitValueAt (time);
        write (pass, time, value);
    }
    passes.erase (passes.begin() + index);
}

bool AutomationRecorder::touch (juce::ValueTree channel, const juce::String& parameter, int64_t time, double value)
{
    const auto lane = SessionModel::laneOf (channel, parameter);
    if (! records (lane) || ! rolling)
        return false;
    auto* pass = find (channel, parameter);
    if (pass == nullptr)
    {
        model.beginGesture ("Record " + parameter);
        passes.push_back ({ channel, parameter, *lane, time, value, true });
        pass = &passes.back();
        // The lane up to the touch stays as it was: anchor it here, then
        // jump to the control's value.
        const auto target = automationTarget (parameter.toStdString());
        const double held = lane->points.empty() ? controlValue (channel, parameter)
                                                 : AutomationCurve (valuesOf (*lane), *target).unitValueAt (time);
        auto anchored = *lane;
        std::erase_if (anchored.points, [&] (const AutomationPoint& p) { return p.time == time; });
        if (time > 0)
            anchored.points.push_back ({ time - 1, held, 0.0 });
        model.setAutomation (channel, anchored);
        pass->last = time - 1;
    }
    pass->held = true;
    write (*pass, time, value);
    return true;
}

void AutomationRecorder::move (juce::ValueTree channel, const juce::String& parameter, int64_t time, double value)
{
    if (auto* pass = find (channel, parameter); pass != nullptr && time >= pass->last)
        write (*pass, time, value);
}

void AutomationRecorder::release (juce::ValueTree channel, const juce::String& parameter, int64_t time)
{
    auto* pass = find (channel, parameter);
    if (pass == nullptr)
        return;
    pass->held = false;
    if (pass->before.mode == AutomationMode::touch)
        finish (*pass, time, true);
}

void AutomationRecorder::transportStarted (int64_t time)
{
    rolling = true;
    // Every write lane records from here, starting at its control's value.
    for (auto child : model.state())
        for (const auto& lane : SessionModel::automationOf (child))
            if (lane.mode == AutomationMode::write)
            {
                const juce::String parameter (lane.parameter);
                touch (child, parameter, time, controlValue (child, parameter));
                if (auto* pass = find (child, parameter))
                    pass->held = false;
            }
}

void AutomationRecorder::transportStopped (int64_t time)
{
    rolling = false;
    while (! passes.empty())
        finish (passes.front(), time, passes.front().before.mode == AutomationMode::touch);
}
} // namespace crest
