// The exact one-sided binomial test a listening test is judged by: the
// chance of getting at least `correct` of `trials` right by guessing (each
// right with probability 1/2 in ABX, 1/N when naming one of N bands). A
// small p says the listener hears the difference. Pure, any thread.
#pragma once

namespace crest
{
// P(X >= correct) for X ~ Binomial(trials, chance); 1 when correct <= 0.
double binomialTailProbability (int trials, int correct, double chance = 0.5) noexcept;
} // namespace crest
