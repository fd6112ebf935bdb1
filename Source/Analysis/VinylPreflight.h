// Vinyl preflight: what a cutting engineer would send back. In 50 ms
// blocks it finds (1) stereo bass: energy in the side below a cutoff
// (150 Hz by default), which moves the stylus vertically and widens the
// groove; (2) sibilance: energy from 5 to 10 kHz, which distorts on
// playback and can burn the cutter head; (3) phase: the channels out of
// phase (negative correlation), which can cancel in mono and throw the
// stylus; and (4) the side's length against its level: a side longer than
// its format's recommended length, or a loud master on a long side, will
// be cut quieter. Each warning carries where it starts and ends. The
// limits are heuristics a cutting house publishes, not a standard; they
// are settings, and docs/vinyl-preflight.md gives their sources.
// Fed block by block (a file, or a delivery as it is written); off the
// audio thread.
#pragma once

#include "Dsp/Biquad.h"
#include "LoudnessMeter.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace crest
{
struct VinylFormat
{
    int diameterInches = 12;   // 7, 10 or 12
    int rpm = 33;              // 33 (33 1/3) or 45

    // The recommended longest side at a standard cutting level.
    double recommendedSideSeconds() const noexcept;
    std::string name() const;   // "12-inch LP at 33 1/3 rpm"
};

struct VinylPreflightSettings
{
    VinylFormat format;
    double sideBassCutoffHz = 150;
    double sideBassLimitDbfs = -36;   // the side's bass, RMS over a block, above this ...
    double sideBassOverMidDb = -12;   // ... and this close to the mid's bass
    double sibilanceLimitDbfs = -20;  // 5-10 kHz RMS over a block
    double correlationLimit = -0.2;   // correlation over a block below this
    double loudLufs = -12;            // a master louder than this counts as a loud cut
    double loudSideShare = 0.75;      // a loud cut's side is this share of the recommended length
};

struct VinylWarning
{
    enum class Kind
    {
        stereoBass,
        sibilance,
        phase,
        sideLength
    };
    Kind kind;
    double startSeconds = 0, endSeconds = 0;
    double worst = 0;   // dBFS for bass and sibilance, correlation for phase, seconds for length
    std::string message;
};

struct VinylPreflightReport
{
    VinylPreflightSettings settings;
    double sideSeconds = 0;
    double integratedLufs = 0;
    double allowedSideSeconds = 0;   // the recommended length at this master's level
    std::vector<VinylWarning> warnings;

    int count (VinylWarning::Kind kind) const noexcept;
};

std::string vinylWarningName (VinylWarning::Kind kind);   // "stereo bass"

class VinylPreflightMeter
{
public:
    static constexpr double blockSeconds = 0.05;

    // Throws CrestError for a programme that is not mono or stereo.
    VinylPreflightMeter (int channels, double sampleRate, const VinylPreflightSettings& settings = {});
    ~VinylPreflightMeter();

    void add (const float* interleaved, int64_t frames);
    VinylPreflightReport report() const;

private:
    // The blocks' sums and the warnings found: copyable (no filters, no
    // meter), so report() can close what is open on a copy.
    struct Tracker
    {
        struct Open
        {
            bool active = false;
            int64_t startBlock = 0, lastBlock = 0;
            double worst = 0;
        };
        VinylPreflightSettings settings;
        int channels = 2;
        double rate = 48000;
        int64_t blockFrames = 1, inBlock = 0, blocks = 0;
        double midLowEnergy = 0, sideLowEnergy = 0, sibilanceEnergy = 0, leftRight = 0, leftEnergy = 0, rightEnergy = 0;
        std::array<Open, 3> open;   // one per kind of block warning
        std::vector<VinylWarning> closed;

        void endBlock();
        void flag (VinylWarning::Kind kind, bool on, double value);
        void close (VinylWarning::Kind kind);
    };

    std::unique_ptr<LoudnessMeter> loudness;
    BiquadCoefficients lowPass[2], highPassSibilance[2], lowPassSibilance[2];
    BiquadState midLow[2], sideLow[2], sibilance[2][4];
    int64_t frames = 0;
    Tracker tracker;
};

// A whole file, read in blocks. Throws CrestError naming the file.
VinylPreflightReport preflightVinylFile (const std::filesystem::path& file, const VinylPreflightSettings& settings = {},
                                         const std::function<void (double)>& progress = {});

// The report in words, one line per warning, for the terminal and the delivery report.
std::string describeVinylPreflight (const VinylPreflightReport& report);
} // namespace crest
