#include "LiveLoudness.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace crest
{
namespace
{
    // One second at the highest session rate (four at 48 kHz): the GUI can
    // stall that long and the meters lose nothing. Fixed, because the
    // audio thread holds the FIFO while the session changes rate.
    constexpr size_t fifoSamples = 192000 * LiveLoudness::tapChannels;
    constexpr int drainFrames = 4096;

    LoudnessReading silentReading()
    {
        const double inf = -std::numeric_limits<double>::infinity();
        return { inf, 0, inf, inf, inf, inf, inf, inf, inf, 1, 0 };
    }
} // namespace

LiveLoudness::LiveLoudness (double sampleRate)
    : rate (sampleRate), fifo (fifoSamples), block ((size_t) (drainFrames * tapChannels)), mixFrames ((size_t) (drainFrames * 2)),
      masterFrames ((size_t) (drainFrames * 2))
{
    restart (sampleRate);
}

void LiveLoudness::restart (double sampleRate)
{
    rate = sampleRate;
    while (fifo.pop (block.data(), block.size()) > 0) {}
    mixMeter = std::make_unique<LoudnessMeter> (2, rate);
    masterMeter = std::make_unique<LoudnessMeter> (2, rate);
    mixReading = masterReading = silentReading();
    sinceFull = 0;
    totalMeasured = 0;
    std::fill (recent.begin(), recent.end(), 0.0f);
}

int64_t LiveLoudness::update()
{
    // What is there now, no more: a producer that keeps pace cannot keep
    // this loop turning.
    int64_t measured = 0;
    for (size_t waiting = fifo.available(); waiting >= (size_t) tapChannels;)
    {
        const auto samples = fifo.pop (block.data(), std::min (block.size(), waiting - waiting % tapChannels));
        waiting -= samples;
        const auto frames = (int64_t) (samples / tapChannels);
        if (frames == 0)
            break;
        for (int64_t i = 0; i < frames; ++i)
        {
            const float* f = block.data() + i * tapChannels;
            mixFrames[(size_t) (2 * i)] = f[0];
            mixFrames[(size_t) (2 * i + 1)] = f[1];
            masterFrames[(size_t) (2 * i)] = f[2];
            masterFrames[(size_t) (2 * i + 1)] = f[3];
        }
        mixMeter->add (mixFrames.data(), frames);
        masterMeter->add (masterFrames.data(), frames);
        // Slide the scope's window along by what came in.
        const auto keep = (size_t) std::min<int64_t> (frames, (int64_t) scopeFrames);
        std::move (recent.begin() + (std::ptrdiff_t) (2 * keep), recent.end(), recent.begin());
        std::copy (masterFrames.begin() + (std::ptrdiff_t) (2 * ((size_t) frames - keep)), masterFrames.begin() + (std::ptrdiff_t) (2 * (size_t) frames),
                   recent.end() - (std::ptrdiff_t) (2 * keep));
        measured += frames;
    }
    if (measured == 0)
        return 0;
    totalMeasured += measured;
    sinceFull += measured;
    if (sinceFull >= (int64_t) rate || mixReading.seconds == 0)
        refreshFull();
    mixReading.momentaryLufs = mixMeter->momentaryLufs();
    mixReading.shortTermLufs = mixMeter->shortTermLufs();
    masterReading.momentaryLufs = masterMeter->momentaryLufs();
    masterReading.shortTermLufs = masterMeter->shortTermLufs();
    return measured;
}

void LiveLoudness::refreshFull()
{
    mixReading = mixMeter->reading();
    masterReading = masterMeter->reading();
    sinceFull = 0;
}

std::optional<double> LiveLoudness::matchGainDb() const noexcept
{
    if (std::isfinite (mixReading.integratedLufs) && std::isfinite (masterReading.integratedLufs))
        return mixReading.integratedLufs - masterReading.integratedLufs;
    if (std::isfinite (mixReading.shortTermLufs) && std::isfinite (masterReading.shortTermLufs))
        return mixReading.shortTermLufs - masterReading.shortTermLufs;
    return std::nullopt;
}
} // namespace crest
