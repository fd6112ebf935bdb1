#include "Reverb.h"

#include "Core/ModuleSpecs.h"

#include <Eigen/Dense>

#include <algorithm>
#include <bit>
#include <cmath>
#include <numbers>

namespace crest
{
namespace
{
    // Line lengths of a medium hall, in ms: spread, and mutually prime once
    // in samples at any common rate (rounded to odd numbers), so their
    // echoes do not line up into a flutter.
    constexpr double lineMs[Reverb::numLines] = { 29.7, 37.1, 41.1, 43.7, 53.0, 59.3, 67.1, 73.9 };
    constexpr double earlyMs[8] = { 4.3, 7.9, 11.3, 17.2, 23.9, 31.1, 43.7, 59.9 };
    constexpr float earlyGains[8] = { 0.84f, -0.71f, 0.60f, -0.52f, 0.44f, -0.37f, 0.30f, -0.24f };
    constexpr float earlySide[8] = { 1.0f, -1.0f, 1.0f, 1.0f, -1.0f, 1.0f, -1.0f, -1.0f };

    // Twice the longest line at size 200 %, the longest early tap, pre-delay.
    constexpr double maxLineMs = 2.0 * 73.9 + 1.0;
    constexpr double silenceLevel = 1.0e-10;   // -200 dBFS

    // The ring position `delay` samples before `index`, without a division
    // (delay is below size: the buffers are sized for the longest delay).
    inline size_t behind (size_t index, size_t delay, size_t size) noexcept
    {
        return index >= delay ? index - delay : index + size - delay;
    }

