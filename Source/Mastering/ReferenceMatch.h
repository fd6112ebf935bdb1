// Matching a master to one or several reference tracks, as editable
// settings rather than a black box: the smoothed difference between the
// references' long-term spectra (averaged, each at its own loudness) and
// the master's becomes master-EQ bands (EqCurveFit); the loudness
// difference becomes gain into the limiter; the width difference (side
// over mid) becomes the width module's setting; the loudness range (LRA)
// difference becomes a slow compression in a multiband, each band's
// threshold set from the master's own level there. Each dimension has its own
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
    double tonePercent = 100, loudnessPercent = 100, widthPercent = 100, dynamicsPercent = 100;
    double lowHz = 30, highHz = 16000;   // the tone is matched in here
    double smoothingOctaves = 1.0 / 3;   // of each spectrum before the difference is taken
    int maxBands = moduleSpecs::eqBands;
};

// The dynamics part of a match: the master's short-term loudness above
// `thresholdLufs` (its 10th percentile) turned down by `ratio` (a static
// curve on the programme's loudness keeps its percentiles in order, so the
// loudness range shrinks by the ratio), carried out by a multiband whose
// every band compresses from the level that band has when the programme
// is at the threshold. The curve's ratio is a first guess: MatchSettling
// measures what the compressor does and corrects it.
struct DynamicsMatch
{
    double masterRangeLu = 0;               // the master's loudness range, as it was measured
    double loudnessRangeDifferenceLu = 0;   // the references' LRA (mean) minus the master's
    double targetRangeLu = 0;               // what the dynamics strength asks for
    double ratio = 1;                       // 1: no compression
    double thresholdLufs = 0;
    double loudnessChangeDb = 0;            // what the compression takes off the loudness (taken back in gainDb)
    double levelOverLoudnessDb = 0;         // the master's RMS level minus its loudness
    SpectrumProfile spectrum;               // the master's, for each band's level

    bool compresses() const noexcept { return ratio > 1.0; }
    // The threshold in dBFS for a multiband band between two frequencies.
    double bandThresholdDb (double lowHz, double highHz) const noexcept;
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
    double targetLufs = 0;              // what the loudness strength asks the master to land on
    double widthDifferenceDb = 0;       // the references' side-over-mid (mean) minus the master's
    double sideChangeDb = 0;            // what the width strength asks of the side (0 unless both are stereo)
    DynamicsMatch dynamics;
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
// none), the compression into the first multiband that is switched off
// (switched on, its splits kept) or a new one before the limiter.
// Returns the id of the EQ that took the bands.
std::string applyMatch (MasterChainDocument& chain, const ReferenceMatch& match);
} // namespace crest
