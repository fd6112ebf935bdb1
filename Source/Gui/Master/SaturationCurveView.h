// The saturation's picture: its transfer curve, sample value in against
// sample value out from -1 to +1, as Saturation::transfer gives it (the
// curve at this drive, blended with the dry signal by the mix, at the
// output level), over the straight line of no change. Tape bends both
// halves alike; tube bends them differently, which is its even harmonics.
//
// Message thread only.
#pragma once

#include "ModulePicture.h"

#include "Gui/Shared/TransferPlot.h"

namespace crest
{
class SaturationCurveView : public ModulePicture
{
public:
    explicit SaturationCurveView (juce::ValueTree module);

    double outputFor (double input) const;   // the curve as drawn
    TransferPlot plot() const;
    void paint (juce::Graphics&) override;
};
} // namespace crest
