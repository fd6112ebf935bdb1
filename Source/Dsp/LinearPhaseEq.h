// The master EQ in linear phase: the same eight bands, stereo, mid or side,
// with the same magnitude as MasterEq (the minimum-phase, analog-matched
// EQ) but no phase shift, so a boost or cut moves no transient in time.
// Its FIR is the EQ's magnitude sampled on a fine grid, made zero-phase,
// shifted to the middle of the filter and windowed (Hann), then run by
// partitioned FFT convolution (FFTW) on the mid and on the side. Latency:
// half the filter plus one chunk (about 192 ms at 48 kHz), fixed for the
// rate, reported and compensated by the engine.
//
// When a parameter changes, a designer thread of its own computes the new
// filter (a few ms) and hands it to the audio thread, which cross-fades
// into it over one chunk: no click, and the audio thread never designs or
// waits. prepare() designs at once, so a render with fixed settings is the
// same bit for bit at any block size. Audio thread: process() noexcept,
// no allocation, no locks.
#pragma once

#include "MasterEq.h"
#include "PartitionedConvolver.h"

#include <array>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace crest
{
class LinearPhaseEq : public ParameterizedProcessor
{
public:
    LinearPhaseEq();
    ~LinearPhaseEq() override;

    std::string_view name() const noexcept override { return "Linear-phase EQ"; }
    void prepare (const ProcessSpec& spec) override;
    void reset() noexcept override;
    void process (AudioView io) noexcept override;
    int latencySamples() const noexcept override { return filterLength / 2 + chunk; }
    void setParameter (size_t index, double value) noexcept override;

    // The FIR length for a rate: about a third of a second, a power of two.
    static int filterLengthFor (double sampleRate) noexcept;
    // True once the last parameter change is designed (designReady), and
    // in use (settled): for tests and the editor's "designing" note.
    bool designReady() const noexcept { return designed.load() == requested.load(); }
    bool settled() const noexcept;

private:
    // One design: the mid's and the side's filters.
    struct Design
    {
        Design (int chunk, int partitions) : mid (chunk, partitions), side (chunk, partitions) {}
        PartitionedFilter mid, side;
    };
    static constexpr int designs = 4;   // in use, fading from, ready, being made

    void design (Design& into);
    void designerLoop();
    void processChunk() noexcept;

    double sampleRate = 48000.0;
    int filterLength = 16384, chunk = 1024, partitions = 16;
    std::unique_ptr<RealFft> chunkFft, filterFft;
    std::array<std::unique_ptr<Design>, designs> slots;
    std::unique_ptr<PartitionedConvolver> midConvolver, sideConvolver;
    // Audio thread's chunk buffers: input being gathered, output being given.
    std::vector<float> midIn, sideIn, midOut, sideOut;
    int position = 0;

    // Which design the audio thread uses (and fades from for one chunk),
    // and the one the designer has ready; -1 for none.
    std::atomic<int> current { 0 }, previous { -1 }, ready { -1 };
    // Designer thread: the design scratch and its wake-ups.
    MasterEq designer;
    std::vector<double> binHz, midMagnitude, sideMagnitude;
    RealArray impulse, scratch;
    ComplexArray zeroPhase;
    std::atomic<uint64_t> requested { 0 }, designed { 0 }, applied { 0 };
    std::array<std::atomic<uint64_t>, designs> designedGeneration {};   // the settings each slot holds
    std::mutex wake;
    std::condition_variable wakeUp;
    bool quitting = false;
    std::thread worker;
};
} // namespace crest
