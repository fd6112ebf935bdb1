// ABX trials: p-values equal the binomial tail computed here independently
// (exact counting over Pascal's triangle, in integers); the same seed gives
// the same trials and another seed others; answers are scored.
#include "Training/AbxTest.h"
#include "Training/BinomialTest.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

using namespace crest;

namespace
{
// P(X >= k), X ~ Binomial(n, 1/2), by counting: sum of C(n, i) for i >= k, over 2^n.
double countedTail (int n, int k)
{
    std::vector<unsigned __int128> row { 1 };
    for (int i = 0; i < n; ++i)
    {
        std::vector<unsigned __int128> next (row.size() + 1, 0);
        for (size_t j = 0; j < row.size(); ++j)
        {
            next[j] += row[j];
            next[j + 1] += row[j];
        }
        row = next;
    }
    unsigned __int128 favourable = 0;
    for (int i = std::max (k, 0); i <= n; ++i)
        favourable += row[(size_t) i];
    return (double) favourable / (double) ((unsigned __int128) 1 << n);
}
} // namespace

TEST_CASE ("ABX p-values equal the binomial tail counted exactly", "[training][abx]")
{
    for (const int n : { 1, 5, 10, 16, 20, 40, 100 })
        for (int k = 0; k <= n; ++k)
        {
            INFO (k << " of " << n);
            CHECK (binomialTailProbability (n, k) == Approx (countedTail (n, k)).epsilon (1e-9));
        }
    // The textbook thresholds: 12 of 16 is under 5 %, 9 of 10 is 1.07 %.
    CHECK (binomialTailProbability (16, 12) == Approx (0.0384).margin (0.0001));
    CHECK (binomialTailProbability (10, 9) == Approx (0.0107).margin (0.0001));
    CHECK (binomialTailProbability (10, 0) == 1.0);
    CHECK (binomialTailProbability (10, 11) == 0.0);
}

TEST_CASE ("the same seed gives the same trials, another seed others", "[training][abx]")
{
    auto hidden = [] (uint64_t seed) {
        std::vector<AbxChoice> x;
        for (const auto& t : AbxTest (32, seed).trials())
            x.push_back (t.hidden);
        return x;
    };
    CHECK (hidden (42) == hidden (42));
    CHECK (hidden (42) != hidden (43));
    // Not a constant: both letters come up, about half each over many trials.
    const AbxTest many (1000, 7);
    const auto as = std::count_if (many.trials().begin(), many.trials().end(), [] (const AbxTrial& t) { return t.hidden == AbxChoice::a; });
    CHECK (as > 440);
    CHECK (as < 560);
}

TEST_CASE ("answering scores each trial and the p-value follows the score", "[training][abx]")
{
    AbxTest test (10, 99);
    for (int i = 0; i < 10; ++i)
    {
        if (i == 3)
            test.noteSwitch();
        // Right on all but the last two.
        const auto x = test.hiddenNow();
        test.answer (i < 8 ? x : (x == AbxChoice::a ? AbxChoice::b : AbxChoice::a), 2.5);
    }
    CHECK (test.finished());
    CHECK (test.correct() == 8);
    CHECK (test.trials()[3].switches == 1);
    CHECK (test.pValue() == Approx (countedTail (10, 8)));
    test.answer (AbxChoice::a, 1);   // past the end: nothing happens
    CHECK (test.answered() == 10);
}
