// The tonal and stereo balance of a programme, for comparing a mix with its
// master (crest ab, the app's A/B table): the level of the lows (below
// 250 Hz), the mids (250 Hz to 4 kHz) and the highs (above 4 kHz), split by
// the multiband's own Linkwitz-Riley crossovers, each as RMS in dBFS over
// all channels; and the width, as the side's energy over the mid's in dB
// (-inf for mono, 0 for two unrelated channels, about -9.5 for a typical
// mix). Fed block by block; off the audio thread.
#pragma once

#include "Dsp/Crossover.h"

#include <array>
#include <cstdint>
#include <vector>

namespace crest
{
struct ProgramBalance
{
    static constexpr double lowSplitHz = 250.0, highSplitHz = 4000.0;
    std::array<double, 3> bandDbfs {};   // low, mid, high
    double sideToMidDb = 0;
};

class ProgramBalanceMeter
{
public:
    ProgramBalanceMeter (int channels, double sampleRate);

    // `frames` interleaved frames of the prepared channel count.
    void add (const float* interleaved, int64_t frames);
    ProgramBalance balance() const;

private:
    static constexpr int chunkFrames = 4096;
    int channels;
    Crossover crossover;
    std::array<std::vector<float>, 2> planar;
    std::array<double, 3> bandEnergy {};
    double midEnergy = 0, sideEnergy = 0;
    int64_t frames = 0;
};
} // namespace crest
