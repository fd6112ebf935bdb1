// The width module's picture: the master as it plays on a goniometer,
// with its correlation, beside the module's settings in words (how wide
// the side is made, and below which frequency the bass is mono).
//
// Message thread only.
#pragma once

#include "ModulePicture.h"

#include <vector>

namespace crest
{
class WidthView : public ModulePicture
{
public:
    WidthView (juce::ValueTree module, SessionPlayer* player);

    void tick() override;
    double correlation() const noexcept { return correlationNow; }
    void paint (juce::Graphics&) override;

private:
    std::vector<float> frames;
    double correlationNow = 1.0;
};
} // namespace crest
