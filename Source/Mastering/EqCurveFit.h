// Fits parametric EQ bands to a target curve (dB against frequency), so a
// spectral match becomes ordinary bands a user can see and edit rather
// than a black-box filter. Bands are placed greedily where the curve is
// still most wrong (a shelf at either end of the range, a bell between),
// then every band's frequency, gain and Q is refined together by
// Levenberg-Marquardt least squares (Eigen) on the analog prototypes the
// EQ follows. Stops when the curve is met within the tolerance or the
// bands run out; bands that end up doing nothing are dropped. Pure
// function, any thread.
#pragma once

#include "Dsp/BiquadDesign.h"

#include <span>
#include <vector>

namespace crest
{
struct CurveFitOptions
{
    double lowHz = 40, highHz = 16000;   // where the target counts
    int maxBands = 8;
    double toleranceDb = 0.2;            // stop adding bands once every point is this close
    double maxGainDb = 12;               // a match should not need more
};

struct CurveFit
{
    std::vector<FilterSettings> bands;   // bell, lowShelf or highShelf
    double maxErrorDb = 0;               // worst point of the fit inside the range
    double rmsErrorDb = 0;
};

// The bands' summed analog response in dB at `hz`.
double fittedResponseDb (const std::vector<FilterSettings>& bands, double hz) noexcept;

// hz: ascending, log-spaced is best (each point weighs the same);
// targetDb: the same length.
CurveFit fitEqCurve (std::span<const double> hz, std::span<const double> targetDb, const CurveFitOptions& options);
} // namespace crest
