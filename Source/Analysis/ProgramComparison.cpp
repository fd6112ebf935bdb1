#include "ProgramComparison.h"

namespace crest
{
std::vector<ComparisonRow> compareProgrammes (const FileAnalysis& mix, const FileAnalysis& master)
{
    auto relative = [] (const FileAnalysis& a, int band) { return a.balance->bandDbfs[(size_t) band] - a.loudness.rmsDbfs; };
    const auto& a = mix.loudness;
    const auto& b = master.loudness;
    return {
        { "integrated", "LUFS", a.integratedLufs, b.integratedLufs },
        { "max short-term", "LUFS", a.maxShortTermLufs, b.maxShortTermLufs },
        { "loudness range", "LU", a.loudnessRangeLu, b.loudnessRangeLu },
        { "true peak", "dBTP", a.truePeakDbtp, b.truePeakDbtp },
        { "PLR", "LU", a.plrLu(), b.plrLu() },
        { "crest factor", "dB", a.crestFactorDb(), b.crestFactorDb() },
        { "correlation", "", a.correlation, b.correlation, 2 },
        { "width (S/M)", "dB", mix.balance->sideToMidDb, master.balance->sideToMidDb },
        { "lows < 250 Hz", "dB", relative (mix, 0), relative (master, 0) },
        { "mids", "dB", relative (mix, 1), relative (master, 1) },
        { "highs > 4 kHz", "dB", relative (mix, 2), relative (master, 2) },
    };
}
} // namespace crest
