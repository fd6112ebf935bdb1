// Loudness and peak figures of a rendered file (ITU-R BS.1770-4 / EBU R128
// via libebur128): integrated loudness, loudness range, true peak (4x
// oversampled) and sample peak. Off the audio thread.
#pragma once

#include <filesystem>

namespace crest
{
struct LoudnessSummary
{
    double integratedLufs = 0.0;
    double loudnessRangeLu = 0.0;
    double truePeakDbtp = 0.0;
    double samplePeakDbfs = 0.0;
    double durationSeconds = 0.0;
};

LoudnessSummary measureLoudness (const std::filesystem::path& file);
} // namespace crest
