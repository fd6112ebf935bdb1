#include "Saturation.h"

#include "Core/ModuleSpecs.h"
#include "Core/Units.h"
#include "FastDecibels.h"
#include "OnePole.h"
#include "WindowedSinc.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace crest
{
namespace
{
    constexpr double cutoff = 0.058;   // of the 8x rate: 22.3 kHz at 48 kHz, below the first image at 28 kHz

    using Lanes = float __attribute__ ((vector_size (16)));

    // tanh from the lanes' exp2: 1 - 2 / (e^(2x) + 1).
    Lanes tanhLanes (Lanes x) noexcept
    {
        x = x < -10.0f ? Lanes {} - 10.0f : (x > 10.0f ? Lanes {} + 10.0f : x);
        const Lanes e = fastExp2 (x * 2.8853900817779268f);   // 2 / ln 2
        return 1.0f - 2.0f / (e + 1.0f);
    }

    float dot (const float* a, const float* b, int n) noexcept
    {
        Lanes sum {};
        for (int j = 0; j < n; j += 4)
        {
            Lanes x, y;
            __builtin_memcpy (&x, a + j, sizeof (x));
            __builtin_memcpy (&y, b + j, sizeof (y));
            sum += x * y;
        }
        return (sum[0] + sum[1]) + (sum[2] + sum[3]);
    }
} // namespace

Saturation::Saturation() : ParameterizedProcessor (moduleSpecs::saturation)
{
    // The prototype: a Kaiser-windowed sinc at the 8x rate, centre 144,
    // gain 8 (each phase sums to about 1).
    std::array<double, filterLength> h {};
    double sum = 0;
    for (int k = 0; k < filterLength; ++k)
    {
        const double t = k - (filterLength - 1) / 2.0;
        const double sinc = t == 0 ? 2 * cutoff : std::sin (2 * std::numbers::pi * cutoff * t) / (std::numbers::pi * t);
        const double r = t / ((filterLength - 1) / 2.0);
        h[(size_t) k] = sinc * besselI0 (9.0 * std::sqrt (std::max (0.0, 1 - r * r))) / besselI0 (9.0);
        sum += h[(size_t) k];
    }
    for (auto& v : h)
        v *= oversampling / sum;
    // Interpolation: output p of an input sample n is sum_j h[p + 8j] x[n-j];
    // against the window (oldest first, x[n] last) the taps run backwards.
    for (int p = 0; p < oversampling; ++p)
        for (int j = 0; j < tapsPerPhase; ++j)
            if (const int k = p + oversampling * j; k < filterLength)
                phases[(size_t) p][(size_t) (tapsPerPhase - 1 - j)] = (float) h[(size_t) k];
    // Decimation: sum_k h[k] / 8 u[t-k], against the window oldest first.
    for (int k = 0; k < filterLength; ++k)
        decimator[(size_t) (paddedLength - 1 - k)] = (float) (h[(size_t) k] / oversampling);
}

void Saturation::prepare (const ProcessSpec& spec)
{
    glide = onePoleCoefficient (20.0, spec.sampleRate);
    // The interpolator and decimator each delay by 144 samples at 8x: 36 here.
    latency = (filterLength - 1) / oversampling;
    for (auto& d : dry)
        d.assign ((size_t) latency + 1, 0.0f);
    reset();
}

void Saturation::reset() noexcept
{
    for (auto& i : input)
        i.fill (0.0f);
    for (auto& c : curved)
        c.fill (0.0f);
    for (auto& d : dry)
        std::fill (d.begin(), d.end(), 0.0f);
    inputIndex = dryIndex = 0;
    curvedCount = 0;
    drive = dbToGain (parameter (driveDb));
    wet = parameter (mix) / 100.0;
    output = dbToGain (parameter (outputDb));
}

double Saturation::transfer (double x, bool tube, double driveDb, double mixPercent, double outputDb) noexcept
{
    const double g = dbToGain (driveDb);
    const double offset = std::tanh ((double) tubeBias), slope = 1.0 - offset * offset;
    const double curved = tube ? (std::tanh (x * g + tubeBias) - offset) / (g * slope) : std::tanh (x * g) / g;
    const double wet = mixPercent / 100.0;
    return dbToGain (outputDb) * (wet * curved + (1 - wet) * x);
}

void Saturation::process (AudioView io) noexcept
{
    const int channels = std::min (io.numChannels, 2);
    const double targetDrive = dbToGain (parameter (driveDb)), targetWet = parameter (mix) / 100.0;
    const double targetOutput = dbToGain (parameter (outputDb));
    const bool tube = parameter (curve) >= 0.5;
    const float biasOffset = std::tanh (tubeBias);
    const float biasSlope = 1.0f - biasOffset * biasOffset;   // tanh's slope at the bias
    for (int i = 0; i < io.numFrames; ++i)
    {
        drive = targetDrive + (drive - targetDrive) * glide;
        wet = targetWet + (wet - targetWet) * glide;
        output = targetOutput + (output - targetOutput) * glide;
        const float g = (float) drive;
        const int64_t t0 = curvedCount;   // the 8x time of this sample's phase 0
        for (int ch = 0; ch < channels; ++ch)
        {
            const float x = io.channels[ch][i];
            auto& in = input[(size_t) ch];
            in[(size_t) inputIndex] = x;
            in[(size_t) (inputIndex + tapsPerPhase)] = x;
            const float* window = in.data() + inputIndex + 1;   // the last 40 inputs, oldest first

            // Up to 8x, through the curve (unity slope for small signals:
            // drive adds saturation, not level).
            alignas (16) float up[oversampling];
            for (int p = 0; p < oversampling; ++p)
                up[p] = dot (phases[(size_t) p].data(), window, tapsPerPhase);
            for (int half = 0; half < oversampling; half += 4)
            {
                Lanes u;
                __builtin_memcpy (&u, up + half, sizeof (u));
                const Lanes y = tube ? (tanhLanes (u * g + tubeBias) - biasOffset) / (g * biasSlope) : tanhLanes (u * g) / g;
                __builtin_memcpy (up + half, &y, sizeof (y));
            }
            auto& c = curved[(size_t) ch];
            for (int p = 0; p < oversampling; ++p)
            {
                const auto at = (size_t) ((t0 + p) % curvedRing);
                c[at] = c[at + curvedRing] = up[p];
            }
            // Down again: the filtered value at this sample's phase 0.
            const auto start = (size_t) ((t0 + curvedRing - paddedLength + 1) % curvedRing);
            const float wetSample = dot (decimator.data(), c.data() + start, paddedLength);

            auto& d = dry[(size_t) ch];
            d[(size_t) dryIndex] = x;
            const float drySample = d[(size_t) ((dryIndex + 1) % (latency + 1))];
            io.channels[ch][i] = (float) (output * (wet * wetSample + (1 - wet) * drySample));
        }
        inputIndex = (inputIndex + 1) % tapsPerPhase;
        dryIndex = (dryIndex + 1) % (latency + 1);
        curvedCount += oversampling;
    }
}
} // namespace crest
