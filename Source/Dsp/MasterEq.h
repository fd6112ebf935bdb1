// The master's EQ: eight bands (bell, shelves, high- and low-pass, notch,
// band-pass), each working on both channels, on the mid (L+R)/2 or on the
// side (L-R)/2. Runs in mid/side throughout: a mid EQ and a side EQ (the
// strip's ParametricEq, analog-matched to near Nyquist, gliding when
// moved); a stereo band sits in both. Because it never leaves mid/side, a
// band switched from stereo to side changes only that band. Audio thread:
// noexcept, no allocation after prepare().
#pragma once

#include "Core/ModuleSpecs.h"
#include "ParameterizedProcessor.h"
#include "ParametricEq.h"

#include <vector>

namespace crest
{
class MasterEq : public ParameterizedProcessor
{
public:
    static constexpr int numBands = moduleSpecs::eqBands;
    enum class Mode
    {
        stereo,
        mid,
        side
    };
    static constexpr int modeField = ParametricEq::fieldsPerBand;   // after the strip EQ's five
    static constexpr size_t parameterIndex (int band, int field) noexcept
    {
        return (size_t) (band * moduleSpecs::masterEqFieldsPerBand + field);
    }

    MasterEq();

    std::string_view name() const noexcept override { return "EQ"; }
    void prepare (const ProcessSpec& spec) override;
    void reset() noexcept override;
    void process (AudioView io) noexcept override;

    // The response the mid and the side are heading for, for drawing.
    double midMagnitudeAt (double hz) const noexcept { return mid.magnitudeAt (hz); }
    double sideMagnitudeAt (double hz) const noexcept { return side.magnitudeAt (hz); }
    // Both at many frequencies, each band designed once; not for the audio
    // thread. After parameters change, call refreshTargets() first when
    // the EQ is not processing (a designer's copy).
    void midMagnitudesAt (std::span<const double> hz, std::span<double> out) const { mid.magnitudesAt (hz, out); }
    void sideMagnitudesAt (std::span<const double> hz, std::span<double> out) const { side.magnitudesAt (hz, out); }
    void refreshTargets() noexcept { passParameters(); }

private:
    void passParameters() noexcept;

    ParametricEq mid, side;
    std::vector<float> midBuffer, sideBuffer;
};
} // namespace crest
