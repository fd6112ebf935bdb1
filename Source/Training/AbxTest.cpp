#include "AbxTest.h"

#include "BinomialTest.h"
#include "TrialRandom.h"

#include <algorithm>

namespace crest
{
AbxTest::AbxTest (int trials, uint64_t seed) : seedValue (seed)
{
    TrialRandom random (seed);
    list.resize ((size_t) std::clamp (trials, 1, maxTrials));
    for (auto& t : list)
        t.hidden = random.below (2) == 0 ? AbxChoice::a : AbxChoice::b;
}

AbxChoice AbxTest::hiddenNow() const noexcept
{
    return finished() ? AbxChoice::a : list[(size_t) next].hidden;
}

void AbxTest::noteSwitch() noexcept
{
    if (! finished())
        ++list[(size_t) next].switches;
}

void AbxTest::answer (AbxChoice choice, double seconds)
{
    if (finished())
        return;
    list[(size_t) next].answer = choice;
    list[(size_t) next].seconds = seconds;
    ++next;
}

int AbxTest::correct() const noexcept
{
    return (int) std::count_if (list.begin(), list.end(), [] (const AbxTrial& t) { return t.correct(); });
}

double AbxTest::pValue() const noexcept
{
    return binomialTailProbability (answered(), correct(), 0.5);
}
} // namespace crest
