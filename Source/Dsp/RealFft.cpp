#include "RealFft.h"

#include <fftw3.h>

#include <algorithm>
#include <mutex>

namespace crest
{
namespace
{
    // FFTW's planner is not thread-safe: plans made from two threads (two
    // engines preparing, a test and a render) take turns.
    std::mutex& plannerLock()
    {
        static std::mutex lock;
        return lock;
    }
} // namespace

void FftwFree::operator() (void* p) const noexcept
{
    fftwf_free (p);
}

RealArray allocateReal (size_t count)
{
    RealArray a (static_cast<float*> (fftwf_malloc (sizeof (float) * std::max<size_t> (1, count))));
    std::fill (a.get(), a.get() + count, 0.0f);
    return a;
}

ComplexArray allocateComplex (size_t count)
{
    ComplexArray a (static_cast<std::complex<float>*> (fftwf_malloc (sizeof (std::complex<float>) * std::max<size_t> (1, count))));
    std::fill (a.get(), a.get() + count, std::complex<float> {});
    return a;
}

RealFft::RealFft (int size) : n (size)
{
    auto real = allocateReal ((size_t) n);
    auto spectrum = allocateComplex ((size_t) bins());
    const std::lock_guard<std::mutex> lock (plannerLock());
    forwardPlan = fftwf_plan_dft_r2c_1d (n, real.get(), reinterpret_cast<fftwf_complex*> (spectrum.get()), FFTW_ESTIMATE);
    inversePlan = fftwf_plan_dft_c2r_1d (n, reinterpret_cast<fftwf_complex*> (spectrum.get()), real.get(), FFTW_ESTIMATE);
}

RealFft::~RealFft()
{
    const std::lock_guard<std::mutex> lock (plannerLock());
    fftwf_destroy_plan (static_cast<fftwf_plan> (forwardPlan));
    fftwf_destroy_plan (static_cast<fftwf_plan> (inversePlan));
}

void RealFft::forward (float* in, std::complex<float>* out) const noexcept
{
    fftwf_execute_dft_r2c (static_cast<fftwf_plan> (forwardPlan), in, reinterpret_cast<fftwf_complex*> (out));
}

void RealFft::inverse (std::complex<float>* in, float* out) const noexcept
{
    fftwf_execute_dft_c2r (static_cast<fftwf_plan> (inversePlan), reinterpret_cast<fftwf_complex*> (in), out);
}
} // namespace crest
