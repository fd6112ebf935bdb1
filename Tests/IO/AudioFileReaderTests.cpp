#include "Core/CrestError.h"
#include "Helpers/ErrorMessage.h"
#include "Helpers/TestFiles.h"
#include "IO/AudioFileReader.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

namespace
{
std::string openError (const fs::path& file)
{
    return errorMessage ([&] { AudioFileReader reader (file); });
}
} // namespace

TEST_CASE ("every written format reads back", "[io][formats]")
{
    TempFolder dir;
    for (auto container : { Container::wav, Container::aiff, Container::flac })
        for (auto encoding : { SampleEncoding::int16, SampleEncoding::int24, SampleEncoding::float32 })
        {
            if (container == Container::flac && encoding == SampleEncoding::float32)
                continue;
            const auto file = dir / "f.audio";
            writeAudio (file, 2, 44100, 1000, [] (int64_t i, int ch) { return ch == 0 ? 0.25f : (float) (i % 100) / 200.0f; }, { container, encoding });
            const auto audio = readAudio (file);
            REQUIRE (audio.frames() == 1000);
            CHECK (audio.sampleRate == 44100);
            CHECK (audio.samples[0] == Approx (0.25).margin (1e-4));
            CHECK (audio.samples[2 * 50 + 1] == Approx (0.25).margin (1e-4));
        }
}

TEST_CASE ("bad audio files are refused with the file and the problem named", "[io][badinput]")
{
    TempFolder dir;

    CHECK (openError (dir / "nothere.wav") == (dir / "nothere.wav").string() + ": file not found");

    writeBytes (dir / "empty.wav", "");
    CHECK (openError (dir / "empty.wav") == (dir / "empty.wav").string() + ": file is empty (0 bytes)");

    writeBytes (dir / "notes.wav", "These are my mix notes, not audio.\n");
    CHECK (openError (dir / "notes.wav") == (dir / "notes.wav").string() + ": not an audio file Crest can read (Format not recognised.)");

    writeAudio (dir / "full.wav", 1, 48000, 48000, [] (int64_t, int) { return 0.1f; }, { Container::wav, SampleEncoding::int16 });
    writeBytes (dir / "cut.wav", readBytes (dir / "full.wav").substr (0, 50000));
    CHECK (openError (dir / "cut.wav") == (dir / "cut.wav").string() + ": file is truncated (header promises 96000 bytes of audio, only 49956 are present)");

    fs::create_directories (dir / "folder.wav");
    CHECK (openError (dir / "folder.wav") == (dir / "folder.wav").string() + ": is a folder, not an audio file");
}

#include <sndfile.h>

TEST_CASE ("compressed formats import: Ogg Vorbis, Ogg Opus and MP3", "[io][formats]")
{
    TempFolder dir;
    struct Case
    {
        const char* name;
        int format;
        int rate;
    };
    for (const auto& c : { Case { "v.ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS, 44100 }, Case { "o.opus", SF_FORMAT_OGG | SF_FORMAT_OPUS, 48000 },
                           Case { "m.mp3", SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III, 44100 } })
    {
        SF_INFO info {};
        info.channels = 2;
        info.samplerate = c.rate;
        info.format = c.format;
        SNDFILE* f = sf_open ((dir / c.name).c_str(), SFM_WRITE, &info);
        REQUIRE (f != nullptr);
        std::vector<float> tone ((size_t) c.rate * 2);
        for (size_t i = 0; i < tone.size(); ++i)
            tone[i] = 0.5f * (float) std::sin (2 * 3.14159265 * 440.0 * (double) (i / 2) / c.rate);
        sf_writef_float (f, tone.data(), c.rate);
        sf_close (f);

        INFO (c.name);
        const auto audio = readAudio (dir / c.name);
        CHECK (audio.sampleRate == c.rate);
        CHECK (audio.channels == 2);
        CHECK (audio.frames() >= c.rate * 9 / 10);
        float peak = 0;
        for (float s : audio.samples)
            peak = std::max (peak, std::abs (s));
        CHECK (peak == Approx (0.5).margin (0.08));
    }
}
