// A catalogue delivered in one run (crest deliver IN... --jobs N): each
// input, an audio file, a session or an album, is one independent job
// that masters it for every target (Delivery; an album through the
// album's own render, see Album/AlbumDelivery), so jobs can run side by side on one
// machine or, as separate crest commands, on a scheduler across many
// (docs/batch.md); each job's files are the same bytes however it runs.
// A session is delivered from its mix through its own master chain. A job
// that fails is reported by its input's name and the others go on.
// Off the audio thread. JUCE-free.
#pragma once

#include "Delivery.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace crest
{
struct BatchOutcome
{
    std::filesystem::path input;
    std::vector<DeliveryResult> results;
    std::string error;   // why the job failed, naming the file; empty when it ran
    bool passes() const;
};

struct BatchRequest
{
    std::vector<std::filesystem::path> inputs;
    std::filesystem::path folder;
    std::vector<TargetPreset> targets;
    std::optional<MasterChainDocument> chain;   // none: the default chain, or a session's own
    std::optional<Container> container;
    DitherKind dither = DitherKind::tpdf;
    bool replaceExisting = false;
    int jobs = 1;
    // Each job's progress through its targets (from the thread running it).
    std::function<void (size_t job, size_t target, double fraction)> progress;
    // Called as each job ends (from the thread that ran it, one at a time).
    std::function<void (size_t job, const BatchOutcome&)> finished;
    // How an album input (".crest-album") is delivered into `folder`: given
    // by the caller (the Album module renders albums, and builds on this
    // one); none: an album input fails, saying so.
    std::function<std::vector<DeliveryResult> (const std::filesystem::path& album, const std::filesystem::path& folder)> deliverAlbum;
};

// Throws CrestError before any work for what makes the whole batch wrong
// (two inputs whose deliveries would have the same name); otherwise every
// job runs and its outcome is returned, in the inputs' order.
std::vector<BatchOutcome> deliverBatch (const BatchRequest& request);
} // namespace crest
