// EQ ear training: the bands are the octave centres asked for, rounds are
// reproducible from the seed, boosts and cuts are as set, and the score is
// judged at a chance of one in N; a round's programme carries its bell.
#include "Training/BinomialTest.h"
#include "Training/EqEarTrainer.h"
#include "Training/HiddenBand.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace crest;

TEST_CASE ("the trainer's bands are octave centres spread over the range", "[training][ear]")
{
    CHECK (EqEarTrainer::centresFor (8) == std::vector<double> { 63, 125, 250, 500, 1000, 2000, 4000, 8000 });
    CHECK (EqEarTrainer::centresFor (10).front() == 31.5);
    CHECK (EqEarTrainer::centresFor (10).back() == 16000);
    CHECK (EqEarTrainer::centresFor (4) == std::vector<double> { 63, 250, 2000, 8000 });
    CHECK (EqEarTrainer::centresFor (2) == std::vector<double> { 63, 8000 });
}

TEST_CASE ("rounds come from the seed, with boosts, cuts or both as set", "[training][ear]")
{
    EarTrainingSettings s;
    s.rounds = 40;
    s.moves = EarTrainingMoves::both;
    s.seed = 5;
    const EqEarTrainer a (s), b (s);
    int cuts = 0;
    for (size_t i = 0; i < a.rounds().size(); ++i)
    {
        CHECK (a.rounds()[i].band == b.rounds()[i].band);
        CHECK (a.rounds()[i].gainDb == b.rounds()[i].gainDb);
        CHECK (std::abs (a.rounds()[i].gainDb) == 6.0);
        cuts += a.rounds()[i].gainDb < 0 ? 1 : 0;
    }
    CHECK (cuts > 5);
    CHECK (cuts < 35);
    s.seed = 6;
    const EqEarTrainer c (s);
    bool differs = false;
    for (size_t i = 0; i < a.rounds().size(); ++i)
        differs = differs || a.rounds()[i].band != c.rounds()[i].band;
    CHECK (differs);
    s.moves = EarTrainingMoves::cuts;
    const EqEarTrainer cutsOnly (s);
    for (const auto& r : cutsOnly.rounds())
        CHECK (r.gainDb == -6.0);
}

TEST_CASE ("naming bands scores the rounds against a chance of one in N", "[training][ear]")
{
    EarTrainingSettings s;
    s.rounds = 6;
    s.bands = 8;
    EqEarTrainer trainer (s);
    const auto hidden = trainer.hiddenNow();
    CHECK (hidden.shape == FilterShape::bell);
    CHECK (hidden.gainDb == 6.0);
    CHECK (hidden.frequencyHz == trainer.centres()[(size_t) trainer.rounds()[0].band]);
    for (int i = 0; i < 6; ++i)
    {
        const int band = trainer.rounds()[(size_t) i].band;
        // Right four times, then an octave off twice.
        trainer.answer (i < 4 ? band : (band == 0 ? 1 : band - 1), 3.0);
    }
    CHECK (trainer.correct() == 4);
    CHECK (trainer.meanOctavesOff() == Approx (1.0).margin (0.02));   // nominal centres: 63 to 125 is 0.99
    CHECK (trainer.pValue() == Approx (binomialTailProbability (6, 4, 1.0 / 8)));
    // 4 of 6 at one in eight is far beyond guessing.
    CHECK (trainer.pValue() < 0.01);
}

TEST_CASE ("a round's programme carries its hidden bell: the gain at the centre, nothing three octaves off", "[training][ear]")
{
    constexpr double rate = 48000;
    auto sine = [&] (double hz) {
        ComparisonPlayer::Programme p;
        for (int i = 0; i < (int) rate * 2; ++i)
            p.left.push_back ((float) (0.25 * std::sin (2 * M_PI * hz * i / rate)));
        p.right = p.left;
        return p;
    };
    auto peakAfterSettling = [] (const std::vector<float>& x) {
        float peak = 0;
        for (size_t i = x.size() / 2; i < x.size(); ++i)
            peak = std::max (peak, std::abs (x[i]));
        return 20 * std::log10 (peak / 0.25);
    };
    EarTrainingSettings settings;
    settings.moves = EarTrainingMoves::both;
    settings.seed = 5;
    EqEarTrainer trainer (settings);
    for (int round = 0; round < 4; ++round)
    {
        const auto hidden = trainer.hiddenNow();
        INFO ("round " << round << ": " << hidden.frequencyHz << " Hz " << hidden.gainDb << " dB");
        const auto atCentre = withHiddenBand (sine (hidden.frequencyHz), hidden, rate);
        CHECK (peakAfterSettling (atCentre.left) == Approx (hidden.gainDb).margin (0.1));
        CHECK (peakAfterSettling (atCentre.right) == Approx (hidden.gainDb).margin (0.1));
        const double far = hidden.frequencyHz >= 1000 ? hidden.frequencyHz / 8 : hidden.frequencyHz * 8;
        CHECK (std::abs (peakAfterSettling (withHiddenBand (sine (far), hidden, rate).left)) < 0.3);
        trainer.answer (0, 1.0);
    }
}
