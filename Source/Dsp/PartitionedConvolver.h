// Uniformly partitioned overlap-save convolution (one channel) of a long
// FIR: the filter cut into K partitions of P samples, each held as the
// spectrum of a 2P-point FFT; the input's spectra kept in a frequency-
// domain delay line; each chunk of P input samples costs one forward and
// one inverse FFT and K complex multiply-adds per bin, and yields the P
// output samples of that chunk (so the output lags the input by P, plus
// the filter's own delay). A chunk can be computed with a second filter
// too and cross-faded into it, so a filter can change without a click.
// Audio thread: processChunk() is noexcept and allocation-free.
#pragma once

#include "RealFft.h"

namespace crest
{
// Spectra laid end to end start on 32-byte boundaries, as FFTW's SIMD
// code needs of every array it is handed (the plans were made on such).
constexpr int alignedBins (int chunkFrames) noexcept { return (chunkFrames + 1 + 3) & ~3; }

// A FIR as partition spectra, for a convolver of chunk size P. Built off
// the audio thread (setFilter() runs FFTs, but allocates nothing).
class PartitionedFilter
{
public:
    PartitionedFilter (int chunkFrames, int partitions);
    // taps: partitions * chunkFrames samples; fft: size 2 * chunkFrames.
    void setFilter (const float* taps, const RealFft& fft, float* scratch);
    int partitions() const noexcept { return count; }
    const std::complex<float>* partition (int k) const noexcept { return spectra.get() + (size_t) k * (size_t) stride; }

private:
    int chunk, count, stride;
    ComplexArray spectra;
};

class PartitionedConvolver
{
public:
    PartitionedConvolver (int chunkFrames, int partitions);
    void reset() noexcept;
    // in, out: chunkFrames samples. With `fadeFrom`, the chunk is computed
    // with both filters and cross-fades linearly from fadeFrom's to filter's.
    void processChunk (const float* in, float* out, const RealFft& fft, const PartitionedFilter& filter,
                       const PartitionedFilter* fadeFrom = nullptr) noexcept;

private:
    void accumulate (const PartitionedFilter& filter, std::complex<float>* sum) const noexcept;

    int chunk, count, bins, stride;
    RealArray window, timeOut;        // [previous chunk | this chunk]; an inverse FFT's result
    ComplexArray delayLine, sum, fadeSum;   // count spectra of the input, newest at head
    int head = 0;
};
} // namespace crest
