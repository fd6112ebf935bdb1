// The limiter's picture: its gain reduction over the last ten seconds of
// play, read from the running limiter, with its ceiling, input gain and
// release in words, and the master's true peak now against the ceiling.
//
// Message thread only.
#pragma once

#include "ModulePicture.h"

#include "Gui/Shared/ReductionHistory.h"

namespace crest
{
class LimiterView : public ModulePicture
{
public:
    LimiterView (juce::ValueTree module, SessionPlayer* player);

    void tick() override;
    const ReductionHistory& reduction() const noexcept { return history; }
    void paint (juce::Graphics&) override;

private:
    ReductionHistory history;
};
} // namespace crest
