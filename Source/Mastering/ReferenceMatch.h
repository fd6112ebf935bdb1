// Matching a master to one or several reference tracks, as editable
// settings rather than a black box: the smoothed difference between the
// references' long-term spectra (averaged, each at its own loudness) and
// the master's becomes master-EQ bands (EqCurveFit); the loudness
// difference becomes gain into the limiter; the width difference (side
// over mid) becomes the width module's setting. Each dimension has its own
// strength, 0 to 100 % of the difference in dB, and the tone is matched
// only within a frequency range. The EQ is kept loudness-neutral (K-weighted,
// on the master's own spectrum), so the tone strength never moves the
// loudness and the loudness strength alone decides it.
// Pure functions on analyses (FileAnalysis with its balance measured); any
// thread but the audio thread.
#pragma once

#include "Analysis/FileAnalysis.h"
#include "Core/ModuleSpecs.h"
#include "EqCurveFit.h"
#include "Session/MasterChainDocument.h"

#include <span>
#include <string>
#include <vector>

namespace crest
{
struct MatchOptions
{
    double tonePercent = 100, loudnessPercent = 100, widthPercent = 100;
    double lowHz = 30, highHz = 16000;   // the tone is matched in here
    double smoothingOctaves = 1.0 / 3;   // of each spectrum before the difference is taken
    int maxBands = moduleSpecs::eqBands;
};

struct ReferenceMatch
{
    std::vector<double> gridHz;         // 1/12-octave points over the range
    std::vector<double> differenceDb;   // the references' tone minus the master's, at equal loudness (NaN: too quiet to tell)
    std::vector<double> targetDb;       // what the tone strength asks of the EQ
    CurveFit eq;
    double eqLoudnessDb = 0;            // what the bands alone would add to the master's loudness (taken back in gainDb)
    double loudnessDifferenceLu = 0;    // the references' integrated loudness (mean) minus the master's
    double gainDb = 0;                  // into the limiter
    double widthDifferenceDb = 0;       // the references' side-over-mid (mean) minus the master's
    double sideChangeDb = 0;            // what the width strength asks of the side (0 unless both are stereo)
    std::vector<std::string> notes;     // what could not be matched, in words
};

// master and references: analysed with BalanceMeasurement::measure, at the
// same rate. Throws CrestError naming the file that cannot be matched
// (silent, no loudness, no spectrum).
ReferenceMatch matchReferences (const FileAnalysis& master, std::span<const FileAnalysis> references, const MatchOptions& options);

// How many bands a match may use in a chain: the free (switched off) bands
// of its first EQ, or a whole new EQ's when that has fewer than three.
int matchBandsAvailable (const MasterChainDocument& chain);

// Writes a match into a chain: the bands into the first EQ's free bands
// (or a new EQ at the front), the gain added to the last limiter's input
// gain (a limiter is added at the end if there is none), the side change
// into the width module (one is added before the limiter if there is
// none). Returns the id of the EQ that took the bands.
std::string applyMatch (MasterChainDocument& chain, const ReferenceMatch& match);
} // namespace crest
