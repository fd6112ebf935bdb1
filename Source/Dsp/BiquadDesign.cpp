#include "BiquadDesign.h"

#include <Eigen/Dense>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace crest
{
namespace
{
    // n2 s^2 + n1 s + n0 over d2 s^2 + d1 s + d0, in s normalised to the
    // filter's frequency (s = j at the centre or corner).
    struct Analog
    {
        double n0, n1, n2, d0, d1, d2;

        double magnitudeSquared (double omega) const noexcept
        {
            const double w2 = omega * omega;
            const double numerator = (n0 - n2 * w2) * (n0 - n2 * w2) + n1 * n1 * w2;
            const double denominator = (d0 - d2 * w2) * (d0 - d2 * w2) + d1 * d1 * w2;
            return numerator / denominator;
        }
    };

    Analog prototype (const FilterSettings& f) noexcept
    {
        const double q = std::max (f.q, 1.0e-3);
        const double a = std::pow (10.0, f.gainDb / 40.0);   // sqrt of the linear gain
        const double sqrtA = std::sqrt (a);
        switch (f.shape)
        {
            case FilterShape::lowPass: return { 1, 0, 0, 1, 1 / q, 1 };
            case FilterShape::highPass: return { 0, 0, 1, 1, 1 / q, 1 };
            case FilterShape::bandPass: return { 0, 1 / q, 0, 1, 1 / q, 1 };
            case FilterShape::notch: return { 1, 0, 1, 1, 1 / q, 1 };
            case FilterShape::bell: return { 1, a / q, 1, 1, 1 / (a * q), 1 };
            case FilterShape::lowShelf: return { a * a, a * sqrtA / q, a, 1, sqrtA / q, a };
            case FilterShape::highShelf: return { a, a * sqrtA / q, a * a, a, sqrtA / q, 1 };
        }
        return { 1, 0, 0, 1, 0, 0 };
    }

    // The digital magnitude squared in Vicanek's basis: with
    // phi1 = sin^2(w/2), phi0 = 1 - phi1, phi2 = 4 phi0 phi1,
    // |P(e^jw)|^2 = P0 phi0 + P1 phi1 + P2 phi2 for P0 = (p0+p1+p2)^2,
    // P1 = (p0-p1+p2)^2, P2 = -4 p0 p2.
    struct Basis
    {
        double phi0, phi1, phi2;
        explicit Basis (double w) noexcept
        {
            const double s = std::sin (w / 2);
            phi1 = s * s;
            phi0 = 1 - phi1;
            phi2 = 4 * phi0 * phi1;
        }
    };
} // namespace

double BiquadCoefficients::magnitudeAt (double hz, double sampleRate) const noexcept
{
    const Basis basis (2 * std::numbers::pi * hz / sampleRate);
    const double numerator = (b0 + b1 + b2) * (b0 + b1 + b2) * basis.phi0 + (b0 - b1 + b2) * (b0 - b1 + b2) * basis.phi1
                             - 4 * b0 * b2 * basis.phi2;
    const double denominator = (1 + a1 + a2) * (1 + a1 + a2) * basis.phi0 + (1 - a1 + a2) * (1 - a1 + a2) * basis.phi1
                               - 4 * a2 * basis.phi2;
    return std::sqrt (std::max (0.0, numerator) / denominator);
}

double analogMagnitude (const FilterSettings& settings, double hz) noexcept
{
    return std::sqrt (prototype (settings).magnitudeSquared (hz / settings.frequencyHz));
}

namespace
{
    // The fitting grid's size (FittingGrid below): chosen so a one-section
    // design costs about 20 us and a two-section one about 80 us, cheap
    // enough to redesign a moving band on the audio thread every segment.
    constexpr int spanPoints = 32, localPoints = 12, gridPoints = spanPoints + localPoints;
    constexpr int refineIterations = 12;

    struct Poles
    {
        double a1, a2;
    };

    // The analog poles of d2 s^2 + d1 s + d0 (s normalised to w0), mapped
    // exactly: z = exp(s T).
    Poles matchedPoles (const Analog& analog, double w0) noexcept
    {
        const double poleOmega = std::sqrt (analog.d0 / analog.d2);
        const double zeta = analog.d1 / (2 * std::sqrt (analog.d0 * analog.d2));
        const double wp = w0 * poleOmega;
        const double decay = std::exp (-zeta * wp);
        const double a1 = zeta <= 1 ? -2 * decay * std::cos (std::sqrt (1 - zeta * zeta) * wp)
                                    : -2 * decay * std::cosh (std::sqrt (zeta * zeta - 1) * wp);
        return { a1, std::exp (-2 * zeta * wp) };
    }

    // Matched poles and the squared-magnitude coefficients of their
    // denominator in Vicanek's basis (A0 at DC, A1 at Nyquist, A2 between).
    struct Denominator
    {
        BiquadCoefficients c;   // a1 and a2 set
        double A0, A1, A2;
    };

    Denominator matchedDenominator (const Analog& analog, double w0) noexcept
    {
        const auto poles = matchedPoles (analog, w0);
        Denominator d;
        d.c.a1 = poles.a1;
        d.c.a2 = poles.a2;
        d.A0 = (1 + poles.a1 + poles.a2) * (1 + poles.a1 + poles.a2);
        d.A1 = (1 - poles.a1 + poles.a2) * (1 - poles.a1 + poles.a2);
        d.A2 = -4 * poles.a2;
        return d;
    }

    // A numerator with |b(e^jw)|^2 = B0 phi0 + B1 phi1 + B2 phi2 (minimum phase).
    void numeratorFromSquares (double B0, double B1, double B2, BiquadCoefficients& c) noexcept
    {
        const double root0 = std::sqrt (std::max (0.0, B0)), root1 = std::sqrt (std::max (0.0, B1));
        const double w = (root0 + root1) / 2;
        c.b0 = (w + std::sqrt (std::max (0.0, w * w + B2))) / 2;
        c.b1 = (root0 - root1) / 2;
        c.b2 = c.b0 != 0 ? -B2 / (4 * c.b0) : 0;
    }

    // Vicanek's three-point design: matched poles, and zeros that give the
    // analog magnitude at DC, at Nyquist and at w0.
    BiquadCoefficients threePoint (const Analog& analog, double w0, double nyquistOmega) noexcept
    {
        auto [c, A0, A1, A2] = matchedDenominator (analog, w0);
        const Basis at (w0);
        const double B0 = A0 * analog.magnitudeSquared (0);
        const double B1 = A1 * analog.magnitudeSquared (nyquistOmega);
        const double B2 = (analog.magnitudeSquared (1) * (A0 * at.phi0 + A1 * at.phi1 + A2 * at.phi2) - B0 * at.phi0 - B1 * at.phi1) / at.phi2;
        numeratorFromSquares (B0, B1, B2, c);
        return c;
    }

    // Squared-magnitude coefficients (P0, P1, P2) of a real second-order
    // polynomial p0 + p1 z^-1 + p2 z^-2 whose p0 + p1 + p2 > 0 and
    // p0 - p1 + p2 > 0, normalised to p0 = 1: returns (p1, p2) and the
    // scale k with P = k^2 |p|^2; false if no stable factor exists.
    bool denominatorFromSquares (double P0, double P1, double P2, double& a1, double& a2, double& scale) noexcept
    {
        if (P0 <= 0 || P1 <= 0)
            return false;
        const double sum = (std::sqrt (P0) + std::sqrt (P1)) / 2;   // k (1 + a2)
        const double product = -P2 / 4;                            // k^2 a2
        const double discriminant = sum * sum - 4 * product;
        if (discriminant < 0)
            return false;
        scale = (sum + std::sqrt (discriminant)) / 2;               // the root with |a2| < 1
        a2 = product / (scale * scale);
        a1 = (std::sqrt (P0) - std::sqrt (P1)) / (2 * scale);
        return std::abs (a2) < 1 && std::abs (a1) < 1 + a2;
    }

    // How far a design is from the analog prototype on the fitting grid,
    // against the tolerances we hold it to: 0.1 dB up to half Nyquist,
    // 0.5 dB above. Below 1 is inside both.
    template <typename Design>
    double toleranceScore (const Design& design, const Analog& analog, const double* grid, double frequency, double sampleRate) noexcept
    {
        double lower = 0, upper = 0;
        for (int i = 0; i < gridPoints; ++i)
        {
            const double digital = design.magnitudeAt (grid[i], sampleRate);
            const double target = std::sqrt (analog.magnitudeSquared (grid[i] / frequency));
            const double error = std::abs (20 * std::log10 (std::max (digital, 1e-12) / target));
            double& worst = grid[i] <= sampleRate / 4 ? lower : upper;
            worst = std::max (worst, error);
        }
        return std::max (lower / 0.1, upper / 0.5);
    }

    // Is P0 (1 - x) + P1 x + 4 P2 x (1 - x) > 0 for every x = sin^2(w/2)
    // in [0, 1]? Then it is the squared magnitude of a real polynomial.
    bool positiveOnCircle (double P0, double P1, double P2) noexcept
    {
        if (P0 <= 0 || P1 <= 0)
            return false;
        // q(x) = -4 P2 x^2 + (P1 - P0 + 4 P2) x + P0; interior minimum if -4 P2 > 0.
        const double a = -4 * P2, b = P1 - P0 + 4 * P2;
        if (a <= 0)
            return true;
        const double x = -b / (2 * a);
        return x <= 0 || x >= 1 || a * x * x + b * x + P0 > 0;
    }

    // Bells and shelves: the coefficients of `Sections` cascaded sections
    // refined from a starting design by Levenberg-Marquardt on the dB
    // error over the grid. The unknowns are each section's squared-magnitude
    // coefficients (B0, B1, B2, A1, A2; A0 = 1), in which a section's |H|^2
    // is a ratio of linear forms; a step is taken only if every form stays
    // positive on the whole circle (so the result is a real, stable filter)
    // and the error falls.
    template <int Sections>
    bool refine (std::array<BiquadCoefficients, Sections>& sections, const Analog& analog, const double* grid, double frequency,
                 double sampleRate, double lowerHalfWeight) noexcept
    {
        constexpr int unknowns = 5 * Sections;
        using Vector = Eigen::Matrix<double, unknowns, 1>;
        using Residuals = Eigen::Matrix<double, gridPoints, 1>;
        using Jacobian = Eigen::Matrix<double, gridPoints, unknowns>;
        constexpr double dbPerLn = 10.0 / 2.302585092994046;   // 10 log10(x) = dbPerLn ln(x)

        Vector p;
        for (int s = 0; s < Sections; ++s)
        {
            const auto& c = sections[(size_t) s];
            const double A0 = (1 + c.a1 + c.a2) * (1 + c.a1 + c.a2);
            p.template segment<5> (5 * s) << (c.b0 + c.b1 + c.b2) * (c.b0 + c.b1 + c.b2) / A0,
                (c.b0 - c.b1 + c.b2) * (c.b0 - c.b1 + c.b2) / A0, -4 * c.b0 * c.b2 / A0, (1 - c.a1 + c.a2) * (1 - c.a1 + c.a2) / A0,
                -4 * c.a2 / A0;
        }
        auto realizable = [] (const Vector& x) {
            for (int s = 0; s < Sections; ++s)
                if (! positiveOnCircle (x (5 * s), x (5 * s + 1), x (5 * s + 2)) || ! positiveOnCircle (1, x (5 * s + 3), x (5 * s + 4)))
                    return false;
            return x.allFinite();
        };
        if (! realizable (p))
            return false;

        // The lower half of the band may be held lowerHalfWeight times
        // tighter: a tenth of a dB is heard there, the top octave may give more.
        Eigen::Matrix<double, gridPoints, 3> basis;
        Residuals targetDb, weight;
        for (int i = 0; i < gridPoints; ++i)
        {
            const Basis b (2 * std::numbers::pi * grid[i] / sampleRate);
            basis.row (i) << b.phi0, b.phi1, b.phi2;
            targetDb (i) = dbPerLn * std::log (analog.magnitudeSquared (grid[i] / frequency));
            weight (i) = grid[i] <= sampleRate / 4 ? lowerHalfWeight : 1.0;
        }
        auto residuals = [&] (const Vector& x, Residuals& r, Jacobian* jacobian) {
            for (int i = 0; i < gridPoints; ++i)
            {
                const double k = dbPerLn * weight (i);
                double logMagnitude = 0;
                for (int s = 0; s < Sections; ++s)
                {
                    const int o = 5 * s;
                    const double numerator = x (o) * basis (i, 0) + x (o + 1) * basis (i, 1) + x (o + 2) * basis (i, 2);
                    const double denominator = basis (i, 0) + x (o + 3) * basis (i, 1) + x (o + 4) * basis (i, 2);
                    logMagnitude += std::log (numerator / denominator);
                    if (jacobian != nullptr)
                        jacobian->template block<1, 5> (i, o) << k * basis (i, 0) / numerator, k * basis (i, 1) / numerator,
                            k * basis (i, 2) / numerator, -k * basis (i, 1) / denominator, -k * basis (i, 2) / denominator;
                }
                r (i) = weight (i) * (dbPerLn * logMagnitude - targetDb (i));
            }
        };

        Residuals r;
        Jacobian jacobian;
        residuals (p, r, &jacobian);
        double cost = r.squaredNorm();
        double damping = 1e-3;
        for (int iteration = 0; iteration < refineIterations * Sections; ++iteration)
        {
            // Damping on the diagonal, plus a floor with two sections: the
            // split of the overall gain between them is free, so the normal
            // matrix alone is singular along that direction.
            Eigen::Matrix<double, unknowns, unknowns> damped = jacobian.transpose() * jacobian;
            damped.diagonal() += damping * damped.diagonal();
            if constexpr (Sections > 1)
                damped.diagonal() += Vector::Constant (1e-12);
            const Vector trial = p - damped.ldlt().solve (jacobian.transpose() * r);
            if (realizable (trial))
            {
                Residuals trialResiduals;
                residuals (trial, trialResiduals, nullptr);
                if (const double trialCost = trialResiduals.squaredNorm(); trialCost < cost)
                {
                    // Two sections stop once a step gains under 0.1 %: they
                    // are designed on the audio thread while a band moves.
                    // (One section keeps its full iterations, so sessions
                    // render as they always have.)
                    const bool converged = Sections > 1 && trialCost > 0.999 * cost;
                    p = trial;
                    cost = trialCost;
                    if (converged)
                        break;
                    residuals (p, r, &jacobian);
                    damping = std::max (damping / 3, 1e-9);
                    continue;
                }
            }
            damping *= 4;
            if (damping > 1e6)
                break;
        }

        std::array<BiquadCoefficients, Sections> result;
        for (int s = 0; s < Sections; ++s)
        {
            auto& c = result[(size_t) s];
            double scale = 1;
            const int o = 5 * s;
            if (! denominatorFromSquares (1.0, p (o + 3), p (o + 4), c.a1, c.a2, scale))
                return false;
            numeratorFromSquares (p (o) / (scale * scale), p (o + 1) / (scale * scale), p (o + 2) / (scale * scale), c);
            if (! (std::isfinite (c.b0) && std::isfinite (c.b1) && std::isfinite (c.b2)))
                return false;
        }
        sections = result;
        return true;
    }

    struct FittingGrid
    {
        // 32 points log-spaced from 5 Hz to 0.97 Nyquist, and 12 more
        // around the filter's frequency, over two bandwidths either side
        // (an octave at most), so a narrow bell's peak cannot fall between
        // points.
        double hz[gridPoints];

        FittingGrid (double frequency, double q, double nyquist) noexcept
        {
            for (int i = 0; i < spanPoints; ++i)
                hz[i] = 5.0 * std::pow (0.97 * nyquist / 5.0, (double) i / (spanPoints - 1));
            const double octaves = std::min (1.0, 2.0 / std::max (q, 1.0e-3));
            for (int i = 0; i < localPoints; ++i)
                hz[spanPoints + i] = std::min (0.97 * nyquist, frequency * std::pow (2.0, octaves * (-1.0 + 2.0 * i / (localPoints - 1))));
        }
    };

    // One section. Two starts: Vicanek's three-point design, and RBJ's
    // bilinear one (whose poles are always inside the circle where a
    // matched pole would fold past Nyquist). Whichever is closer is
    // refined; the refinement is kept only if it is closer still.
    BiquadCoefficients fitted (const Analog& analog, const FilterSettings& settings, double sampleRate, const FittingGrid& grid) noexcept
    {
        const double nyquist = sampleRate / 2;
        const double frequency = settings.frequencyHz;
        const double w0 = 2 * std::numbers::pi * frequency / sampleRate;
        const BiquadCoefficients matched = threePoint (analog, w0, nyquist / frequency);
        const BiquadCoefficients bilinear = designBilinear (settings, sampleRate);
        const double matchedScore = toleranceScore (matched, analog, grid.hz, frequency, sampleRate);
        const double bilinearScore = toleranceScore (bilinear, analog, grid.hz, frequency, sampleRate);
        std::array<BiquadCoefficients, 1> best { bilinearScore < matchedScore ? bilinear : matched };
        auto refined = best;
        if (refine<1> (refined, analog, grid.hz, frequency, sampleRate, 3.0)
            && toleranceScore (refined[0], analog, grid.hz, frequency, sampleRate) < std::min (matchedScore, bilinearScore))
            best = refined;
        return best[0];
    }

    bool isBellOrShelf (FilterShape shape) noexcept
    {
        return shape == FilterShape::bell || shape == FilterShape::lowShelf || shape == FilterShape::highShelf;
    }

    FilterSettings clampedToNyquist (const FilterSettings& settings, double sampleRate) noexcept
    {
        FilterSettings f = settings;
        f.frequencyHz = std::clamp (settings.frequencyHz, 1.0, sampleRate / 2 * 0.99);
        return f;
    }
} // namespace

BiquadCoefficients designMatched (const FilterSettings& settings, double sampleRate) noexcept
{
    const FilterSettings f = clampedToNyquist (settings, sampleRate);
    const double q = std::max (f.q, 1.0e-3);
    const auto analog = prototype (f);
    const double w0 = 2 * std::numbers::pi * f.frequencyHz / sampleRate;

    auto [c, A0, A1, A2] = matchedDenominator (analog, w0);
    const Basis at (w0);
    const double denominatorAtW0 = A0 * at.phi0 + A1 * at.phi1 + A2 * at.phi2;
    switch (f.shape)
    {
        case FilterShape::lowPass:
        {
            // Vicanek: unity at DC, Q at w0, b2 = 0.
            const double B0 = A0, B1 = (denominatorAtW0 * q * q - B0 * at.phi0) / at.phi1;
            c.b0 = (std::sqrt (B0) + std::sqrt (std::max (0.0, B1))) / 2;
            c.b1 = std::sqrt (B0) - c.b0;
            c.b2 = 0;
            return c;
        }
        case FilterShape::highPass:
            // Vicanek: a double zero at DC, Q at w0.
            c.b0 = std::sqrt (denominatorAtW0) * q / (4 * at.phi1);
            c.b1 = -2 * c.b0;
            c.b2 = c.b0;
            return c;
        case FilterShape::bandPass:
        {
            // Vicanek: unity at w0, the analog magnitude's shape around it.
            const double R1 = denominatorAtW0, R2 = -A0 + A1 + 4 * (at.phi0 - at.phi1) * A2;
            const double B2 = (R1 - R2 * at.phi1) / (4 * at.phi1 * at.phi1);
            const double B1 = R2 + 4 * (at.phi1 - at.phi0) * B2;
            c.b1 = -0.5 * std::sqrt (std::max (0.0, B1));
            c.b0 = 0.5 * (std::sqrt (std::max (0.0, B2 + c.b1 * c.b1)) - c.b1);
            c.b2 = -c.b0 - c.b1;
            return c;
        }
        case FilterShape::notch:
        {
            // Zeros on the unit circle at w0, unity at DC.
            const double k = (1 + c.a1 + c.a2) / (2 - 2 * std::cos (w0));
            c.b0 = k;
            c.b1 = -2 * std::cos (w0) * k;
            c.b2 = k;
            return c;
        }
        case FilterShape::bell:
        case FilterShape::lowShelf:
        case FilterShape::highShelf:
            return fitted (analog, f, sampleRate, FittingGrid (f.frequencyHz, f.q, sampleRate / 2));
    }
    return c;
}

double BandDesign::magnitudeAt (double hz, double sampleRate) const noexcept
{
    double magnitude = 1;
    for (int s = 0; s < count; ++s)
        magnitude *= sections[(size_t) s].magnitudeAt (hz, sampleRate);
    return magnitude;
}

BandDesign designBand (const FilterSettings& settings, double sampleRate) noexcept
{
    BandDesign design;
    design.sections[0] = designMatched (settings, sampleRate);
    if (! isBellOrShelf (settings.shape))
        return design;
    const FilterSettings f = clampedToNyquist (settings, sampleRate);
    const auto analog = prototype (f);
    const FittingGrid grid (f.frequencyHz, f.q, sampleRate / 2);
    // 0.4, not 1: the grid is coarser than the tolerance is checked on.
    const double oneSectionScore = toleranceScore (design.sections[0], analog, grid.hz, f.frequencyHz, sampleRate);
    if (oneSectionScore <= 0.4)
        return design;
    // A second section, starting flat, shares the work near Nyquist.
    BandDesign two;
    two.count = 2;
    two.sections = { design.sections[0], BiquadCoefficients::identity() };
    if (refine<2> (two.sections, analog, grid.hz, f.frequencyHz, sampleRate, 3.0)
        && toleranceScore (two, analog, grid.hz, f.frequencyHz, sampleRate) < oneSectionScore)
        return two;
    return design;
}

BiquadCoefficients designBilinear (const FilterSettings& settings, double sampleRate) noexcept
{
    const double w0 = 2 * std::numbers::pi * settings.frequencyHz / sampleRate;
    const double cosw = std::cos (w0), alpha = std::sin (w0) / (2 * settings.q);
    const double a = std::pow (10.0, settings.gainDb / 40.0), sqrtA = std::sqrt (a);
    double b0 = 1, b1 = 0, b2 = 0, a0 = 1, a1 = 0, a2 = 0;
    switch (settings.shape)
    {
        case FilterShape::lowPass: b0 = (1 - cosw) / 2; b1 = 1 - cosw; b2 = b0; a0 = 1 + alpha; a1 = -2 * cosw; a2 = 1 - alpha; break;
        case FilterShape::highPass: b0 = (1 + cosw) / 2; b1 = -(1 + cosw); b2 = b0; a0 = 1 + alpha; a1 = -2 * cosw; a2 = 1 - alpha; break;
        case FilterShape::bandPass: b0 = alpha; b1 = 0; b2 = -alpha; a0 = 1 + alpha; a1 = -2 * cosw; a2 = 1 - alpha; break;
        case FilterShape::notch: b0 = 1; b1 = -2 * cosw; b2 = 1; a0 = 1 + alpha; a1 = -2 * cosw; a2 = 1 - alpha; break;
        case FilterShape::bell:
            b0 = 1 + alpha * a; b1 = -2 * cosw; b2 = 1 - alpha * a; a0 = 1 + alpha / a; a1 = -2 * cosw; a2 = 1 - alpha / a; break;
        case FilterShape::lowShelf:
            b0 = a * ((a + 1) - (a - 1) * cosw + 2 * sqrtA * alpha); b1 = 2 * a * ((a - 1) - (a + 1) * cosw);
            b2 = a * ((a + 1) - (a - 1) * cosw - 2 * sqrtA * alpha); a0 = (a + 1) + (a - 1) * cosw + 2 * sqrtA * alpha;
            a1 = -2 * ((a - 1) + (a + 1) * cosw); a2 = (a + 1) + (a - 1) * cosw - 2 * sqrtA * alpha; break;
        case FilterShape::highShelf:
            b0 = a * ((a + 1) + (a - 1) * cosw + 2 * sqrtA * alpha); b1 = -2 * a * ((a - 1) + (a + 1) * cosw);
            b2 = a * ((a + 1) + (a - 1) * cosw - 2 * sqrtA * alpha); a0 = (a + 1) - (a - 1) * cosw + 2 * sqrtA * alpha;
            a1 = 2 * ((a - 1) - (a + 1) * cosw); a2 = (a + 1) - (a - 1) * cosw - 2 * sqrtA * alpha; break;
    }
    return { b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0 };
}
} // namespace crest
