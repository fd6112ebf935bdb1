// A real FFT of one size through FFTW (single precision): forward (real to
// half complex) and inverse (half complex to real, unnormalised: a round
// trip scales by size()). Plans are made in the constructor, which is not
// for the audio thread (FFTW's planner allocates and is not thread-safe:
// construct on the message thread); forward() and inverse() execute them
// on any arrays from allocateReal / allocateComplex, allocation-free and
// safe from any thread.
#pragma once

#include <complex>
#include <memory>

namespace crest
{
struct FftwFree
{
    void operator() (void* p) const noexcept;
};
using RealArray = std::unique_ptr<float[], FftwFree>;
using ComplexArray = std::unique_ptr<std::complex<float>[], FftwFree>;
RealArray allocateReal (size_t count);          // zeroed, SIMD-aligned
ComplexArray allocateComplex (size_t count);    // zeroed, SIMD-aligned

class RealFft
{
public:
    explicit RealFft (int size);
    ~RealFft();
    RealFft (const RealFft&) = delete;
    RealFft& operator= (const RealFft&) = delete;

    int size() const noexcept { return n; }
    int bins() const noexcept { return n / 2 + 1; }
    // in: size() reals; out: bins() complex. in may be overwritten.
    void forward (float* in, std::complex<float>* out) const noexcept;
    // in: bins() complex (overwritten); out: size() reals.
    void inverse (std::complex<float>* in, float* out) const noexcept;

private:
    int n;
    void* forwardPlan = nullptr;
    void* inversePlan = nullptr;
};
} // namespace crest
