// Small, deterministic synthesis building blocks for the demo song: a
// seeded noise source, an RBJ biquad and a few envelopes. They make test
// material, not product DSP, so they favour clarity over speed.
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>

namespace crest::demo
{
inline constexpr double twoPi = 2.0 * std::numbers::pi;

class Noise
{
public:
    explicit Noise (uint64_t seed) : state (seed * 0x9E3779B97F4A7C15ull + 1) {}
    double next() noexcept   // uniform in [-1, 1)
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return (double) (state >> 11) * (2.0 / 9007199254740992.0) - 1.0;
    }

private:
    uint64_t state;
};

class Biquad
{
public:
    enum class Type { lowPass, highPass, bandPass };

    void set (Type type, double frequency, double q, double sampleRate) noexcept
    {
        const double w = twoPi * frequency / sampleRate, alpha = std::sin (w) / (2.0 * q), c = std::cos (w);
        double b0 = 0, b1 = 0, b2 = 0;
        switch (type)
        {
            case Type::lowPass: b0 = b2 = (1 - c) / 2; b1 = 1 - c; break;
            case Type::highPass: b0 = b2 = (1 + c) / 2; b1 = -(1 + c); break;
            case Type::bandPass: b0 = alpha; b1 = 0; b2 = -alpha; break;
        }
        const double a0 = 1 + alpha;
        coeffs[0] = b0 / a0; coeffs[1] = b1 / a0; coeffs[2] = b2 / a0;
        coeffs[3] = -2 * c / a0; coeffs[4] = (1 - alpha) / a0;
    }

    double process (double x) noexcept
    {
        const double y = coeffs[0] * x + z1;
        z1 = coeffs[1] * x - coeffs[3] * y + z2;
        z2 = coeffs[2] * x - coeffs[4] * y;
        return y;
    }

private:
    double coeffs[5] {};
    double z1 = 0, z2 = 0;
};

inline double midiToHz (double note) noexcept { return 440.0 * std::pow (2.0, (note - 69.0) / 12.0); }

// Attack-decay envelope at time t (seconds) after a note starts.
inline double percussive (double t, double attack, double decay) noexcept
{
    if (t < 0) return 0;
    if (t < attack) return t / attack;
    return std::exp (-(t - attack) / decay);
}

// Attack-sustain-release over a note of `length` seconds.
inline double sustained (double t, double length, double attack, double release) noexcept
{
    if (t < 0 || t > length + release * 6) return 0;
    const double rise = t < attack ? t / attack : 1.0;
    const double fall = t > length ? std::exp (-(t - length) / release) : 1.0;
    return rise * fall;
}

// A band-limited-enough sawtooth from a few harmonics (no aliasing at the
// pitches the demo uses).
inline double softSaw (double phase, int harmonics) noexcept
{
    double s = 0;
    for (int k = 1; k <= harmonics; ++k)
        s += std::sin (phase * k) / k;
    return s * (2.0 / std::numbers::pi);
}
} // namespace crest::demo
