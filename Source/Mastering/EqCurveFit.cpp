#include "EqCurveFit.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>

namespace crest
{
namespace
{
    // Each band's free values, in the units the search moves in: log2 of
    // the frequency (an octave is one step), the gain in dB, log2 of Q.
    constexpr int valuesPerBand = 3;

    struct Limits
    {
        double lowHz, highHz, maxGainDb;
    };

    std::vector<double> pack (const std::vector<FilterSettings>& bands)
    {
        std::vector<double> p;
        for (const auto& b : bands)
        {
            p.push_back (std::log2 (b.frequencyHz));
            p.push_back (b.gainDb);
            p.push_back (std::log2 (b.q));
        }
        return p;
    }

    void unpack (const Eigen::VectorXd& p, std::vector<FilterSettings>& bands, const Limits& limits)
    {
        for (size_t b = 0; b < bands.size(); ++b)
        {
            auto& band = bands[b];
            const bool shelf = band.shape != FilterShape::bell;
            // Shelves may sit a little outside the range, so their plateau covers its end.
            const double lowHz = shelf ? std::max (20.0, limits.lowHz / 2) : limits.lowHz;
            const double highHz = shelf ? std::min (20000.0, limits.highHz * 1.25) : limits.highHz;
            band.frequencyHz = std::clamp (std::exp2 (p[(Eigen::Index) (b * valuesPerBand)]), lowHz, highHz);
            band.gainDb = std::clamp (p[(Eigen::Index) (b * valuesPerBand + 1)], -limits.maxGainDb, limits.maxGainDb);
            // A shelf steeper than Q 1.2 overshoots; a bell narrower than Q 6 is a notch, not tone.
            band.q = std::clamp (std::exp2 (p[(Eigen::Index) (b * valuesPerBand + 2)]), shelf ? 0.4 : 0.3, shelf ? 1.2 : 6.0);
        }
    }

    Eigen::VectorXd residuals (const std::vector<FilterSettings>& bands, std::span<const double> hz, std::span<const double> target,
                               const std::vector<size_t>& points)
    {
        Eigen::VectorXd r ((Eigen::Index) points.size());
        for (size_t i = 0; i < points.size(); ++i)
            r[(Eigen::Index) i] = fittedResponseDb (bands, hz[points[i]]) - target[points[i]];
        return r;
    }

    // Levenberg-Marquardt on every band at once, the Jacobian by forward
    // differences (the response is cheap: a closed form per band).
    void refine (std::vector<FilterSettings>& bands, std::span<const double> hz, std::span<const double> target,
                 const std::vector<size_t>& points, const Limits& limits)
    {
        const auto n = (Eigen::Index) (bands.size() * valuesPerBand);
        Eigen::VectorXd p = Eigen::Map<const Eigen::VectorXd> (pack (bands).data(), n);
        Eigen::VectorXd r = residuals (bands, hz, target, points);
        double cost = r.squaredNorm(), lambda = 1e-2;
        Eigen::MatrixXd jacobian (r.size(), n);
        for (int iteration = 0; iteration < 200 && cost > 0; ++iteration)
        {
            constexpr double step = 1e-5;
            for (Eigen::Index j = 0; j < n; ++j)
            {
                Eigen::VectorXd moved = p;
                moved[j] += step;
                auto trial = bands;
                unpack (moved, trial, limits);
                jacobian.col (j) = (residuals (trial, hz, target, points) - r) / step;
            }
            const Eigen::MatrixXd normal = jacobian.transpose() * jacobian;
            const Eigen::VectorXd gradient = jacobian.transpose() * r;
            bool improved = false;
            while (lambda < 1e8)
            {
                Eigen::MatrixXd damped = normal;
                damped.diagonal() += lambda * (normal.diagonal().array() + 1e-9).matrix();
                const Eigen::VectorXd delta = damped.ldlt().solve (-gradient);
                Eigen::VectorXd next = p + delta;
                auto trial = bands;
                unpack (next, trial, limits);
                // Keep the packed values inside the limits, so a clamped value does not drift.
                next = Eigen::Map<const Eigen::VectorXd> (pack (trial).data(), n);
                const Eigen::VectorXd nextR = residuals (trial, hz, target, points);
                if (nextR.squaredNorm() < cost)
                {
                    const double gain = cost - nextR.squaredNorm();
                    p = next;
                    bands = trial;
                    r = nextR;
                    cost = r.squaredNorm();
                    lambda = std::max (1e-7, lambda / 3);
                    improved = gain > 1e-10 * (1 + cost);
                    break;
                }
                lambda *= 4;
            }
            if (! improved)
                break;
        }
    }

