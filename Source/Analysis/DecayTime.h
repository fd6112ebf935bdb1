// A reverb's decay time read from its impulse response the way room
// acoustics does (ISO 3382): the 1 kHz octave band-passed out, its energy
// integrated backward (Schroeder), a line fitted through the -5 to -25 dB
// stretch and extrapolated to 60 dB (T20). The reverb's tests hold the
// DSP to its setting with it, and its editor shows the number it gives.
// JUCE-free.
#pragma once

#include <optional>
#include <vector>

namespace crest
{
// RT60 in seconds, or nothing when the response never falls 25 dB.
std::optional<double> decayTimeT20 (std::vector<float> impulseResponse, double sampleRate);
} // namespace crest
