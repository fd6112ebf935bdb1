// Renders a session to a file with the same engine that plays it live: a
// fresh plan, the disk streamer run synchronously before each block (so
// the render waits for the disk and never drops out), and latency removed
// from the start. The file appears only when complete and verified, and
// never over an input (see OutputTarget). Offline media fail the render
// unless the request allows them.
// Runs on the calling thread; never the audio thread.
#pragma once

#include "Engine/PlanBuilder.h"
#include "IO/OutputFormat.h"
#include "IO/OutputTarget.h"
#include "Session/SessionDocument.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace crest
{
struct RenderRequest
{
    std::filesystem::path output;      // checked by checkOutputTarget: never an input; may be empty with stemsFolder
    // Also (or instead) one file per track and per bus, post-fader, each
    // aligned to the session's start: "01 Kick.wav", "Bus 01 Reverb.wav".
    std::filesystem::path stemsFolder;
    bool replaceExisting = false;      // --force, or the user agreed to replace it
    std::vector<std::filesystem::path> protectedFiles;   // the session file, and any other input
    bool allowMissing = false;         // render offline clips as silence instead of failing
    OutputFormat format { Container::wav, SampleEncoding::int24 };
    bool preMaster = false;            // the mix bus as it enters the master chain, not the master
    int64_t startSample = 0;
    int64_t endSample = -1;            // -1: the end of the last clip
    int blockFrames = 1024;
    int threads = 0;                   // graph threads; 0: one per core. The result is the same for any count.
    std::function<void (double)> progress;   // 0..1
    const std::atomic<bool>* cancel = nullptr;
    PlanBuilder::Options builderOptions;
};

struct RenderReport
{
    int64_t frames = 0;
    double sampleRate = 0.0;
    std::vector<std::string> warnings;   // offline media (when allowed), channels dropped
    bool toStream = false;               // written to stdout, a device or a pipe
    std::vector<std::filesystem::path> stems;   // as written, tracks then buses
};

RenderReport renderSession (const SessionDocument& session, const RenderRequest& request, MediaPool& media);

// The session with an empty master chain: its mix as the mix bus makes it.
SessionDocument withoutMaster (SessionDocument session);

// The check renderSession makes before writing anything: the output is not
// an input (the session's media or request.protectedFiles), and an existing
// file is replaced only if request.replaceExisting and it is audio. Lets
// the app refuse before asking "Replace?". Throws CrestError.
OutputTarget checkRenderOutput (const SessionDocument& session, const RenderRequest& request);

// Where each stem of a render goes, tracks first, then buses: a channel's
// name made safe for a file name, numbered so two names never collide.
std::vector<std::filesystem::path> stemFiles (const SessionDocument& session, const RenderRequest& request);
} // namespace crest
