// Saturation runs its curve 8x oversampled, so a full-scale 10 kHz sine at
// 48 kHz comes out with its harmonics (20 kHz is the only one below
// Nyquist) and nothing else: the components at other frequencies (aliases
// of the 3rd, 4th, ... harmonics) stay below -80 dBFS at +6 dB drive and
// below -60 dBFS at full drive. Small signals pass at unity; the dry path
// is aligned with the wet one.
#include "Dsp/Saturation.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <complex>
#include <numbers>
#include <vector>

using namespace crest;

namespace
{
constexpr double rate = 48000;
constexpr int frames = 48000;

std::vector<float> saturated (double driveDb, double curve, double amplitude, double hz = 10000, double mix = 100)
{
    std::vector<float> x ((size_t) frames);
    for (int i = 0; i < frames; ++i)
        x[(size_t) i] = (float) (amplitude * std::sin (2 * std::numbers::pi * hz * i / rate));
    Saturation s;
    s.setParameter (Saturation::driveDb, driveDb);
    s.setParameter (Saturation::curve, curve);
    s.setParameter (Saturation::mix, mix);
    s.prepare ({ rate, 512, 1 });
    for (int done = 0; done < frames; done += 512)
    {
        float* channels[] = { x.data() + done };
        s.process ({ channels, 1, std::min (512, frames - done) });
    }
    return x;
}

// The level (dBFS, peak of a sine) at `hz`, Kaiser-windowed (beta 20: the
// full-scale tone's leakage is far below what is measured) over the second
// half, after the filters have settled.
double levelDb (const std::vector<float>& x, double hz)
{
    const int from = frames / 2, n = frames / 2;
    std::complex<double> sum;
    double gain = 0;
    for (int i = 0; i < n; ++i)
    {
        const double r = 2.0 * i / (n - 1) - 1;
        const double w = std::cyl_bessel_i (0.0, 20 * std::sqrt (1 - r * r)) / std::cyl_bessel_i (0.0, 20.0);
        sum += w * (double) x[(size_t) (from + i)] * std::polar (1.0, -2 * std::numbers::pi * hz * i / rate);
        gain += w;
    }
    return 20 * std::log10 (2 * std::abs (sum) / gain + 1e-30);
}

// The worst component that is not 10 kHz or 20 kHz: every alias of a
// harmonic of 10 kHz lands on a whole 2 kHz step at 48 kHz.
double worstAliasDb (const std::vector<float>& x)
{
    double worst = -300;
    for (int khz = 2; khz <= 22; khz += 2)
        if (khz != 10 && khz != 20)
            worst = std::max (worst, levelDb (x, khz * 1000.0));
    return worst;
}
} // namespace

TEST_CASE ("oversampled saturation keeps aliases down", "[dsp][saturation]")
{
    for (const double curve : { 0.0, 1.0 })
    {
        INFO ((curve == 0 ? "tape" : "tube"));
        const auto six = saturated (6, curve, 1.0);
        const auto full = saturated (24, curve, 1.0);
        WARN ((curve == 0 ? "tape" : "tube") << ": worst alias " << worstAliasDb (six) << " dBFS at +6 dB drive, " << worstAliasDb (full)
                                             << " at full drive; 3rd-harmonic alias at full drive " << levelDb (full, 18000));
        CHECK (worstAliasDb (six) < -80);
        CHECK (worstAliasDb (full) < -60);
        // It does saturate: the fundamental is compressed at full drive.
        CHECK (levelDb (full, 10000) < -6);
    }
}

TEST_CASE ("saturation passes small signals at unity, aligned with the dry path", "[dsp][saturation]")
{
    // -60 dBFS at 1 kHz: the curve is linear there.
    const auto quiet = saturated (24, 0, 0.001, 1000);
    CHECK (levelDb (quiet, 1000) == Approx (-60).margin (0.05));
    // Half wet, half dry: aligned, the blend is the same tone (no comb).
    const auto blended = saturated (0, 0, 0.001, 15000, 50);
    CHECK (levelDb (blended, 15000) == Approx (-60).margin (0.05));
    Saturation s;
    s.prepare ({ rate, 512, 2 });
    CHECK (s.latencySamples() == 36);
}

TEST_CASE ("a slow sine through the module follows the transfer curve its editor draws", "[dsp][saturation]")
{
    // 40 Hz: the harmonics the curve makes stay far below Nyquist, so the
    // oversampled module's output is the curve of its (delayed) input.
    for (const double curve : { 0.0, 1.0 })
        for (const double drive : { 6.0, 18.0 })
        {
            INFO ("curve " << curve << ", drive " << drive << " dB");
            const double amplitude = 0.9, mix = 70, outputDb = -2;
            Saturation s;
            s.setParameter (Saturation::driveDb, drive);
            s.setParameter (Saturation::curve, curve);
            s.setParameter (Saturation::mix, mix);
            s.setParameter (Saturation::outputDb, outputDb);
            s.prepare ({ rate, 512, 1 });
            std::vector<float> x ((size_t) frames);
            for (int i = 0; i < frames; ++i)
                x[(size_t) i] = (float) (amplitude * std::sin (2 * std::numbers::pi * 40 * i / rate));
            const auto input = x;
            for (int done = 0; done < frames; done += 512)
            {
                float* channels[] = { x.data() + done };
                s.process ({ channels, 1, std::min (512, frames - done) });
            }
            const int latency = s.latencySamples();
            double worst = 0;
            for (int i = 4800; i < frames; ++i)
                worst = std::max (worst, std::abs ((double) x[(size_t) i]
                                                   - Saturation::transfer (input[(size_t) (i - latency)], curve >= 0.5, drive, mix, outputDb)));
            CHECK (worst < 2e-3);
        }
}
