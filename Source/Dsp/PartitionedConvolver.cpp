#include "PartitionedConvolver.h"

#include <algorithm>

namespace crest
{
PartitionedFilter::PartitionedFilter (int chunkFrames, int partitions)
    : chunk (chunkFrames), count (partitions), stride (alignedBins (chunkFrames)),
      spectra (allocateComplex ((size_t) partitions * (size_t) alignedBins (chunkFrames)))
{
}

void PartitionedFilter::setFilter (const float* taps, const RealFft& fft, float* scratch)
{
    // Each partition zero-padded to 2P; the inverse FFT's 2P scaling is
    // taken out here, once, instead of per chunk.
    const float scale = 1.0f / (float) fft.size();
    for (int k = 0; k < count; ++k)
    {
        for (int i = 0; i < chunk; ++i)
            scratch[i] = taps[(size_t) k * (size_t) chunk + (size_t) i] * scale;
        std::fill (scratch + chunk, scratch + 2 * chunk, 0.0f);
        fft.forward (scratch, spectra.get() + (size_t) k * (size_t) stride);
    }
}

PartitionedConvolver::PartitionedConvolver (int chunkFrames, int partitions)
    : chunk (chunkFrames),
      count (partitions),
      bins (chunkFrames + 1),
      stride (alignedBins (chunkFrames)),
      window (allocateReal ((size_t) (2 * chunkFrames))),
      timeOut (allocateReal ((size_t) (2 * chunkFrames))),
      delayLine (allocateComplex ((size_t) partitions * (size_t) alignedBins (chunkFrames))),
      sum (allocateComplex ((size_t) (chunkFrames + 1))),
      fadeSum (allocateComplex ((size_t) (chunkFrames + 1)))
{
}

void PartitionedConvolver::reset() noexcept
{
    std::fill (window.get(), window.get() + 2 * chunk, 0.0f);
    std::fill (delayLine.get(), delayLine.get() + (size_t) count * (size_t) stride, std::complex<float> {});
    head = 0;
}

void PartitionedConvolver::accumulate (const PartitionedFilter& filter, std::complex<float>* out) const noexcept
{
    std::fill (out, out + bins, std::complex<float> {});
    for (int k = 0; k < count; ++k)
    {
        // Partition k meets the input spectrum k chunks old.
        const auto* x = delayLine.get() + (size_t) ((head - k + count) % count) * (size_t) stride;
        const auto* h = filter.partition (k);
        for (int b = 0; b < bins; ++b)
        {
            // Written out: std::complex's operator* checks for NaN and is slow.
            const float re = x[b].real() * h[b].real() - x[b].imag() * h[b].imag();
            const float im = x[b].real() * h[b].imag() + x[b].imag() * h[b].real();
            out[b] = { out[b].real() + re, out[b].imag() + im };
        }
    }
}

void PartitionedConvolver::processChunk (const float* in, float* out, const RealFft& fft, const PartitionedFilter& filter,
                                         const PartitionedFilter* fadeFrom) noexcept
{
    // Slide the window on by one chunk and take its spectrum into the delay line.
    std::copy (window.get() + chunk, window.get() + 2 * chunk, window.get());
    std::copy (in, in + chunk, window.get() + chunk);
    head = (head + 1) % count;
    auto* newest = delayLine.get() + (size_t) head * (size_t) stride;
    std::copy (window.get(), window.get() + 2 * chunk, timeOut.get());   // forward() may overwrite its input
    fft.forward (timeOut.get(), newest);

    accumulate (filter, sum.get());
    fft.inverse (sum.get(), timeOut.get());
    // Overlap-save: the second half is this chunk's output.
    std::copy (timeOut.get() + chunk, timeOut.get() + 2 * chunk, out);
    if (fadeFrom == nullptr)
        return;
    accumulate (*fadeFrom, fadeSum.get());
    fft.inverse (fadeSum.get(), timeOut.get());
    for (int i = 0; i < chunk; ++i)
    {
        const float t = (float) (i + 1) / (float) chunk;
        const float before = timeOut[(size_t) (chunk + i)];
        out[i] = before + t * (out[i] - before);
    }
}
} // namespace crest
