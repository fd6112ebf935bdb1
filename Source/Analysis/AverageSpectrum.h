// The long-term average spectrum of a programme, for comparing tonal
// balance (a reference against a master, a mix against its master): Welch's
// method, Hann windows of about a third of a second (16384 samples at 44.1
// or 48 kHz: 3 Hz bins, fine enough for the 40 Hz band), half overlapped,
// power averaged over every frame and every channel. Levels are RMS in
// dBFS, so the bins' powers add up to the programme's mean square (a
// full-scale sine reads -3.01 dB in its band, as ProgramBalance reads it).
// Fed block by block; memory is one frame and one spectrum whatever the
// length. Off the audio thread (FFTW plans).
#pragma once

#include "Dsp/RealFft.h"

#include <array>
#include <cstdint>
#include <vector>

namespace crest
{
// What the meter found: plain data, kept in an analysis and compared later.
struct SpectrumProfile
{
    double sampleRate = 0;
    double binHz = 0;
    std::vector<double> binPower;   // mean square per bin; they sum to the programme's

    bool empty() const noexcept { return binPower.empty(); }
    // RMS in dBFS of what lies between two frequencies (bins counted by
    // how much of each falls inside): -inf for nothing.
    double bandDb (double lowHz, double highHz) const noexcept;
    // The level per hertz around `hz`, averaged over `octaves` (centred, in
    // log frequency), in dB: a smoothed curve for matching and drawing.
    // Differences between two profiles are the EQ that turns one into the
    // other.
    double smoothedDensityDb (double hz, double octaves) const noexcept;
    // bandDb over the 1/3-octave bands (ThirdOctaveBands), 20 Hz to 20 kHz;
    // bands above Nyquist are -inf.
    std::array<double, 31> thirdOctaveDb() const noexcept;
};

class AverageSpectrumMeter
{
public:
    AverageSpectrumMeter (int channels, double sampleRate);

    // `frames` interleaved frames of the prepared channel count.
    void add (const float* interleaved, int64_t frames);
    // Everything fed so far; a programme shorter than one window is
    // analysed as one window padded with silence.
    SpectrumProfile profile() const;

    static int fftSizeFor (double sampleRate) noexcept;

private:
    // Adds one window of `samples` to `into`, through the work arrays in and out.
    void analyseFrame (const float* samples, float* in, std::complex<float>* out, std::vector<double>& into) const;

    int channels;
    double rate;
    int size;
    RealFft fft;
    RealArray frame;
    ComplexArray bins;
    std::vector<float> window;
    double windowPower = 0;                    // sum of w^2: what a frame's power is divided by
    std::vector<std::vector<float>> history;   // per channel, the last `size` samples
    int64_t filled = 0;                        // samples in history since the last frame
    int64_t fed = 0;
    std::vector<double> powerSum;
    int64_t framesAnalysed = 0;
};
} // namespace crest
