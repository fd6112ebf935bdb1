#include "SignalAlignment.h"

#include "Dsp/RealFft.h"
#include "IO/AudioFileReader.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace crest
{
Alignment alignSignals (std::span<const float> a, std::span<const float> b, int64_t maxOffsetFrames)
{
    Alignment result;
    if (a.empty() || b.empty())
        return result;
    int size = 2;
    while ((size_t) size < a.size() + b.size())
        size *= 2;
    RealFft fft (size);
    auto x = allocateReal ((size_t) size), y = allocateReal ((size_t) size);
    std::copy (a.begin(), a.end(), x.get());
    std::copy (b.begin(), b.end(), y.get());
    auto X = allocateComplex ((size_t) fft.bins()), Y = allocateComplex ((size_t) fft.bins());
    fft.forward (x.get(), X.get());
    fft.forward (y.get(), Y.get());
    // b correlated against a: conj(A) B, back in time, is sum a[n] b[n + lag].
    // Each bin is whitened (GCC-PHAT, Knapp and Carter 1976), so the peak
    // is the delay itself: a master's EQ or a crossover's phase at low
    // frequencies, which spread and shift a plain correlation's peak, do
    // not move it; every frequency votes equally.
    for (int k = 0; k < fft.bins(); ++k)
    {
        const auto cross = std::conj (X[(size_t) k]) * Y[(size_t) k];
        const float magnitude = std::abs (cross);
        X[(size_t) k] = magnitude > 1e-20f ? cross / magnitude : std::complex<float> {};
    }
    auto c = allocateReal ((size_t) size);
    fft.inverse (X.get(), c.get());
    double best = -1e300;
    const int64_t reach = std::min<int64_t> (maxOffsetFrames, size / 2 - 1);
    for (int64_t lag = -reach; lag <= reach; ++lag)
    {
        const double v = c[(size_t) ((lag + size) % size)];
        if (v > best)
        {
            best = v;
            result.offsetFrames = lag;
        }
    }
    // The plain normalised correlation at that lag, for how alike they are.
    double ea = 0, eb = 0, ab = 0;
    for (size_t n = 0; n < a.size(); ++n)
    {
        ea += (double) a[n] * a[n];
        const auto m = (int64_t) n + result.offsetFrames;
        if (m >= 0 && m < (int64_t) b.size())
            ab += (double) a[n] * b[(size_t) m];
    }
    for (const float v : b)
        eb += (double) v * v;
    result.correlation = ea > 0 && eb > 0 ? ab / std::sqrt (ea * eb) : 0.0;
    return result;
}

namespace
{
    std::vector<float> monoWindow (const std::filesystem::path& file, double seconds, double& rate)
    {
        AudioFileReader reader (file);
        const auto& info = reader.info();
        rate = info.sampleRate;
        const auto frames = std::min<int64_t> (info.frames, (int64_t) (seconds * info.sampleRate));
        std::vector<float> interleaved ((size_t) (frames * info.channels));
        reader.readInterleaved (interleaved.data(), frames);
        std::vector<float> mono ((size_t) frames);
        for (int64_t i = 0; i < frames; ++i)
        {
            float sum = 0;
            for (int ch = 0; ch < info.channels; ++ch)
                sum += interleaved[(size_t) (i * info.channels + ch)];
            mono[(size_t) i] = sum / (float) info.channels;
        }
        return mono;
    }
} // namespace

Alignment alignFiles (const std::filesystem::path& a, const std::filesystem::path& b, double maxOffsetSeconds, double windowSeconds)
{
    double rateA = 0, rateB = 0;
    const auto x = monoWindow (a, windowSeconds, rateA);
    const auto y = monoWindow (b, windowSeconds + maxOffsetSeconds, rateB);
    return alignSignals (x, y, (int64_t) (maxOffsetSeconds * rateA));
}
} // namespace crest
