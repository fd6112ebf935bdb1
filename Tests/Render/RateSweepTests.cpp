// Every rate libsndfile reads, standard and odd, from 8 kHz to 384 kHz:
// a 2-second stem makes a session whose render lasts exactly as long as
// its media (to the sample after conversion), with the tone's frequency
// and level intact.
#include "Helpers/CliRunner.h"
#include "Helpers/TestFiles.h"
#include "IO/SampleRateConverter.h"
#include "Render/OfflineRenderer.h"
#include "Session/StemImport.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

namespace
{
const std::vector<double> rates { 8000,  9999,  11025, 12000, 16000, 22050,  24000,  31234,  32000,  37800,  44056,
                                  44100, 47250, 48000, 50000, 64000, 88200, 96000, 100001, 176400, 192000, 250000,
                                  352800, 384000 };

struct Tone
{
    double frequencyHz = 0, rmsDb = 0;
};

// Frequency from interpolated rising zero crossings, level as RMS, both
// over the middle of the render (away from the converter's edges).
Tone measureTone (const AudioData& audio, double sampleRate)
{
    const auto frames = (size_t) audio.frames();
    const size_t from = frames / 4, to = 3 * frames / 4;
    double first = -1, last = -1, sumSquares = 0;
    int crossings = 0;
    for (size_t i = from; i < to; ++i)
    {
        const double previous = audio.samples[2 * (i - 1)], current = audio.samples[2 * i];
        sumSquares += current * current;
        if (previous < 0 && current >= 0)
        {
            const double t = (double) (i - 1) + previous / (previous - current);
            if (first < 0)
                first = t;
            last = t;
            ++crossings;
        }
    }
    return { (crossings - 1) / ((last - first) / sampleRate), 10 * std::log10 (sumSquares / (double) (to - from)) };
}
} // namespace

TEST_CASE ("stems at every rate from 8 kHz to 384 kHz render at their true length, frequency and level", "[render][src][rates]")
{
    TempFolder dir;
    setenv ("CREST_CACHE_DIR", (dir / "cache").c_str(), 1);
    const double seconds = 2.0, amplitude = 0.5, toneHz = 1000.0;
    for (const double rate : rates)
        for (const double sessionRate : { 0.0, 48000.0 })   // the file's own (clamped), and a fixed one
        {
            INFO ("file at " << rate << " Hz, session rate " << (sessionRate == 0 ? "from the file" : "48000"));
            const auto file = dir / ("tone-" + std::to_string ((int) rate) + ".wav");
            if (! fs::exists (file))
                writeSine (file, rate, toneHz, amplitude, seconds);
            auto session = sessionFromStems ({ file }, sessionRate).session;
            session.panLaw = PanLaw::zeroDb;   // centre is unity
            const double playRate = session.sampleRate;
            CHECK (playRate == (sessionRate > 0 ? sessionRate : std::clamp (rate, 44100.0, 192000.0)));

            MediaPool media (dir / "cache");
            RenderRequest request;
            request.output = dir / "out.wav";
            request.replaceExisting = true;
            request.format = { Container::wav, SampleEncoding::float32 };
            const auto report = renderSession (session, request, media);
            const auto expected = convertedLength ((int64_t) std::llround (seconds * rate), rate, playRate);
            CHECK (expected == (int64_t) std::llround (seconds * playRate));
            CHECK (report.frames == expected);
            const auto audio = readAudio (request.output);
            REQUIRE (audio.frames() == expected);

            const auto tone = measureTone (audio, playRate);
            CHECK (tone.frequencyHz == Approx (toneHz).margin (0.01));
            CHECK (tone.rmsDb == Approx (20 * std::log10 (amplitude / std::sqrt (2.0))).margin (0.02));
        }
}

TEST_CASE ("crest new gives 8 kHz and 384 kHz stems their true length", "[render][src][rates][cli]")
{
    TempFolder dir;
    setenv ("CREST_CACHE_DIR", (dir / "cache").c_str(), 1);
    for (const double rate : { 8000.0, 384000.0 })
    {
        const auto stem = dir / ("stem-" + std::to_string ((int) rate) + ".wav");
        writeSine (stem, rate, 440, 0.5, 2.0);
        const auto session = dir / ("s-" + std::to_string ((int) rate) + ".crest");
        REQUIRE (runCrest ("new " + shellQuote (session) + " --stems " + shellQuote (stem)).exitCode == 0);
        const auto out = dir / ("mix-" + std::to_string ((int) rate) + ".wav");
        const auto run = runCrest ("render " + shellQuote (session) + " -o " + shellQuote (out));
        CHECK (run.exitCode == 0);
        CHECK_THAT (run.output, Catch::Contains ("2.00 s"));
        const auto audio = readAudio (out);
        CHECK ((double) audio.frames() / audio.sampleRate == 2.0);
    }
}

TEST_CASE ("a zero-length file is refused at import, naming it", "[render][badinput]")
{
    TempFolder dir;
    writeAudio (dir / "empty.wav", 1, 48000, 0, [] (int64_t, int) { return 0.0f; });
    CHECK_THROWS_WITH (sessionFromStems ({ dir / "empty.wav" }), (dir / "empty.wav").string() + ": holds no audio (0 frames)");
    const auto run = runCrest ("new " + shellQuote (dir / "s.crest") + " --stems " + shellQuote (dir / "empty.wav"));
    CHECK (run.exitCode == 1);
    CHECK_FALSE (fs::exists (dir / "s.crest"));
}
