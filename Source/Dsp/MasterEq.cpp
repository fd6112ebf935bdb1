#include "MasterEq.h"

#include <algorithm>
#include <cmath>

namespace crest
{
MasterEq::MasterEq() : ParameterizedProcessor (moduleSpecs::masterEq()) {}

void MasterEq::passParameters() noexcept
{
    for (int b = 0; b < numBands; ++b)
    {
        const auto mode = (Mode) std::clamp ((int) std::lround (parameter (parameterIndex (b, modeField))), 0, 2);
        const bool on = parameter (parameterIndex (b, ParametricEq::on)) >= 0.5;
        for (int f = 0; f < ParametricEq::fieldsPerBand; ++f)
        {
            const double value = parameter (parameterIndex (b, f));
            mid.setParameter (ParametricEq::parameterIndex (b, (ParametricEq::Field) f), value);
            side.setParameter (ParametricEq::parameterIndex (b, (ParametricEq::Field) f), value);
        }
        mid.setParameter (ParametricEq::parameterIndex (b, ParametricEq::on), on && mode != Mode::side ? 1 : 0);
        side.setParameter (ParametricEq::parameterIndex (b, ParametricEq::on), on && mode != Mode::mid ? 1 : 0);
    }
}

void MasterEq::prepare (const ProcessSpec& spec)
{
    midBuffer.assign ((size_t) std::max (1, spec.maxBlockFrames), 0.0f);
    sideBuffer.assign ((size_t) std::max (1, spec.maxBlockFrames), 0.0f);
    passParameters();
    mid.prepare ({ spec.sampleRate, spec.maxBlockFrames, 1 });
    side.prepare ({ spec.sampleRate, spec.maxBlockFrames, 1 });
}

void MasterEq::reset() noexcept
{
    passParameters();
    mid.reset();
    side.reset();
}

void MasterEq::process (AudioView io) noexcept
{
    passParameters();
    if (io.numChannels < 2)
    {
        mid.process (io);   // a mono signal is all mid
        return;
    }
    const int capacity = (int) midBuffer.size();
    for (int done = 0; done < io.numFrames; done += capacity)
    {
        const int n = std::min (capacity, io.numFrames - done);
        float* left = io.channels[0] + done;
        float* right = io.channels[1] + done;
        for (int i = 0; i < n; ++i)
        {
            midBuffer[(size_t) i] = 0.5f * (left[i] + right[i]);
            sideBuffer[(size_t) i] = 0.5f * (left[i] - right[i]);
        }
        float* midChannel[] = { midBuffer.data() };
        float* sideChannel[] = { sideBuffer.data() };
        mid.process ({ midChannel, 1, n });
        side.process ({ sideChannel, 1, n });
        for (int i = 0; i < n; ++i)
        {
            left[i] = midBuffer[(size_t) i] + sideBuffer[(size_t) i];
            right[i] = midBuffer[(size_t) i] - sideBuffer[(size_t) i];
        }
    }
}
} // namespace crest
