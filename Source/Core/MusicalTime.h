// Samples to bars and beats and back, for the transport's position, the
// ruler's grid and snapping: a constant tempo and meter from sample zero
// (bar 1, beat 1), as the session holds them. JUCE-free.
#pragma once

#include <cstdint>
#include <string>

namespace crest
{
struct MusicalTime
{
    double sampleRate = 48000.0;
    double tempoBpm = 120.0;   // quarter notes per minute
    int numerator = 4, denominator = 4;

    // One beat is one 1/denominator note: a quarter in 4/4, an eighth in 6/8.
    double samplesPerBeat() const noexcept { return sampleRate * 60.0 / tempoBpm * 4.0 / denominator; }
    double samplesPerBar() const noexcept { return samplesPerBeat() * numerator; }

    struct Position
    {
        int64_t bar = 1;   // from 1
        int beat = 1;      // from 1
        int hundredths = 0;   // of the beat, 0..99
    };
    Position positionAt (int64_t sample) const noexcept;
    int64_t sampleAtBar (int64_t bar) const noexcept;   // bar 1 starts at 0
    // "12.3.50": bar, beat, hundredths of the beat; before zero, "-".
    std::string format (int64_t sample) const;
};
} // namespace crest
