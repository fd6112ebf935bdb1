#include "DecayTime.h"

#include "Dsp/Biquad.h"
#include "Dsp/BiquadDesign.h"

#include <cmath>

namespace crest
{
std::optional<double> decayTimeT20 (std::vector<float> ir, double sampleRate)
{
    // Twice through a band-pass an octave wide: the octave filter's skirts.
    const auto band = designMatched ({ FilterShape::bandPass, 1000, std::sqrt (2.0), 0 }, sampleRate);
    for (int pass = 0; pass < 2; ++pass)
    {
        BiquadState state;
        state.process (ir.data(), (int) ir.size(), band);
    }
    std::vector<double> energy (ir.size() + 1, 0.0);
    for (size_t i = ir.size(); i-- > 0;)
        energy[i] = energy[i + 1] + (double) ir[i] * ir[i];
    if (energy[0] <= 0)
        return std::nullopt;
    double sumT = 0, sumL = 0, sumTT = 0, sumTL = 0;
    int n = 0;
    bool reached = false;
    for (size_t i = 0; i < ir.size(); ++i)
    {
        const double level = 10 * std::log10 (std::max (energy[i], 1e-300) / energy[0]);
        if (level < -25)
        {
            reached = true;
            break;
        }
        if (level > -5)
            continue;
        const double t = (double) i / sampleRate;
        sumT += t, sumL += level, sumTT += t * t, sumTL += t * level;
        ++n;
    }
    if (! reached || n < 2)
        return std::nullopt;
    const double slope = (n * sumTL - sumT * sumL) / (n * sumTT - sumT * sumT);   // dB per second
    if (slope >= 0)
        return std::nullopt;
    return -60.0 / slope;
}
} // namespace crest
