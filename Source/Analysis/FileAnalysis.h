// Everything `crest analyze` says about one audio file: its format, its
// loudness and level figures (LoudnessMeter), how its channels were
// counted, and the faults a mastering engineer looks for first: clipping
// (runs of three or more samples at full scale) and NaN/Inf samples; and,
// when asked, the tonal and stereo balance and the long-term spectrum.
// Reads the file once, in blocks; off the audio thread.
#pragma once

#include "Analysis/AverageSpectrum.h"
#include "Analysis/LoudnessMeter.h"
#include "Analysis/ProgramBalance.h"
#include "IO/AudioFileInfo.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace crest
{
struct FileAnalysis
{
    std::filesystem::path file;
    AudioFileInfo info;
    LoudnessReading loudness {};
    std::string layout;            // how the channels counted toward loudness
    int64_t clippedRuns = 0;       // runs of >= 3 samples at full scale
    int64_t clippedSamples = 0;    // the samples in those runs
    int64_t nonFiniteSamples = 0;  // read as silence
    std::optional<ProgramBalance> balance;   // when asked for: band levels and width
    std::optional<SpectrumProfile> spectrum; // with the balance: the long-term average spectrum
    // With the balance: the short-term loudness (LUFS, -inf in silence)
    // every curveStepSeconds, for plotting the programme's course.
    static constexpr double curveStepSeconds = 0.5;
    std::vector<double> shortTermCurve;
};

enum class BalanceMeasurement
{
    skip,
    measure
};

// `progress` (if given) is told the fraction read, now and then.
// Throws CrestError naming the file for what cannot be read or measured.
FileAnalysis analyzeFile (const std::filesystem::path& file, ChannelCounting counting = ChannelCounting::asLaidOut,
                          const std::function<void (double)>& progress = {}, BalanceMeasurement balance = BalanceMeasurement::skip);
} // namespace crest
