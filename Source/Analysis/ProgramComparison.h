// A mix and its master side by side, figure by figure, as `crest ab`, the
// "what mastering changed" report and the app's A/B table show them:
// loudness, dynamics, stereo and tonal balance (each band relative to the
// programme's own RMS, so a louder master does not read as brighter).
// Declared once so every place shows the same figures. JUCE-free.
#pragma once

#include "FileAnalysis.h"

#include <string>
#include <vector>

namespace crest
{
struct ComparisonRow
{
    std::string name;   // "integrated"
    std::string unit;   // "LUFS"
    double mix, master;
    int decimals = 1;   // as shown in text
    double difference() const noexcept { return master - mix; }
};

// Both analysed with BalanceMeasurement::measure.
std::vector<ComparisonRow> compareProgrammes (const FileAnalysis& mix, const FileAnalysis& master);
} // namespace crest
