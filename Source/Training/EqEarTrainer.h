// EQ ear training: each round hides a bell boost or cut at one of N octave
// bands (ISO centres, 63 Hz to 8 kHz, and 31.5 Hz and 16 kHz for nine and
// ten); the listener hears the programme flat and EQ'd and names the
// band. Rounds come from a seed (TrialRandom) as ABX trials do; the score
// is judged by the binomial tail at a chance of 1/N. The band is an
// octave wide (Q 1.41), as ear-training courses teach it. Plain state;
// message thread.
#pragma once

#include "Dsp/BiquadDesign.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace crest
{
enum class EarTrainingMoves
{
    boosts,
    cuts,
    both
};

struct EarTrainingSettings
{
    static constexpr int minBands = 2, maxBands = 10, maxRounds = 500;
    int bands = 8;
    double gainDb = 6;   // the size of the boost or cut, 1 to 15 dB
    EarTrainingMoves moves = EarTrainingMoves::boosts;
    int rounds = 10;
    uint64_t seed = 1;
};

struct EarTrainingRound
{
    int band = 0;        // index into the trainer's centres
    double gainDb = 0;   // + boost, - cut
    std::optional<int> answer;
    double seconds = 0;

    bool correct() const noexcept { return answer && *answer == band; }
};

class EqEarTrainer
{
public:
    explicit EqEarTrainer (const EarTrainingSettings& settings);

    // The N band centres in Hz, low to high.
    static std::vector<double> centresFor (int bands);
    static constexpr double bandQ = 1.4142135623730951;

    const EarTrainingSettings& settings() const noexcept { return chosen; }
    const std::vector<double>& centres() const noexcept { return centreHz; }
    const std::vector<EarTrainingRound>& rounds() const noexcept { return list; }
    int current() const noexcept { return next; }
    bool finished() const noexcept { return next >= (int) list.size(); }

    // The EQ hidden in the current round (a bell), for the player.
    FilterSettings hiddenNow() const noexcept;
    void answer (int band, double seconds);

    int answered() const noexcept { return next; }
    int correct() const noexcept;
    double pValue() const noexcept;
    // How far off the wrong answers were, on average, in octaves (0 when none).
    double meanOctavesOff() const noexcept;

private:
    EarTrainingSettings chosen;
    std::vector<double> centreHz;
    std::vector<EarTrainingRound> list;
    int next = 0;
};
} // namespace crest
