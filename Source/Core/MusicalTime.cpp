#include "MusicalTime.h"

#include <cmath>
#include <cstdio>

namespace crest
{
MusicalTime::Position MusicalTime::positionAt (int64_t sample) const noexcept
{
    // Hundredths of a beat counted whole, so a display never shows "100";
    // half a sample of slack, so a bar's rounded first sample is in it.
    const double beats = ((double) sample + 0.5) / samplesPerBeat();
    const auto totalHundredths = (int64_t) std::floor (beats * 100.0);
    const int64_t wholeBeats = totalHundredths >= 0 ? totalHundredths / 100 : (totalHundredths - 99) / 100;
    Position p;
    p.hundredths = (int) (totalHundredths - wholeBeats * 100);
    const int64_t bars = wholeBeats >= 0 ? wholeBeats / numerator : (wholeBeats - numerator + 1) / numerator;
    p.bar = bars + 1;
    p.beat = (int) (wholeBeats - bars * numerator) + 1;
    return p;
}

int64_t MusicalTime::sampleAtBar (int64_t bar) const noexcept
{
    return (int64_t) std::llround ((double) (bar - 1) * samplesPerBar());
}

std::string MusicalTime::format (int64_t sample) const
{
    if (sample < 0)
        return "-";
    const auto p = positionAt (sample);
    char text[48];
    std::snprintf (text, sizeof (text), "%lld.%d.%02d", (long long) p.bar, p.beat, p.hundredths);
    return text;
}
} // namespace crest