    void measure (CurveFit& fit, std::span<const double> hz, std::span<const double> target, const std::vector<size_t>& points)
    {
        const auto r = residuals (fit.bands, hz, target, points);
        fit.maxErrorDb = r.size() > 0 ? r.cwiseAbs().maxCoeff() : 0.0;
        fit.rmsErrorDb = r.size() > 0 ? std::sqrt (r.squaredNorm() / (double) r.size()) : 0.0;
    }
} // namespace

double fittedResponseDb (const std::vector<FilterSettings>& bands, double hz) noexcept
{
    double db = 0;
    for (const auto& b : bands)
        db += 20.0 * std::log10 (std::max (1e-12, analogMagnitude (b, hz)));
    return db;
}

CurveFit fitEqCurve (std::span<const double> hz, std::span<const double> targetDb, const CurveFitOptions& options)
{
    std::vector<size_t> points;
    for (size_t i = 0; i < hz.size() && i < targetDb.size(); ++i)
        if (hz[i] >= options.lowHz && hz[i] <= options.highHz && std::isfinite (targetDb[i]))
            points.push_back (i);
    CurveFit fit;
    if (points.empty() || options.maxBands <= 0)
        return fit;
    const Limits limits { options.lowHz, options.highHz, options.maxGainDb };
    const double edgeOctaves = 0.75;   // a peak this close to an end is a shelf's work

    while ((int) fit.bands.size() < options.maxBands)
    {
        const auto r = residuals (fit.bands, hz, targetDb, points);
        Eigen::Index worst = 0;
        if (r.cwiseAbs().maxCoeff (&worst) <= options.toleranceDb)
            break;
        const double at = hz[points[(size_t) worst]];
        FilterSettings band;
        band.gainDb = std::clamp (-r[worst], -options.maxGainDb, options.maxGainDb);
        if (std::log2 (at / options.lowHz) < edgeOctaves)
            band = { FilterShape::lowShelf, std::min (options.highHz, at * 1.5), 0.7071, band.gainDb };
        else if (std::log2 (options.highHz / at) < edgeOctaves)
            band = { FilterShape::highShelf, std::max (options.lowHz, at / 1.5), 0.7071, band.gainDb };
        else
            band = { FilterShape::bell, at, 1.0, band.gainDb };
        fit.bands.push_back (band);
        const auto before = residuals (fit.bands, hz, targetDb, points).squaredNorm();
        refine (fit.bands, hz, targetDb, points, limits);
        // A band the search cannot use (the rest already explain the curve) ends the fit.
        if (before > 0 && residuals (fit.bands, hz, targetDb, points).squaredNorm() >= before * 0.999
            && std::abs (fit.bands.back().gainDb) < 0.05)
        {
            fit.bands.pop_back();
            break;
        }
    }
    // Bands that end up doing nothing are not worth a user's attention.
    const auto idle = std::remove_if (fit.bands.begin(), fit.bands.end(), [] (const FilterSettings& b) { return std::abs (b.gainDb) < 0.1; });
    if (idle != fit.bands.end())
    {
        fit.bands.erase (idle, fit.bands.end());
        if (! fit.bands.empty())
            refine (fit.bands, hz, targetDb, points, limits);
    }
    measure (fit, hz, targetDb, points);
    return fit;
}
} // namespace crest
