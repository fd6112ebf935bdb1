#include "EqEarTrainer.h"

#include "BinomialTest.h"
#include "TrialRandom.h"

#include <algorithm>
#include <cmath>

namespace crest
{
std::vector<double> EqEarTrainer::centresFor (int bands)
{
    // The octave bands a listener hears on any speaker first; the extremes
    // only when all of them are asked for.
    static constexpr double core[] = { 63, 125, 250, 500, 1000, 2000, 4000, 8000 };
    bands = std::clamp (bands, EarTrainingSettings::minBands, EarTrainingSettings::maxBands);
    std::vector<double> hz;
    if (bands >= 9)
        hz.push_back (31.5);
    const int fromCore = std::min (bands, 8);
    for (int i = 0; i < fromCore; ++i)
        // Spread evenly over the eight, ends included.
        hz.push_back (core[fromCore == 1 ? 0 : (int) std::lround (i * 7.0 / (fromCore - 1))]);
    if (bands == 10)
        hz.push_back (16000);
    return hz;
}

EqEarTrainer::EqEarTrainer (const EarTrainingSettings& settings) : chosen (settings), centreHz (centresFor (settings.bands))
{
    chosen.bands = (int) centreHz.size();
    chosen.gainDb = std::clamp (settings.gainDb, 1.0, 15.0);
    chosen.rounds = std::clamp (settings.rounds, 1, EarTrainingSettings::maxRounds);
    TrialRandom random (chosen.seed);
    list.resize ((size_t) chosen.rounds);
    for (auto& r : list)
    {
        r.band = random.below (chosen.bands);
        const bool cut = chosen.moves == EarTrainingMoves::cuts || (chosen.moves == EarTrainingMoves::both && random.below (2) == 1);
        r.gainDb = cut ? -chosen.gainDb : chosen.gainDb;
    }
}

FilterSettings EqEarTrainer::hiddenNow() const noexcept
{
    if (finished())
        return { FilterShape::bell, 1000, bandQ, 0 };
    const auto& r = list[(size_t) next];
    return { FilterShape::bell, centreHz[(size_t) r.band], bandQ, r.gainDb };
}

void EqEarTrainer::answer (int band, double seconds)
{
    if (finished())
        return;
    list[(size_t) next].answer = std::clamp (band, 0, chosen.bands - 1);
    list[(size_t) next].seconds = seconds;
    ++next;
}

int EqEarTrainer::correct() const noexcept
{
    return (int) std::count_if (list.begin(), list.end(), [] (const EarTrainingRound& r) { return r.correct(); });
}

double EqEarTrainer::pValue() const noexcept
{
    return binomialTailProbability (answered(), correct(), 1.0 / chosen.bands);
}

double EqEarTrainer::meanOctavesOff() const noexcept
{
    double sum = 0;
    int wrong = 0;
    for (const auto& r : list)
        if (r.answer && ! r.correct())
        {
            sum += std::abs (std::log2 (centreHz[(size_t) *r.answer] / centreHz[(size_t) r.band]));
            ++wrong;
        }
    return wrong > 0 ? sum / wrong : 0.0;
}
} // namespace crest
