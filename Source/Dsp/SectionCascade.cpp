#include "SectionCascade.h"

#include <utility>

namespace crest
{
namespace
{
    // Both channels of one sample (GCC/Clang vector extension: plain SSE2
    // arithmetic, each lane rounded exactly as a scalar double would be).
    using Pair = double __attribute__ ((vector_size (16)));

    Pair splat (double v) noexcept { return Pair { v, v }; }

    struct PairSection
    {
        Pair b0, b1, b2, a1, a2;
    };

    PairSection pairOf (const BiquadCoefficients& c) noexcept
    {
        return { splat (c.b0), splat (c.b1), splat (c.b2), splat (c.a1), splat (c.a2) };
    }

    // Transposed direct form II, as BiquadState::process.
    inline Pair step (const PairSection& c, Pair x, Pair& s1, Pair& s2) noexcept
    {
        const Pair y = c.b0 * x + s1;
        s1 = c.b1 * x - c.a1 * y + s2;
        s2 = c.b2 * x - c.a2 * y;
        return y;
    }

    template <int N>
    void stillRun (float* left, float* right, int n, const CascadeSection* sections) noexcept
    {
        // N is known here, so the section loop unrolls and the states live
        // in registers for the whole run.
        PairSection c[N];
        Pair s1[N], s2[N];
#pragma GCC unroll 16
        for (int k = 0; k < N; ++k)
        {
            c[k] = pairOf (*sections[k].to);
            const auto& state = *sections[k].state;
            s1[k] = Pair { state[0].s1, state[1].s1 };
            s2[k] = Pair { state[0].s2, state[1].s2 };
        }
        const float* rightIn = right != nullptr ? right : left;   // mono: the right lane is a spare
        for (int i = 0; i < n; ++i)
        {
            Pair x { (double) left[i], (double) rightIn[i] };
#pragma GCC unroll 16
            for (int k = 0; k < N; ++k)
                x = step (c[k], x, s1[k], s2[k]);
            left[i] = (float) x[0];
            if (right != nullptr)
                right[i] = (float) x[1];
        }
#pragma GCC unroll 16
        for (int k = 0; k < N; ++k)
        {
            auto& state = *sections[k].state;
            state[0].s1 = s1[k][0];
            state[1].s1 = s1[k][1];
            state[0].s2 = s2[k][0];
            state[1].s2 = s2[k][1];
        }
    }

    template <int... Ns>
    void stillRunOf (int count, float* left, float* right, int n, const CascadeSection* sections,
                     std::integer_sequence<int, Ns...>) noexcept
    {
        ((count == Ns + 1 ? stillRun<Ns + 1> (left, right, n, sections) : void()), ...);
    }

    void movingRun (float* left, float* right, int n, const CascadeSection* sections, int count, int segmentPosition,
                    int segmentFrames) noexcept
    {
        Pair s1[maxCascadeSections], s2[maxCascadeSections];
        for (int k = 0; k < count; ++k)
        {
            const auto& state = *sections[k].state;
            s1[k] = Pair { state[0].s1, state[1].s1 };
            s2[k] = Pair { state[0].s2, state[1].s2 };
        }
        const float* rightIn = right != nullptr ? right : left;
        for (int i = 0; i < n; ++i)
        {
            const double t = (double) (segmentPosition + i + 1) / segmentFrames;
            Pair x { (double) left[i], (double) rightIn[i] };
            for (int k = 0; k < count; ++k)
                x = step (pairOf (interpolate (*sections[k].from, *sections[k].to, t)), x, s1[k], s2[k]);
            left[i] = (float) x[0];
            if (right != nullptr)
                right[i] = (float) x[1];
        }
        for (int k = 0; k < count; ++k)
        {
            auto& state = *sections[k].state;
            state[0].s1 = s1[k][0];
            state[1].s1 = s1[k][1];
            state[0].s2 = s2[k][0];
            state[1].s2 = s2[k][1];
        }
    }
} // namespace

void processCascade (float* left, float* right, int n, const CascadeSection* sections, int count, bool moving,
                     int segmentPosition, int segmentFrames) noexcept
{
    if (count <= 0 || n <= 0)
        return;
    if (moving)
        movingRun (left, right, n, sections, count, segmentPosition, segmentFrames);
    else
        stillRunOf (count, left, right, n, sections, std::make_integer_sequence<int, maxCascadeSections> {});
}
} // namespace crest
