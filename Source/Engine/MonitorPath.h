// What the engineer hears, never what is rendered: the Mix / Master /
// Difference switch, the loudness match between mix and master, dim and
// mono. The heard signal is a·master + b·mix, the mix taken before the
// master chain and delayed by its latency (the same sample). Master is
// (g, 0), Mix (0, 1), Difference (g, -1): with matching on, g brings the
// master to the mix's loudness, so the louder one does not win by
// loudness and Difference is what mastering added beyond level. a and b
// glide over 20 ms, so a switch is a short crossfade with no click.
// Setters: any thread (atomics). process(): audio thread.
#pragma once

#include "Realtime/LinearSmoother.h"

#include <atomic>

namespace crest
{
enum class MonitorSource
{
    master,
    mix,
    difference
};

class MonitorPath
{
public:
    static constexpr float dimDb = -20.0f;

    explicit MonitorPath (double sampleRate = 48000.0);
    void setSampleRate (double sampleRate) noexcept;

    void setSource (MonitorSource source) noexcept { selected.store (source, std::memory_order_relaxed); }
    MonitorSource source() const noexcept { return selected.load (std::memory_order_relaxed); }
    // The gain that brings the master to the mix's loudness (mix LUFS -
    // master LUFS), used while matching is on.
    void setMatchGainDb (float db) noexcept { matchDb.store (db, std::memory_order_relaxed); }
    float matchGainDb() const noexcept { return matchDb.load (std::memory_order_relaxed); }
    void setMatching (bool on) noexcept { matching.store (on, std::memory_order_relaxed); }
    bool isMatching() const noexcept { return matching.load (std::memory_order_relaxed); }
    void setDim (bool on) noexcept { dim.store (on, std::memory_order_relaxed); }
    bool dimmed() const noexcept { return dim.load (std::memory_order_relaxed); }
    void setMono (bool on) noexcept { mono.store (on, std::memory_order_relaxed); }
    bool monoed() const noexcept { return mono.load (std::memory_order_relaxed); }

    // Whether process() would change anything: false while the master is
    // heard as it is, undimmed, in stereo (the output is then the master's
    // own buffer).
    bool isTransparent() const noexcept;

    // master and mix: stereo, numFrames each; heard: where to write.
    void process (const float* const* master, const float* const* mix, float* const* heard, int numFrames) noexcept;

private:
    std::atomic<MonitorSource> selected { MonitorSource::master };
    std::atomic<float> matchDb { 0.0f };
    std::atomic<bool> matching { true }, dim { false }, mono { false };
    LinearSmoother masterGain, mixGain, monoAmount;
};
} // namespace crest
