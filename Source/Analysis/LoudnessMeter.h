// Loudness and level of a stream of audio, fed block by block (ITU-R
// BS.1770-4 / EBU R128 through libebur128, which passes the EBU Tech 3341
// and 3342 cases: Tests/Analysis/LoudnessMeterTests): momentary and
// short-term loudness now and at their maximum (read every 100 ms, as
// Tech 3341 asks of a meter), integrated (gated) loudness, loudness range,
// true peak (4x oversampled below 96 kHz, 2x up to 192 kHz), sample peak,
// and from them PLR, crest factor and, for two channels, the phase
// correlation. The same meter serves `crest analyze`, the render report and
// (fed from a FIFO, off the audio thread) the live meters. Not for the
// audio thread: libebur128 allocates.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace crest
{
// The figures of everything fed so far. A level that cannot be measured
// (silence, or less audio than one 400 ms block for loudness) is -inf.
struct LoudnessReading
{
    double integratedLufs;
    double loudnessRangeLu;
    double momentaryLufs;       // the last 400 ms
    double shortTermLufs;       // the last 3 s
    double maxMomentaryLufs;
    double maxShortTermLufs;
    double truePeakDbtp;
    double samplePeakDbfs;
    double rmsDbfs;             // of all channels together (a full-scale sine reads -3.01)
    double correlation;         // +1 mono, 0 unrelated, -1 out of phase; 1 when not stereo or silent
    double seconds;

    // True peak minus integrated loudness (EBU's peak-to-loudness ratio).
    double plrLu() const noexcept { return truePeakDbtp - integratedLufs; }
    // Sample peak over RMS, in dB (a sine's is 3.01).
    double crestFactorDb() const noexcept { return samplePeakDbfs - rmsDbfs; }
};

// How channels count toward loudness (BS.1770 weights): stereo L R; 5.0 as
// L R C Ls Rs; 5.1 as L R C LFE Ls Rs (the LFE is left out, the surrounds
// weigh 1.41); a single channel counts once, as BS.1770 says (a mono file
// played on two speakers is heard 3 dB louder; dual mono counts it twice).
enum class ChannelCounting
{
    asLaidOut,
    dualMono
};

class LoudnessMeter
{
public:
    // Throws CrestError for a channel count or rate it cannot measure
    // (more than 8 channels, under 8 kHz or over 384 kHz).
    LoudnessMeter (int channels, double sampleRate, ChannelCounting counting = ChannelCounting::asLaidOut);
    ~LoudnessMeter();
    LoudnessMeter (const LoudnessMeter&) = delete;
    LoudnessMeter& operator= (const LoudnessMeter&) = delete;

    // `frames` interleaved frames.
    void add (const float* interleaved, int64_t frames);

    LoudnessReading reading() const;
    // The integrated loudness of several streams heard as one: BS.1770's
    // gating over all their blocks together (libebur128's
    // loudness_global_multiple). An album's, from its tracks, in any order.
    static double integratedOfAll (const std::vector<const LoudnessMeter*>& meters);
    // Cheap enough to poll after every block: the sliding windows only.
    double momentaryLufs() const noexcept;
    double shortTermLufs() const noexcept;

    int channels() const noexcept { return channelCount; }
    double sampleRate() const noexcept { return rate; }
    // How the channels were counted, in words ("stereo", "5.1: L R C LFE Ls Rs").
    std::string layoutDescription() const;

private:
    void addChunk (const float* interleaved, int64_t frames);

    struct State;
    std::unique_ptr<State> state;
    int channelCount;
    double rate;
    ChannelCounting counting;
};
} // namespace crest
