// The app's Export: the session rendered as its master (through the chain,
// as heard), its mix (the mix bus before the master) or its stems (a file
// per track and bus), in any format Crest writes, at the session's rate or
// another (libsoxr), dithered once where the word length shrinks; for the
// master, also one delivery per chosen target beside it (see Delivery:
// the target's loudness under its ceiling, with its compliance report).
// Every written file is measured after writing. Nothing is left behind
// when it fails or is cancelled; an existing export is replaced only when
// asked, and only once the new one is complete.
//
// Off the audio thread and the message thread. JUCE-free.
#pragma once

#include "Mastering/Delivery.h"
#include "OfflineRenderer.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace crest
{
enum class ExportSource
{
    master,
    mix,
    stems
};

struct ExportRequest
{
    ExportSource source = ExportSource::master;
    std::filesystem::path output;   // the file (master, mix) or the folder (stems)
    OutputFormat format { Container::wav, SampleEncoding::int24, DitherKind::tpdf };
    double sampleRate = 0.0;        // 0: the session's
    std::vector<TargetPreset> targets;   // master only
    bool replaceExisting = false;
    bool allowMissing = false;
    std::vector<std::filesystem::path> protectedFiles;
    std::function<void (const std::string& stage, double fraction)> progress;
    const std::atomic<bool>* cancel = nullptr;
};

struct ExportedFile
{
    std::filesystem::path file;
    LoudnessReading measured {};
};

struct ExportResult
{
    std::vector<ExportedFile> files;            // the master or mix, or each stem
    std::vector<DeliveryResult> deliveries;     // one per target
    std::vector<std::string> warnings;
};

// Throws CrestError naming the file or folder for what cannot be written.
ExportResult exportSession (const SessionDocument& session, const ExportRequest& request, MediaPool& media);
} // namespace crest
