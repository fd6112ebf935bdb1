// libFuzzer target: audio import must turn any file into either audio or a
// CrestError. The bytes go through a real file because that is the path
// Crest uses.
#include "Core/CrestError.h"
#include "IO/AudioFileReader.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <unistd.h>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput (const uint8_t* data, size_t size)
{
    static const std::string path = "/tmp/crest-fuzz-audio-" + std::to_string (::getpid()) + ".wav";
    if (FILE* f = std::fopen (path.c_str(), "wb"))
    {
        std::fwrite (data, 1, size, f);
        std::fclose (f);
    }
    try
    {
        crest::AudioFileReader reader (path);
        const auto& info = reader.info();
        std::vector<float> buffer (4096 * (size_t) info.channels);
        for (int64_t done = 0; done < info.frames && done < (1 << 20);)
        {
            const auto n = std::min<int64_t> (4096, info.frames - done);
            reader.readInterleaved (buffer.data(), n);
            done += n;
        }
    }
    catch (const crest::CrestError&)
    {
    }
    return 0;
}
