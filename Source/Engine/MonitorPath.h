// What the engineer hears, never what is rendered: the Mix / Master /
// Difference / Reference switch, the loudness match, dim and mono. The
// heard signal is a·master + b·mix + c·reference, the mix taken before the
// master chain and delayed by its latency (the same sample), the
// reference read where the timeline is heard. Master is (g, 0, 0), Mix
// (0, 1, 0), Difference (g, -1, 0), Reference (0, 0, r): with matching on,
// g brings the master to the mix's loudness and r the chosen reference,
// so the louder one does not win by loudness and Difference is what
// mastering added beyond level. Every gain glides over 20 ms, so a switch
// (between sources, or from one reference to another) is a short
// crossfade with no click.
// Setters: any thread (atomics). process(): audio thread.
#pragma once

#include "Realtime/LinearSmoother.h"

#include <array>
#include <atomic>

namespace crest
{
enum class MonitorSource
{
    master,
    mix,
    difference,
    reference
};

class MonitorPath
{
public:
    static constexpr float dimDb = -20.0f;
    static constexpr int maxReferences = 8;

    explicit MonitorPath (double sampleRate = 48000.0);
    void setSampleRate (double sampleRate) noexcept;

    void setSource (MonitorSource source) noexcept { selected.store (source, std::memory_order_relaxed); }
    MonitorSource source() const noexcept { return selected.load (std::memory_order_relaxed); }
    // The gain that brings the master to the mix's loudness (mix LUFS -
    // master LUFS), used while matching is on.
    void setMatchGainDb (float db) noexcept { matchDb.store (db, std::memory_order_relaxed); }
    float matchGainDb() const noexcept { return matchDb.load (std::memory_order_relaxed); }
    // Which reference the Reference source plays (an index into the plan's
    // references), and the gain that brings each to the mix's loudness.
    void setReference (int index) noexcept { selectedReference.store (index, std::memory_order_relaxed); }
    int reference() const noexcept { return selectedReference.load (std::memory_order_relaxed); }
    void setReferenceMatchDb (int index, float db) noexcept;
    float referenceMatchDb (int index) const noexcept;
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

    // Audio thread, before process(): whether reference `index` is heard
    // in this block at all (its gain is above zero or heading there), so
    // its audio need only be read then.
    bool referenceNeeded (int index) const noexcept;

    // master and mix: stereo, numFrames each; references: maxReferences
    // entries, each stereo or null (not needed, so silent); heard: where
    // to write.
    void process (const float* const* master, const float* const* mix, const float* const* const* references, float* const* heard,
                  int numFrames) noexcept;

private:
    std::atomic<MonitorSource> selected { MonitorSource::master };
    std::atomic<float> matchDb { 0.0f };
    std::atomic<int> selectedReference { 0 };
    std::array<std::atomic<float>, maxReferences> referenceDb {};
    std::atomic<bool> matching { true }, dim { false }, mono { false };
    LinearSmoother masterGain, mixGain, monoAmount;
    std::array<LinearSmoother, maxReferences> referenceGain;
};
} // namespace crest
