// The live loudness meters of the mix bus and the master, and the
// loudness match between them, computed off the audio thread. The engine
// pushes four channels per frame into tap() while playing (the mix bus,
// aligned with the master, then the master: Engine::setMeterTap); update()
// drains them into two LoudnessMeters. Momentary and short-term are fresh
// after every update(); integrated, LRA and the peaks, which cost more,
// are refreshed once a second of audio. The match is the gain that brings
// the master to the mix's loudness: the integrated difference once both
// have one, the short-term difference before that.
//
// tap() is the audio thread's (push only); everything else: one thread
// that is not the audio thread (the message thread, from a timer).
#pragma once

#include "LoudnessMeter.h"
#include "Realtime/SampleFifo.h"

#include <memory>
#include <optional>
#include <vector>

namespace crest
{
class LiveLoudness
{
public:
    static constexpr int tapChannels = 4;

    explicit LiveLoudness (double sampleRate);

    SampleFifo& tap() noexcept { return fifo; }

    // Drains what the engine pushed; returns the frames measured.
    int64_t update();
    // Starts the measurement again (a new session or rate, or the user's reset).
    void restart (double sampleRate);

    const LoudnessReading& mix() const noexcept { return mixReading; }
    const LoudnessReading& master() const noexcept { return masterReading; }
    std::optional<double> matchGainDb() const noexcept;
    // The master's last scopeFrames frames (interleaved L R, oldest first),
    // for the goniometer and the correlation meter.
    static constexpr size_t scopeFrames = 2048;
    const std::vector<float>& recentMaster() const noexcept { return recent; }
    // Frames measured since the last restart (to tell which recent ones are new).
    int64_t measuredFrames() const noexcept { return totalMeasured; }

private:
    void refreshFull();

    double rate;
    SampleFifo fifo;
    std::unique_ptr<LoudnessMeter> mixMeter, masterMeter;
    LoudnessReading mixReading {}, masterReading {};
    std::vector<float> block, mixFrames, masterFrames;
    std::vector<float> recent = std::vector<float> (2 * scopeFrames, 0.0f);
    int64_t sinceFull = 0;
    int64_t totalMeasured = 0;
};
} // namespace crest
