// A blind ABX test: trials in which A and B are known and X is secretly
// one of them; the listener says which. The hidden choices come from a
// seed (TrialRandom), so a test can be repeated or handed out; the score
// is judged by the exact binomial tail (the chance of doing as well by
// guessing). Plain state; the window that runs it lives on the message
// thread.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace crest
{
enum class AbxChoice
{
    a,
    b
};

struct AbxTrial
{
    AbxChoice hidden = AbxChoice::a;
    std::optional<AbxChoice> answer;
    double seconds = 0;   // from the trial's start to the answer
    int switches = 0;     // how often the listener changed what was playing

    bool correct() const noexcept { return answer && *answer == hidden; }
};

class AbxTest
{
public:
    static constexpr int maxTrials = 1000;

    AbxTest (int trials, uint64_t seed);

    uint64_t seed() const noexcept { return seedValue; }
    const std::vector<AbxTrial>& trials() const noexcept { return list; }
    // The trial waiting for an answer; trials().size() once all are answered.
    int current() const noexcept { return next; }
    bool finished() const noexcept { return next >= (int) list.size(); }

    // What X is in the current trial (for the player; never shown).
    AbxChoice hiddenNow() const noexcept;
    void noteSwitch() noexcept;
    // Records the answer to the current trial and moves to the next.
    void answer (AbxChoice choice, double seconds);

    int answered() const noexcept { return next; }
    int correct() const noexcept;
    // The chance of at least this score by guessing, over the answered trials.
    double pValue() const noexcept;

private:
    uint64_t seedValue;
    std::vector<AbxTrial> list;
    int next = 0;
};
} // namespace crest
