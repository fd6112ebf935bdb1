// libFuzzer target: the album parser must turn any bytes into either an
// album or a CrestError, never a crash, hang or leak; and what it accepts
// must write and read back as the same album.
#include "Album/AlbumJson.h"
#include "Core/CrestError.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput (const uint8_t* data, size_t size)
{
    try
    {
        const auto album = crest::parseAlbumJson (std::string_view ((const char*) data, size), "fuzz.crest-album");
        if (! (crest::parseAlbumJson (crest::writeAlbumJson (album), "again.crest-album") == album))
            std::abort();
    }
    catch (const crest::CrestError&)
    {
    }
    return 0;
}
