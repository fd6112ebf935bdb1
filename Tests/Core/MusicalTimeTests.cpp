// Bars and beats from samples, in the meters a session can hold.
#include "Core/MusicalTime.h"

#include <catch2/catch.hpp>

using namespace crest;

TEST_CASE ("MusicalTime: 4/4 at 120 BPM", "[core][musical]")
{
    const MusicalTime t { 48000.0, 120.0, 4, 4 };
    CHECK (t.samplesPerBeat() == 24000.0);
    CHECK (t.format (0) == "1.1.00");
    CHECK (t.format (23999) == "1.1.99");
    CHECK (t.format (24000) == "1.2.00");
    CHECK (t.format (12000) == "1.1.50");
    CHECK (t.format (96000) == "2.1.00");
    CHECK (t.format (96000 * 11 + 2 * 24000 + 6000) == "12.3.25");
    CHECK (t.sampleAtBar (1) == 0);
    CHECK (t.sampleAtBar (3) == 192000);
    CHECK (t.format (-1) == "-");
}

TEST_CASE ("MusicalTime: 6/8 and an odd tempo", "[core][musical]")
{
    const MusicalTime t { 44100.0, 97.0, 6, 8 };
    // An eighth note at 97 quarter notes a minute.
    CHECK (t.samplesPerBeat() == Approx (44100.0 * 60.0 / 97.0 / 2.0));
    CHECK (t.positionAt ((int64_t) std::ceil (t.samplesPerBar())).bar == 2);
    CHECK (t.positionAt ((int64_t) std::ceil (5 * t.samplesPerBeat())).beat == 6);
    CHECK (t.positionAt (t.sampleAtBar (40)).bar == 40);
    CHECK (t.positionAt (t.sampleAtBar (40)).beat == 1);
}
