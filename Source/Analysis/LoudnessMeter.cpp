#include "LoudnessMeter.h"

#include "Core/CrestError.h"
#include "Dsp/TruePeakDetector.h"

#include <ebur128.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

namespace crest
{
namespace
{
    constexpr double minusInfinity = -std::numeric_limits<double>::infinity();

    double levelDb (double gain) noexcept { return gain > 0 ? 20 * std::log10 (gain) : minusInfinity; }

    // The BS.1770 K-weighting (a high shelf, then a high-pass) at any rate,
    // from the analog parameters the standard's 48 kHz coefficients come
    // from (the same derivation libebur128 uses).
    struct KWeighting
    {
        double b[2][3], a[2][3];

        explicit KWeighting (double rate) noexcept
        {
            const double shelfHz = 1681.974450955533, shelfGainDb = 3.999843853973347, shelfQ = 0.7071752369554196;
            double k = std::tan (std::numbers::pi * shelfHz / rate);
            const double vh = std::pow (10.0, shelfGainDb / 20.0), vb = std::pow (vh, 0.4996667741545416);
            double a0 = 1.0 + k / shelfQ + k * k;
            b[0][0] = (vh + vb * k / shelfQ + k * k) / a0;
            b[0][1] = 2.0 * (k * k - vh) / a0;
            b[0][2] = (vh - vb * k / shelfQ + k * k) / a0;
            a[0][0] = 1.0;
            a[0][1] = 2.0 * (k * k - 1.0) / a0;
            a[0][2] = (1.0 - k / shelfQ + k * k) / a0;

            const double highPassHz = 38.13547087602444, highPassQ = 0.5003270373238773;
            k = std::tan (std::numbers::pi * highPassHz / rate);
            a0 = 1.0 + k / highPassQ + k * k;
            b[1][0] = 1.0;
            b[1][1] = -2.0;
            b[1][2] = 1.0;
            a[1][0] = 1.0;
            a[1][1] = 2.0 * (k * k - 1.0) / a0;
            a[1][2] = (1.0 - k / highPassQ + k * k) / a0;
        }
    };

    // How much each channel weighs (BS.1770 G), and its libebur128 role.
    struct ChannelRole
    {
        double weight;
        int ebur128Channel;
    };

    std::vector<ChannelRole> rolesFor (int channels, ChannelCounting counting)
    {
        constexpr ChannelRole left { 1.0, EBUR128_LEFT }, right { 1.0, EBUR128_RIGHT }, centre { 1.0, EBUR128_CENTER },
            lfe { 0.0, EBUR128_UNUSED }, leftSurround { 1.41, EBUR128_LEFT_SURROUND }, rightSurround { 1.41, EBUR128_RIGHT_SURROUND };
        switch (channels)
        {
            case 1: return { counting == ChannelCounting::dualMono ? ChannelRole { 2.0, EBUR128_DUAL_MONO } : centre };
            case 2: return { left, right };
            case 3: return { left, right, centre };
            case 4: return { left, right, leftSurround, rightSurround };
            case 5: return { left, right, centre, leftSurround, rightSurround };
            case 6: return { left, right, centre, lfe, leftSurround, rightSurround };
            case 7: return { left, right, centre, lfe, leftSurround, rightSurround, leftSurround };
            case 8: return { left, right, centre, lfe, leftSurround, rightSurround, leftSurround, rightSurround };
            default: return {};
        }
    }

    // Momentary and short-term loudness slide in 10 ms hops, so their
    // maxima are found to within 5 ms of the best alignment (Tech 3341
    // cases 13 and 14 offset 400 ms bursts in 20 ms steps; a 100 ms hop
    // would read them up to 0.6 dB low).
    constexpr int hopsPerSecond = 100, momentaryHops = 40, shortTermHops = 300;
    constexpr int64_t chunkFrames = 4096;
} // namespace

struct LoudnessMeter::State
{
    ebur128_state* ebu = nullptr;
    std::vector<ChannelRole> roles;
    KWeighting weighting;
    std::vector<std::array<double, 4>> filterState;   // per channel: two sections' s1, s2
    std::vector<TruePeakDetector> truePeaks;          // one per pair of channels
    std::vector<float> planar;                        // one chunk, channel after channel

    int hopFrames;
    int hopFilled = 0;
    double hopEnergy = 0;                             // weighted sum of squares so far in this hop
    std::array<double, shortTermHops> hopEnergies {};   // the last 300 hops, a ring
    int64_t hopsDone = 0;

    float truePeak = 0;
    double samplePeak = 0, sumSquares = 0, sumLR = 0, sumLL = 0, sumRR = 0;
    double maxMomentary = minusInfinity, maxShortTerm = minusInfinity;
    int64_t frames = 0;

