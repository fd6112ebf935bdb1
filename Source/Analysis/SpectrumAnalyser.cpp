#include "SpectrumAnalyser.h"

#include <algorithm>
#include <cmath>

namespace crest
{
namespace
{
    constexpr double floorDb = -140.0;
    constexpr int hop = SpectrumAnalyser::fftSize / 2;
} // namespace

SpectrumAnalyser::SpectrumAnalyser (double sampleRate)
    : rate (sampleRate), fft (fftSize), frame (allocateReal (fftSize)), bins (allocateComplex (fftSize / 2 + 1)),
      window ((size_t) fftSize), history ((size_t) fftSize, 0.0f), powerDb ((size_t) (fftSize / 2 + 1), floorDb)
{
    double sum = 0;
    for (int i = 0; i < fftSize; ++i)
    {
        window[(size_t) i] = (float) (0.5 - 0.5 * std::cos (2.0 * M_PI * i / fftSize));
        sum += window[(size_t) i];
    }
    // A sine of amplitude A gives a bin of A * sum / 2: scale that to A.
    for (auto& w : window)
        w = (float) (w * 2.0 / sum);
    // 24 dB a second, at this hop.
    releaseDbPerFrame = 24.0 * hop / sampleRate;
}

void SpectrumAnalyser::reset()
{
    std::fill (history.begin(), history.end(), 0.0f);
    std::fill (powerDb.begin(), powerDb.end(), floorDb);
    filled = 0;
}

bool SpectrumAnalyser::push (const float* samples, size_t count)
{
    bool made = false;
    while (count > 0)
    {
        // Slide in up to a hop at a time; analyse each time a hop is complete.
        const size_t space = (size_t) hop - filled % (size_t) hop;
        const size_t n = std::min (count, space);
        std::move (history.begin() + (std::ptrdiff_t) n, history.end(), history.begin());
        std::copy (samples, samples + n, history.end() - (std::ptrdiff_t) n);
        filled += n;
        samples += n;
        count -= n;
        if (filled % (size_t) hop == 0)
        {
            analyse();
            made = true;
        }
    }
    return made;
}

void SpectrumAnalyser::analyse()
{
    for (int i = 0; i < fftSize; ++i)
        frame[(size_t) i] = history[(size_t) i] * window[(size_t) i];
    fft.forward (frame.get(), bins.get());
    for (size_t k = 0; k < powerDb.size(); ++k)
    {
        const double magnitude = std::abs (bins[k]);
        const double db = magnitude > 1e-7 ? 20.0 * std::log10 (magnitude) : floorDb;
        powerDb[k] = std::max (db, powerDb[k] - releaseDbPerFrame);
    }
}

double SpectrumAnalyser::levelAt (double hz) const noexcept
{
    const double binHz = rate / fftSize;
    const double low = hz * std::pow (2.0, -1.0 / 12.0), high = hz * std::pow (2.0, 1.0 / 12.0);
    auto first = (size_t) std::clamp (std::floor (low / binHz), 1.0, (double) powerDb.size() - 1);
    auto last = (size_t) std::clamp (std::ceil (high / binHz), (double) first, (double) powerDb.size() - 1);
    // The loudest bin in the band: a sine reads at its level, whatever its bin.
    double level = floorDb;
    for (size_t k = first; k <= last; ++k)
        level = std::max (level, powerDb[k]);
    return level;
}
} // namespace crest
