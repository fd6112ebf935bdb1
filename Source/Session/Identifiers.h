// The names of every node and property in the session's ValueTree.
#pragma once

#include <juce_core/juce_core.h>

namespace crest::ids
{
#define CREST_IDENTIFIER(name) inline const juce::Identifier name { #name };
CREST_IDENTIFIER (SESSION)
CREST_IDENTIFIER (TRACK)
CREST_IDENTIFIER (CLIP)
CREST_IDENTIFIER (BUS)
CREST_IDENTIFIER (MASTER)
CREST_IDENTIFIER (MODULE)
CREST_IDENTIFIER (sampleRate)
CREST_IDENTIFIER (panLaw)
CREST_IDENTIFIER (mixBusFaderDb)
CREST_IDENTIFIER (id)
CREST_IDENTIFIER (name)
CREST_IDENTIFIER (channels)
CREST_IDENTIFIER (trimDb)
CREST_IDENTIFIER (faderDb)
CREST_IDENTIFIER (pan)
CREST_IDENTIFIER (mute)
CREST_IDENTIFIER (solo)
CREST_IDENTIFIER (file)
CREST_IDENTIFIER (startSample)
CREST_IDENTIFIER (sourceOffsetSamples)
CREST_IDENTIFIER (lengthSamples)
CREST_IDENTIFIER (gainDb)
CREST_IDENTIFIER (fadeInSamples)
CREST_IDENTIFIER (fadeOutSamples)
CREST_IDENTIFIER (output)
CREST_IDENTIFIER (sidechain)
CREST_IDENTIFIER (kind)
CREST_IDENTIFIER (soloSafe)
CREST_IDENTIFIER (tempoBpm)
CREST_IDENTIFIER (meterNumerator)
CREST_IDENTIFIER (meterDenominator)
CREST_IDENTIFIER (enabled)
CREST_IDENTIFIER (colour)
#undef CREST_IDENTIFIER
} // namespace crest::ids
