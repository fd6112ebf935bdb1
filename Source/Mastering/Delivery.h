// Delivery: one master for each of several targets (crest deliver), each
// in the target's own format and sample rate, with a compliance report.
// For each target the input goes through the master chain to the target's
// loudness under its true-peak ceiling (FileMastering), at the source
// rate in float; then to the target's rate with libsoxr if it asks for
// another; then into the delivery format, dithered once where the word
// length shrinks (a WAV becomes a BWF with its loudness in the bext
// chunk). The delivered file is then measured as it is: a lossy one
// decoded, since encoding raises peaks (when its peaks decode above the
// ceiling, it is mastered again under a ceiling lowered by the overshoot,
// up to three tries). The report (JSON and text, beside
// the file) gives each measured figure against the target with pass or
// fail. Off the audio thread; memory stays flat for any length.
#pragma once

#include "Analysis/LoudnessMeter.h"
#include "ChainPresets.h"
#include "FileMastering.h"
#include "TargetPresets.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace crest
{
// How far from a loudness target a delivery may land: EBU R128's
// tolerance for file-based programmes.
inline constexpr double deliveryToleranceLu = 0.5;

struct DeliveryRequest
{
    std::filesystem::path input, folder;
    std::vector<TargetPreset> targets;
    MasterChainDocument chain = defaultMasteringChain();
    std::optional<Container> container;    // instead of each target's own
    DitherKind dither = DitherKind::tpdf;
    bool replaceExisting = false;
    // An album's track: its loudness is the album's, so it is not brought
    // to the target's; only the target's ceiling is held (a limiter at it,
    // no gain) and the report gives the loudness as kept.
    bool keepLoudness = false;
    std::string inputName;   // how the reports name the input (its path when empty)
    std::function<void (size_t target, double fraction)> progress;
};

struct Check
{
    std::string name;        // "integrated loudness"
    std::string measured, wanted;
    bool pass = true;
};

struct DeliveryResult
{
    TargetPreset target;
    std::filesystem::path file, reportJson, reportText;
    OutputFormat format;
    double sampleRate = 0;
    LoudnessReading measured {};
    MasterReport mastering;
    bool decodedForMeasurement = false;   // a lossy file, measured after decoding
    std::optional<double> ceilingLowered; // the limiter's ceiling, when lowered so the decoded peaks pass
    std::vector<Check> checks;
    std::optional<VinylPreflightReport> vinyl;   // for a vinyl target: what a cutting engineer would warn of (advice, not a check)
    bool passes() const;
};

// The file each target's delivery goes to: "<input stem>-<target key><ext>";
// its reports are that name plus ".report.json" and ".report.txt".
std::filesystem::path deliveryFile (const DeliveryRequest& request, const TargetPreset& target);

// Throws CrestError naming the file for what cannot be read or written;
// a target that is delivered but misses its figures is reported, not thrown.
std::vector<DeliveryResult> deliver (const DeliveryRequest& request);
} // namespace crest