    const Eigen::Matrix<float, 8, 8>& hadamard()
    {
        static const Eigen::Matrix<float, 8, 8> h = [] {
            Eigen::Matrix<float, 8, 8> m;
            for (int r = 0; r < 8; ++r)
                for (int c = 0; c < 8; ++c)
                    m (r, c) = (std::popcount ((unsigned) (r & c)) % 2 == 0 ? 1.0f : -1.0f) / std::sqrt (8.0f);
            return m;
        }();
        return h;
    }
} // namespace

Reverb::Reverb() : ParameterizedProcessor (moduleSpecs::reverb)
{
    hadamard();   // built here, never on the audio thread
}

void Reverb::prepare (const ProcessSpec& spec)
{
    sampleRate = spec.sampleRate;
    const auto lineCapacity = (size_t) std::ceil (maxLineMs * 0.001 * sampleRate) + 2;
    for (auto& line : lines)
        line.assign (lineCapacity, 0.0f);
    preDelayLine.assign ((size_t) std::ceil (0.2 * sampleRate) + 2, 0.0f);
    earlyLine.assign ((size_t) std::ceil (2.0 * earlyMs[7] * 0.001 * sampleRate) + 2, 0.0f);
    configured.fill (-1.0);
    reset();
}

void Reverb::reset() noexcept
{
    for (auto& line : lines)
        std::fill (line.begin(), line.end(), 0.0f);
    std::fill (preDelayLine.begin(), preDelayLine.end(), 0.0f);
    std::fill (earlyLine.begin(), earlyLine.end(), 0.0f);
    dampingState.fill (0.0f);
    writeIndex = preDelayIndex = earlyIndex = 0;
    silent = true;
    configure();
}

void Reverb::configure() noexcept
{
    const double scale = parameter (size) / 100.0;
    const double rt60 = parameter (decaySeconds);
    const double damp = parameter (damping) / 100.0;
    for (int i = 0; i < numLines; ++i)
    {
        int length = (int) std::lround (lineMs[i] * scale * 0.001 * sampleRate) | 1;
        lengths[(size_t) i] = std::min (length, (int) lines[(size_t) i].size() - 1);
        // 60 dB in rt60 seconds: each pass through a line of L samples
        // loses 60 L / (rt60 fs) dB. The Hadamard mix is lossless.
        const double passDb = -60.0 * lengths[(size_t) i] / (rt60 * sampleRate);
        gains[(size_t) i] = (float) std::pow (10.0, passDb / 20);
        // At Nyquist the decay is shorter: rt60 x (1 - 0.9 damping). The
        // one-pole low-pass (1 - b) / (1 - b z^-1) supplies the extra loss
        // there: its Nyquist gain (1 - b) / (1 + b) = g.
        const double nyquistRt = rt60 * (1.0 - 0.9 * damp);
        const double extraDb = -60.0 * lengths[(size_t) i] / sampleRate * (1.0 / nyquistRt - 1.0 / rt60);
        const double g = std::pow (10.0, extraDb / 20);
        dampingPoles[(size_t) i] = (float) ((1 - g) / (1 + g));
    }
    preDelaySamples = std::min ((int) std::lround (parameter (preDelayMs) * 0.001 * sampleRate), (int) preDelayLine.size() - 1);
    for (int t = 0; t < 8; ++t)
        earlyTaps[(size_t) t] = std::min ((int) std::lround (earlyMs[t] * scale * 0.001 * sampleRate), (int) earlyLine.size() - 1);
    for (size_t p = 0; p < configured.size(); ++p)
        configured[p] = parameter (p);
}

void Reverb::process (AudioView io) noexcept
{
    bool changed = false;
    for (size_t p = 0; p < configured.size(); ++p)
        changed = changed || configured[p] != parameter (p);
    if (changed)
        configure();

    const int channels = std::min (io.numChannels, 2);
    // Silent in, silent tail: nothing to do, and the output is the dry signal.
    float inputPeak = 0.0f;
    for (int ch = 0; ch < channels; ++ch)
        for (int i = 0; i < io.numFrames; ++i)
            inputPeak = std::max (inputPeak, std::abs (io.channels[ch][i]));
    const float wet = (float) (parameter (mix) / 100.0);
    if (silent && inputPeak <= silenceLevel)
    {
        for (int ch = 0; ch < channels; ++ch)
            for (int i = 0; i < io.numFrames; ++i)
                io.channels[ch][i] *= 1.0f - wet;
        return;
    }
    silent = false;

    const float early = (float) (parameter (earlyLevel) / 100.0);
    const float w = (float) (parameter (width) / 100.0);
    const auto& mixMatrix = hadamard();
    const size_t lineSize = lines[0].size(), preSize = preDelayLine.size(), earlySize = earlyLine.size();
    float tailPeak = 0.0f;
    Eigen::Matrix<float, 8, 1> outputs, fed;
    for (int i = 0; i < io.numFrames; ++i)
    {
        const float dryLeft = io.channels[0][i], dryRight = io.channels[channels - 1][i];
        preDelayLine[preDelayIndex] = 0.5f * (dryLeft + dryRight);
        const float input = preDelayLine[behind (preDelayIndex, (size_t) preDelaySamples, preSize)];
        preDelayIndex = preDelayIndex + 1 == preSize ? 0 : preDelayIndex + 1;

        earlyLine[earlyIndex] = input;
        float earlyLeft = 0.0f, earlyRight = 0.0f;
        for (int t = 0; t < 8; ++t)
        {
            const float tap = earlyGains[t] * earlyLine[behind (earlyIndex, (size_t) earlyTaps[(size_t) t], earlySize)];
            earlyLeft += tap;
            earlyRight += tap * earlySide[t];
        }
        earlyIndex = earlyIndex + 1 == earlySize ? 0 : earlyIndex + 1;

        for (int l = 0; l < numLines; ++l)
        {
            // Each line: delay, then its loss and its damping filter.
            const float delayed = lines[(size_t) l][behind (writeIndex, (size_t) lengths[(size_t) l], lineSize)];
            auto& state = dampingState[(size_t) l];
            state = (1.0f - dampingPoles[(size_t) l]) * delayed * gains[(size_t) l] + dampingPoles[(size_t) l] * state;
            outputs (l) = state;
        }
        fed.noalias() = mixMatrix * outputs;
        for (int l = 0; l < numLines; ++l)
            lines[(size_t) l][writeIndex] = fed (l) + (l % 2 == 0 ? input : -input);
        writeIndex = writeIndex + 1 == lineSize ? 0 : writeIndex + 1;

        // Two decorrelated outputs from opposite-signed sums of the lines.
        const float left = 0.35f * (outputs (0) + outputs (2) + outputs (4) + outputs (6)) + early * 0.5f * earlyLeft;
        const float right = 0.35f * (outputs (1) + outputs (3) + outputs (5) + outputs (7)) + early * 0.5f * earlyRight;
        const float mid = 0.5f * (left + right), side = 0.5f * (left - right) * w;
        tailPeak = std::max ({ tailPeak, std::abs (left), std::abs (right) });
        io.channels[0][i] = dryLeft * (1.0f - wet) + (mid + side) * wet;
        if (channels > 1)
            io.channels[1][i] = dryRight * (1.0f - wet) + (mid - side) * wet;
    }
    if (inputPeak <= silenceLevel && tailPeak <= silenceLevel)
    {
        // The tail is inaudible by 80 dB and more: end it in exact zeros.
        for (auto& line : lines)
            std::fill (line.begin(), line.end(), 0.0f);
        std::fill (preDelayLine.begin(), preDelayLine.end(), 0.0f);
        std::fill (earlyLine.begin(), earlyLine.end(), 0.0f);
        dampingState.fill (0.0f);
        silent = true;
    }
}
} // namespace crest
