// A live spectrum for the EQ editor: the last 4096 samples (Hann window,
// 50 % overlap) as a power spectrum in dB, calibrated so a full-scale sine
// reads 0 dB at its frequency, held with a falling release so it reads
// like a hardware analyser. levelAt() smooths over a sixth of an octave,
// so the curve is readable at every frequency.
//
// One thread (the message thread, from a timer); never the audio thread.
// JUCE-free.
#pragma once

#include "Dsp/RealFft.h"

#include <vector>

namespace crest
{
class SpectrumAnalyser
{
public:
    static constexpr int fftSize = 4096;

    explicit SpectrumAnalyser (double sampleRate);

    // New samples; returns true when at least one new spectrum was made.
    bool push (const float* samples, size_t count);
    // Back to silence (a new signal, the editor reopened).
    void reset();

    // dB of a sine's peak at `hz` (-inf below -140), averaged over a sixth of an octave.
    double levelAt (double hz) const noexcept;
    double sampleRate() const noexcept { return rate; }

private:
    void analyse();

    double rate;
    RealFft fft;
    RealArray frame;
    ComplexArray bins;
    std::vector<float> window, history;
    std::vector<double> powerDb;   // per bin, held with release
    size_t filled = 0;
    double releaseDbPerFrame;
};
} // namespace crest
