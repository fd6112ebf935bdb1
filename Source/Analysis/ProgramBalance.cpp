#include "ProgramBalance.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace crest
{
namespace
{
    double energyDb (double energy) { return energy > 0 ? 10.0 * std::log10 (energy) : -std::numeric_limits<double>::infinity(); }
} // namespace

ProgramBalanceMeter::ProgramBalanceMeter (int channelCount, double sampleRate) : channels (std::clamp (channelCount, 1, 2))
{
    crossover.prepare (sampleRate, chunkFrames);
    crossover.setSplits (3, { ProgramBalance::lowSplitHz, ProgramBalance::highSplitHz, 0, 0 });
    for (auto& p : planar)
        p.assign (chunkFrames, 0.0f);
}

void ProgramBalanceMeter::add (const float* interleaved, int64_t count)
{
    for (int64_t done = 0; done < count;)
    {
        const int n = (int) std::min<int64_t> (chunkFrames, count - done);
        const float* in = interleaved + done * channels;
        for (int i = 0; i < n; ++i)
            for (int ch = 0; ch < channels; ++ch)
                planar[(size_t) ch][(size_t) i] = in[i * channels + ch];
        if (channels == 2)
            for (int i = 0; i < n; ++i)
            {
                const double mid = 0.5 * ((double) planar[0][(size_t) i] + planar[1][(size_t) i]);
                const double side = 0.5 * ((double) planar[0][(size_t) i] - planar[1][(size_t) i]);
                midEnergy += mid * mid;
                sideEnergy += side * side;
            }
        float* pointers[2] = { planar[0].data(), planar[1].data() };
        crossover.process ({ pointers, channels, n });
        for (int b = 0; b < 3; ++b)
        {
            const auto band = crossover.band (b);
            for (int ch = 0; ch < channels; ++ch)
                for (int i = 0; i < n; ++i)
                    bandEnergy[(size_t) b] += (double) band.channels[ch][i] * band.channels[ch][i];
        }
        frames += n;
        done += n;
    }
}

ProgramBalance ProgramBalanceMeter::balance() const
{
    ProgramBalance result;
    const double samples = (double) std::max<int64_t> (1, frames) * channels;
    for (size_t b = 0; b < 3; ++b)
        result.bandDbfs[b] = energyDb (bandEnergy[b] / samples);
    result.sideToMidDb = channels == 2 && midEnergy > 0 ? energyDb (sideEnergy / midEnergy) : -std::numeric_limits<double>::infinity();
    if (channels == 2 && midEnergy == 0 && sideEnergy > 0)
        result.sideToMidDb = std::numeric_limits<double>::infinity();   // all side: out of phase
    return result;
}
} // namespace crest
