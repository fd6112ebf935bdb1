// An ear-training round's programme: the flat passage through the round's
// hidden bell, designed as the master EQ designs its bands (designBand,
// matched to the analog prototype), so what the student learns to hear is
// what Crest's EQ does. Unmatched in loudness, as an EQ move sounds.
// Off the audio thread (it filters a whole passage at once).
#pragma once

#include "Dsp/BiquadDesign.h"
#include "Training/ComparisonPlayer.h"

namespace crest
{
ComparisonPlayer::Programme withHiddenBand (const ComparisonPlayer::Programme& flat, const FilterSettings& band, double sampleRate);
} // namespace crest
