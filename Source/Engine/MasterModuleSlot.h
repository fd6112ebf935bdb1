// One module of the master chain as the engine runs it: the processor,
// its enable switch (an atomic any thread may set) and a bypass that is
// click-free and latency-constant. The processor always runs, so its state
// is current the moment it is switched back on; the dry signal is delayed
// by the processor's latency, so switching never moves the audio in time;
// and on and off cross-fade over 20 ms. Kept across recompiles by the
// module's id, so a reorder or an added module keeps a limiter's release
// or a compressor's envelope where it was. process(): audio thread.
#pragma once

#include "Dsp/DelayLine.h"
#include "Dsp/Processor.h"
#include "Realtime/LinearSmoother.h"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace crest
{
class MasterModuleSlot
{
public:
    // Prepares the processor (message thread: it may allocate).
    MasterModuleSlot (std::string kind, std::unique_ptr<Processor> processor, double sampleRate, int maxBlockFrames);

    const std::string& kind() const noexcept { return kindKey; }
    Processor& processor() noexcept { return *module; }
    int latencySamples() const noexcept { return latency; }

    std::atomic<bool> enabled { true };

    // Stereo, in place, at most the prepared block size.
    void process (AudioView io) noexcept;
    // After the chain made NaN or Inf: the processor starts from silence.
    void reset() noexcept { module->reset(); }

private:
    std::string kindKey;
    std::unique_ptr<Processor> module;
    int latency = 0;
    DelayLine dryDelay;
    std::vector<float> dry;
    int maxBlock = 0;
    LinearSmoother wet;
    bool primed = false;
};
} // namespace crest
