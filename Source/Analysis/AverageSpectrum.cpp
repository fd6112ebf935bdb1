#include "AverageSpectrum.h"

#include "ThirdOctaveBands.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace crest
{
namespace
{
    constexpr double minusInfinity = -std::numeric_limits<double>::infinity();
    double powerDb (double power) { return power > 0 ? 10.0 * std::log10 (power) : minusInfinity; }
} // namespace

double SpectrumProfile::bandDb (double lowHz, double highHz) const noexcept
{
    if (binPower.empty() || highHz <= lowHz)
        return minusInfinity;
    // Bin k stands for [k - 1/2, k + 1/2] bins; take the part of it inside.
    const double lowBin = lowHz / binHz, highBin = highHz / binHz;
    const auto first = (size_t) std::max (0.0, std::floor (lowBin + 0.5));
    const auto last = (size_t) std::min ((double) binPower.size() - 1, std::floor (highBin + 0.5));
    double power = 0;
    for (size_t k = first; k <= last && k < binPower.size(); ++k)
    {
        const double overlap = std::min (highBin, k + 0.5) - std::max (lowBin, k - 0.5);
        if (overlap > 0)
            power += binPower[k] * std::min (1.0, overlap);
    }
    return powerDb (power);
}

double SpectrumProfile::smoothedDensityDb (double hz, double octaves) const noexcept
{
    const double low = hz * std::exp2 (-octaves / 2), high = hz * std::exp2 (octaves / 2);
    return bandDb (low, high) - 10.0 * std::log10 (high - low);
}

std::array<double, 31> SpectrumProfile::thirdOctaveDb() const noexcept
{
    std::array<double, 31> levels {};
    for (int b = 0; b < thirdOctave::count; ++b)
        levels[(size_t) b] = thirdOctave::lowerEdgeHz (b) < sampleRate / 2
                                 ? bandDb (thirdOctave::lowerEdgeHz (b), std::min (thirdOctave::upperEdgeHz (b), sampleRate / 2))
                                 : minusInfinity;
    return levels;
}

int AverageSpectrumMeter::fftSizeFor (double sampleRate) noexcept
{
    int n = 1024;
    while (n < sampleRate * 0.3 && n < (1 << 20))
        n *= 2;
    return n;
}

AverageSpectrumMeter::AverageSpectrumMeter (int channelCount, double sampleRate)
    : channels (std::max (1, channelCount)), rate (sampleRate), size (fftSizeFor (sampleRate)), fft (size),
      frame (allocateReal ((size_t) size)), bins (allocateComplex ((size_t) size / 2 + 1)), window ((size_t) size),
      history ((size_t) channels, std::vector<float> ((size_t) size, 0.0f)), powerSum ((size_t) size / 2 + 1, 0.0)
{
    for (int i = 0; i < size; ++i)
    {
        window[(size_t) i] = (float) (0.5 - 0.5 * std::cos (2.0 * M_PI * i / size));
        windowPower += (double) window[(size_t) i] * window[(size_t) i];
    }
}

void AverageSpectrumMeter::analyseFrame (const float* samples, float* in, std::complex<float>* out, std::vector<double>& into) const
{
    for (int i = 0; i < size; ++i)
        in[(size_t) i] = samples[(size_t) i] * window[(size_t) i];
    fft.forward (in, out);
    // Parseval: the one-sided bins' |X|^2 / (N sum w^2) add up to the mean square.
    const double scale = 1.0 / ((double) size * windowPower * channels);
    for (size_t k = 0; k < into.size(); ++k)
    {
        const double twoSided = (k == 0 || k == into.size() - 1) ? 1.0 : 2.0;
        into[k] += twoSided * std::norm (std::complex<double> (out[k])) * scale;
    }
}

void AverageSpectrumMeter::add (const float* interleaved, int64_t count)
{
    const int64_t hop = size / 2;
    for (int64_t done = 0; done < count;)
    {
        // Fill history up to a whole window; analyse; keep the second half.
        const int64_t free = size - filled;
        const int64_t n = std::min (free, count - done);
        for (int ch = 0; ch < channels; ++ch)
        {
            auto& h = history[(size_t) ch];
            for (int64_t i = 0; i < n; ++i)
                h[(size_t) (filled + i)] = interleaved[(done + i) * channels + ch];
        }
        filled += n;
        done += n;
        fed += n;
        if (filled == size)
        {
            for (const auto& h : history)
                analyseFrame (h.data(), frame.get(), bins.get(), powerSum);
            ++framesAnalysed;
            for (auto& h : history)
                std::copy (h.begin() + hop, h.end(), h.begin());
            filled = hop;
        }
    }
}

SpectrumProfile AverageSpectrumMeter::profile() const
{
    SpectrumProfile p;
    p.sampleRate = rate;
    p.binHz = rate / size;
    p.binPower.assign (powerSum.size(), 0.0);
    if (framesAnalysed > 0)
    {
        for (size_t k = 0; k < powerSum.size(); ++k)
            p.binPower[k] = powerSum[k] / (double) framesAnalysed;
    }
    else if (fed > 0)
    {
        // Shorter than a window: the one there is, padded with silence and
        // scaled back up to what was fed.
        std::vector<double> one (powerSum.size(), 0.0);
        auto in = allocateReal ((size_t) size);
        auto out = allocateComplex ((size_t) size / 2 + 1);
        for (const auto& h : history)
        {
            std::vector<float> padded (h.begin(), h.begin() + filled);
            padded.resize ((size_t) size, 0.0f);
            analyseFrame (padded.data(), in.get(), out.get(), one);
        }
        double fedPower = 0;
        for (int i = 0; i < filled; ++i)
            fedPower += (double) window[(size_t) i] * window[(size_t) i];
        const double scale = fedPower > 0 ? windowPower / fedPower : 0.0;
        for (size_t k = 0; k < one.size(); ++k)
            p.binPower[k] = one[k] * scale;
    }
    return p;
}
} // namespace crest
