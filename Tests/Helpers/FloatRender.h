// Renders a session through renderSession to a 32-bit float WAV in a test
// folder and reads it back: the engine's output exactly, for tests that
// compare samples. And a latent insert, for latency compensation tests.
#pragma once

#include "Helpers/TestFiles.h"
#include "Render/OfflineRenderer.h"

#include <memory>

namespace crest::test
{
struct FloatRender
{
    int block = 1024;
    int threads = 0;                  // 0: one per core
    PlanBuilder::Options options;
};

AudioData renderFloat (const SessionDocument& session, const TempFolder& dir, const FloatRender& how = {});
// The render's sample peak in dBFS, over its second half (past any glide
// at the start) or, with `wholeRender`, over all of it.
double renderedPeakDb (const SessionDocument& session, const TempFolder& dir, bool wholeRender = false);

// A fixed whole-sample latency, as a look-ahead insert would have.
class LatentInsert : public Processor
{
public:
    explicit LatentInsert (int samples) : delay (samples) {}
    std::string_view name() const noexcept override { return "Latent insert"; }
    void prepare (const ProcessSpec& spec) override { line = std::make_unique<DelayLine> (spec.numChannels, delay); }
    void reset() noexcept override {}
    void process (AudioView io) noexcept override { line->process (io); }
    int latencySamples() const noexcept override { return delay; }

private:
    int delay;
    std::unique_ptr<DelayLine> line;
};
} // namespace crest::test
