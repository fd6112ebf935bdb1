// Times as people read them: minutes and seconds, rounded once.
#include "Core/ClockText.h"

#include <catch2/catch.hpp>

using namespace crest;

TEST_CASE ("clock text shows minutes and seconds to the places asked for", "[core][clock]")
{
    CHECK (clockText (62.345, 2) == "1:02.35");
    CHECK (clockText (7.3, 1) == "0:07.3");
    CHECK (clockText (185, 0) == "3:05");
    CHECK (clockText (59.996, 2) == "1:00.00");   // rounded once, never 0:60.00
    CHECK (clockText (-1.5, 3) == "-0:01.500");
    CHECK (clockText (3600, 0) == "60:00");
}
