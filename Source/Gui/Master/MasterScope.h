// The Master view's scopes: a goniometer of the master (mid up, side
// across: a mono signal is a vertical line, a wide one a cloud, an
// out-of-phase one a horizontal line) with its correlation meter (-1 to
// +1 over the last 2048 frames), and the gain reduction of the chain's
// dynamics: the limiter's over the last ten seconds and each multiband
// band's now.
//
// Message thread only. update() is called from the app's timer.
#pragma once

#include "Gui/Shared/ReductionHistory.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <deque>
#include <vector>

namespace crest
{
class SessionPlayer;

class MasterScope : public juce::Component
{
public:
    explicit MasterScope (SessionPlayer& player);

    void update();
    void reset();
    double correlation() const noexcept { return correlationNow; }
    const std::deque<float>& limiterHistory() const noexcept { return limiter.history(); }

    void paint (juce::Graphics&) override;

private:
    void paintReduction (juce::Graphics&, juce::Rectangle<float>) const;

    SessionPlayer& player;
    std::vector<float> frames;
    double correlationNow = 1.0;
    ReductionHistory limiter;
    bool hasLimiter = false;
    std::vector<float> bands;   // each multiband band's reduction now, dB
};
} // namespace crest
