#include "Core/CrestError.h"
#include "IO/AudioFileReader.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace crest;
namespace fs = std::filesystem;

TEST_CASE ("audio inputs kept from fuzzing all import or fail cleanly", "[io][fuzz]")
{
    const fs::path corpus = fs::path (CREST_TEST_DATA_DIR) / "fuzz-audio";
    REQUIRE (fs::is_directory (corpus));
    int opened = 0, refused = 0;
    for (const auto& entry : fs::directory_iterator (corpus))
    {
        try
        {
            AudioFileReader reader (entry.path());
            std::vector<float> buffer ((size_t) (reader.info().frames * reader.info().channels) + 1);
            reader.readInterleaved (buffer.data(), reader.info().frames);
            ++opened;
        }
        catch (const CrestError& e)
        {
            CHECK_THAT (e.what(), Catch::StartsWith (entry.path().string() + ": "));
            ++refused;
        }
    }
    CHECK (opened >= 3);
    CHECK (refused >= 1);
}
