// libFuzzer target: the session parser must turn any bytes into either a
// session or a CrestError, never a crash, hang or leak.
#include "Core/CrestError.h"
#include "Session/SessionJson.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput (const uint8_t* data, size_t size)
{
    try
    {
        const auto session = crest::parseSessionJson (std::string_view ((const char*) data, size), "fuzz.crest");
        (void) crest::writeSessionJson (session);
    }
    catch (const crest::CrestError&)
    {
    }
    return 0;
}
