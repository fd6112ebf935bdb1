// Fitting EQ bands to a curve: a curve made by known bands is met within
// 0.2 dB with no more bands than allowed; a flat curve needs no band.
#include "Mastering/EqCurveFit.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace crest;

namespace
{
std::vector<double> grid()
{
    std::vector<double> hz;
    for (double f = 30; f <= 16000; f *= std::exp2 (1.0 / 12))
        hz.push_back (f);
    return hz;
}
} // namespace

TEST_CASE ("a curve made by four bands is met by the fit", "[mastering][match]")
{
    const std::vector<FilterSettings> known { { FilterShape::lowShelf, 110, 0.7071, 4 },
                                              { FilterShape::bell, 600, 1.4, -3 },
                                              { FilterShape::bell, 3000, 0.9, 2.5 },
                                              { FilterShape::highShelf, 9000, 0.7071, -3 } };
    const auto hz = grid();
    std::vector<double> target;
    for (const double f : hz)
        target.push_back (fittedResponseDb (known, f));
    CurveFitOptions options;
    options.lowHz = 30;
    options.maxBands = 6;
    const auto fit = fitEqCurve (hz, target, options);
    CHECK (fit.bands.size() <= 6);
    CHECK (fit.maxErrorDb < 0.2);
    for (size_t i = 0; i < hz.size(); ++i)
        CHECK (fittedResponseDb (fit.bands, hz[i]) == Approx (target[i]).margin (0.25));
}

TEST_CASE ("a flat curve needs no band, and a curve past the limits is clamped", "[mastering][match]")
{
    const auto hz = grid();
    CHECK (fitEqCurve (hz, std::vector<double> (hz.size(), 0.05), {}).bands.empty());
    const auto fit = fitEqCurve (hz, std::vector<double> (hz.size(), 30.0), {});
    for (const auto& b : fit.bands)
        CHECK (std::abs (b.gainDb) <= 12.0);
}