    State (double rate) : weighting (rate), hopFrames (std::max (1, (int) std::lround (rate / hopsPerSecond))) {}
    ~State() { ebur128_destroy (&ebu); }

    // The loudness of the last `hops` hops; -inf before that many have passed.
    double windowLoudness (int hops) const noexcept
    {
        if (hopsDone < hops)
            return minusInfinity;
        double energy = 0;
        for (int i = 1; i <= hops; ++i)
            energy += hopEnergies[(size_t) ((hopsDone - i) % shortTermHops)];
        const double mean = energy / ((double) hops * hopFrames);
        return mean > 0 ? -0.691 + 10 * std::log10 (mean) : minusInfinity;
    }
};

LoudnessMeter::LoudnessMeter (int channels, double sampleRate, ChannelCounting channelCounting)
    : channelCount (channels), rate (sampleRate), counting (channelCounting)
{
    if (channels < 1 || channels > 8)
        throw CrestError ("cannot measure the loudness of " + std::to_string (channels) + " channels (1 to 8 can be measured)");
    if (! (sampleRate >= 8000 && sampleRate <= 384000))
        throw CrestError ("cannot measure loudness at " + std::to_string ((int) sampleRate) + " Hz (8 kHz to 384 kHz can be measured)");
    state = std::make_unique<State> (sampleRate);
    state->roles = rolesFor (channels, counting);
    state->ebu = ebur128_init ((unsigned) channels, (unsigned long) std::lround (sampleRate), EBUR128_MODE_I | EBUR128_MODE_LRA);
    if (state->ebu == nullptr)
        throw CrestError ("cannot measure loudness: libebur128 refused " + std::to_string (channels) + " channels at "
                          + std::to_string ((int) sampleRate) + " Hz");
    for (int ch = 0; ch < channels; ++ch)
        ebur128_set_channel (state->ebu, (unsigned) ch, state->roles[(size_t) ch].ebur128Channel);
    state->filterState.assign ((size_t) channels, {});
    state->truePeaks.resize ((size_t) (channels + 1) / 2);
    state->planar.resize ((size_t) (chunkFrames * channels));
}

LoudnessMeter::~LoudnessMeter() = default;

void LoudnessMeter::add (const float* interleaved, int64_t frames)
{
    for (int64_t done = 0; done < frames;)
    {
        const int64_t n = std::min (chunkFrames, frames - done);
        addChunk (interleaved + done * channelCount, n);
        done += n;
    }
}

void LoudnessMeter::addChunk (const float* interleaved, int64_t n)
{
    auto& s = *state;
    ebur128_add_frames_float (s.ebu, interleaved, (size_t) n);

    // Channel after channel: sample peak, energy, and the pair sums.
    for (int ch = 0; ch < channelCount; ++ch)
    {
        float* channel = s.planar.data() + (size_t) (ch * n);
        for (int64_t i = 0; i < n; ++i)
        {
            const float x = interleaved[i * channelCount + ch];
            channel[i] = x;
            s.samplePeak = std::max (s.samplePeak, (double) std::abs (x));
            s.sumSquares += (double) x * x;
        }
    }
    if (channelCount == 2)
        for (int64_t i = 0; i < n; ++i)
        {
            const double l = s.planar[(size_t) i], r = s.planar[(size_t) (n + i)];
            s.sumLR += l * r;
            s.sumLL += l * l;
            s.sumRR += r * r;
        }
    for (int pair = 0; pair < (int) s.truePeaks.size(); ++pair)
    {
        const float* channels[2] = { s.planar.data() + (size_t) (2 * pair * n), s.planar.data() + (size_t) (std::min (2 * pair + 1, channelCount - 1) * n) };
        s.truePeak = std::max (s.truePeak, s.truePeaks[(size_t) pair].process (channels, std::min (2, channelCount - 2 * pair), (int) n));
    }

    // K-weighted energy, hop by hop; momentary and short-term at each hop's end.
    for (int64_t start = 0; start < n;)
    {
        const int64_t length = std::min (n - start, (int64_t) (s.hopFrames - s.hopFilled));
        for (int ch = 0; ch < channelCount; ++ch)
        {
            const double weight = s.roles[(size_t) ch].weight;
            if (weight == 0)
                continue;
            // The filter's state in locals, so it stays in registers.
            auto& filter = s.filterState[(size_t) ch];
            double s1 = filter[0], s2 = filter[1], t1 = filter[2], t2 = filter[3];
            const double b00 = s.weighting.b[0][0], b01 = s.weighting.b[0][1], b02 = s.weighting.b[0][2];
            const double a01 = s.weighting.a[0][1], a02 = s.weighting.a[0][2], a11 = s.weighting.a[1][1], a12 = s.weighting.a[1][2];
            const float* channel = s.planar.data() + (size_t) (ch * n) + start;
            double energy = 0;
            for (int64_t i = 0; i < length; ++i)
            {
                const double x = channel[i];
                const double y = b00 * x + s1;
                s1 = b01 * x - a01 * y + s2;
                s2 = b02 * x - a02 * y;
                const double z = y + t1;   // the high-pass's b = (1, -2, 1)
                t1 = -2 * y - a11 * z + t2;
                t2 = y - a12 * z;
                energy += z * z;
            }
            filter = { s1, s2, t1, t2 };
            s.hopEnergy += weight * energy;
        }
        s.hopFilled += (int) length;
        start += length;
        if (s.hopFilled == s.hopFrames)
        {
            s.hopEnergies[(size_t) (s.hopsDone % shortTermHops)] = s.hopEnergy;
            ++s.hopsDone;
            s.hopEnergy = 0;
            s.hopFilled = 0;
            s.maxMomentary = std::max (s.maxMomentary, s.windowLoudness (momentaryHops));
            s.maxShortTerm = std::max (s.maxShortTerm, s.windowLoudness (shortTermHops));
        }
    }
    s.frames += n;
}

double LoudnessMeter::integratedOfAll (const std::vector<const LoudnessMeter*>& meters)
{
    // In one order whatever the caller's, so the sum is the same to the
    // last bit: an album measured in a new track order gives the same number.
    auto sorted = meters;
    std::sort (sorted.begin(), sorted.end(), [] (const LoudnessMeter* a, const LoudnessMeter* b) {
        const auto ka = std::make_pair (a->state->frames, a->reading().integratedLufs);
        const auto kb = std::make_pair (b->state->frames, b->reading().integratedLufs);
        return ka < kb;
    });
    std::vector<ebur128_state*> states;
    for (const auto* m : sorted)
        states.push_back (m->state->ebu);
    double lufs = minusInfinity;
    if (states.empty() || ebur128_loudness_global_multiple (states.data(), states.size(), &lufs) != EBUR128_SUCCESS || ! std::isfinite (lufs))
        return minusInfinity;
    return lufs;
}

LoudnessReading LoudnessMeter::reading() const
{
    const auto& s = *state;
    LoudnessReading r {};
    r.seconds = (double) s.frames / rate;
    if (ebur128_loudness_global (s.ebu, &r.integratedLufs) != EBUR128_SUCCESS || ! std::isfinite (r.integratedLufs))
        r.integratedLufs = minusInfinity;
    if (ebur128_loudness_range (s.ebu, &r.loudnessRangeLu) != EBUR128_SUCCESS || ! std::isfinite (r.loudnessRangeLu))
        r.loudnessRangeLu = 0;
    r.momentaryLufs = s.windowLoudness (momentaryHops);
    r.shortTermLufs = s.windowLoudness (shortTermHops);
    r.maxMomentaryLufs = s.maxMomentary;
    r.maxShortTermLufs = s.maxShortTerm;

    // The detectors lag by half their filter: run copies on through
    // silence so the last samples' inter-sample peaks count.
    float truePeak = s.truePeak;
    const std::array<float, 2 * TruePeakDetector::tapsPerPhase> silence {};
    const float* silent[2] = { silence.data(), silence.data() };
    for (auto detector : s.truePeaks)
        truePeak = std::max (truePeak, detector.process (silent, 2, (int) silence.size()));
    r.truePeakDbtp = levelDb (truePeak);
    r.samplePeakDbfs = levelDb (s.samplePeak);
    r.rmsDbfs = s.frames > 0 ? levelDb (std::sqrt (s.sumSquares / ((double) s.frames * channelCount))) : minusInfinity;
    r.correlation = s.sumLL > 0 && s.sumRR > 0 ? s.sumLR / std::sqrt (s.sumLL * s.sumRR) : 1.0;
    return r;
}

double LoudnessMeter::momentaryLufs() const noexcept { return state->windowLoudness (momentaryHops); }
double LoudnessMeter::shortTermLufs() const noexcept { return state->windowLoudness (shortTermHops); }

std::string LoudnessMeter::layoutDescription() const
{
    switch (channelCount)
    {
        case 1: return counting == ChannelCounting::dualMono ? "mono, counted twice (dual mono)" : "mono, counted once (BS.1770)";
        case 2: return "stereo";
        case 3: return "3.0: L R C";
        case 4: return "4.0: L R Ls Rs";
        case 5: return "5.0: L R C Ls Rs";
        case 6: return "5.1: L R C LFE Ls Rs (LFE not counted)";
        case 7: return "6.1: L R C LFE Ls Rs Cs (LFE not counted)";
        default: return "7.1: L R C LFE Ls Rs Lb Rb (LFE not counted)";
    }
}
} // namespace crest
