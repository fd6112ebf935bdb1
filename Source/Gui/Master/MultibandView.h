// The multiband's picture: the spectrum from 20 Hz to 20 kHz cut into its
// bands at the split frequencies, each band a column with its gain
// reduction now hanging from the top (read from the running module),
// and its threshold, ratio and makeup in words; a soloed band is
// outlined, a bypassed one dimmed.
//
// Message thread only.
#pragma once

#include "ModulePicture.h"

#include <vector>

namespace crest
{
class MultibandView : public ModulePicture
{
public:
    MultibandView (juce::ValueTree module, SessionPlayer* player);

    int bands() const;
    // Band b's edges in Hz (20 Hz and 20 kHz at the ends).
    std::pair<double, double> bandEdges (int band) const;
    float xForFrequency (double hz) const;
    const std::vector<float>& reductions() const noexcept { return reductionNow; }

    void tick() override;
    void paint (juce::Graphics&) override;

    static constexpr float rangeDb = 12.0f;

private:
    juce::Rectangle<float> plotArea() const;
    std::vector<float> reductionNow;
};
} // namespace crest
