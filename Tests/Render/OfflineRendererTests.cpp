#include "Helpers/SessionBuilder.h"
#include "Helpers/FloatRender.h"
#include "Helpers/TestFiles.h"
#include "Demo/DemoSong.h"
#include "Render/OfflineRenderer.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

using namespace crest;
using namespace crest::test;

namespace
{
RenderReport render (const SessionDocument& session, const std::filesystem::path& out, int block = 1024,
                     OutputFormat format = { Container::wav, SampleEncoding::float32 }, PlanBuilder::Options options = {})
{
    MediaPool media;
    RenderRequest request;
    request.output = out;
    request.replaceExisting = true;   // these tests render to the same name repeatedly
    request.format = format;
    request.blockFrames = block;
    request.builderOptions = std::move (options);
    return renderSession (session, request, media);
}
} // namespace

TEST_CASE ("null test: 8 stems at unity and centre render to their pan-law sum", "[render][null]")
{
    TempFolder dir;
    std::vector<std::filesystem::path> stems;
    const int64_t frames = 48000 * 3 + 123;
    for (int k = 0; k < 8; ++k)
    {
        const int channels = k % 3 == 2 ? 2 : 1;
        const auto file = dir / ("stem" + std::to_string (k) + ".wav");
        const double freq = 55.0 * (k + 1) + 3.1 * k;
        writeAudio (file, channels, 48000, frames, [&] (int64_t i, int ch) {
            const double t = (double) i / 48000.0;
            return (float) (0.2 * std::sin (2 * std::numbers::pi * freq * t + ch) * (0.6 + 0.4 * std::sin (t * (k + 1))));
        });
        stems.push_back (file);
    }
    const auto session = sessionOf (stems);
    const auto mix = dir / "mix.wav";
    const auto report = render (session, mix);
    REQUIRE (report.frames == frames);

    // Independent sum: mono tracks get the -3 dB law's centre gain, cos(pi/4);
    // stereo tracks are balanced, so unity at centre.
    std::vector<double> expected ((size_t) frames * 2, 0.0);
    const double centre = std::cos (std::numbers::pi / 4);
    for (const auto& stem : stems)
    {
        const auto audio = readAudio (stem);
        for (int64_t i = 0; i < frames; ++i)
            for (int ch = 0; ch < 2; ++ch)
                expected[(size_t) (2 * i + ch)] += audio.channels == 1 ? centre * audio.samples[(size_t) i]
                                                                        : audio.samples[(size_t) (2 * i + ch)];
    }
    const auto rendered = readAudio (mix);
    REQUIRE (rendered.samples.size() == expected.size());
    double worst = 0;
    for (size_t i = 0; i < expected.size(); ++i)
        worst = std::max (worst, std::abs (expected[i] - rendered.samples[i]));
    CHECK (worst <= 1e-6);
}

TEST_CASE ("render is bit-identical for block sizes 32, 480 and 4096", "[render][determinism]")
{
    TempFolder dir;
    const auto song = writeDemoSong (dir / "demo");
    auto session = song.session;
    std::string reference;
    for (int block : { 32, 480, 4096 })
    {
        const auto out = dir / ("mix-" + std::to_string (block) + ".wav");
        MediaPool media;
        RenderRequest request;
        request.output = out;
        request.format = { Container::wav, SampleEncoding::int24 };
        request.blockFrames = block;
        request.startSample = 48000 * 7;
        request.endSample = 48000 * 19 + 77;
        renderSession (session, request, media);
        const auto bytes = readBytes (out);
        REQUIRE (bytes.size() > 1000000);
        if (reference.empty())
            reference = bytes;
        else
            CHECK (bytes == reference);
    }
}

TEST_CASE ("latency is compensated across tracks and removed from the render", "[render][latency]")
{
    TempFolder dir;
    const auto file = dir / "click.wav";
    writeAudio (file, 1, 48000, 4800, [] (int64_t i, int) { return i % 1000 == 0 ? 0.5f : 0.0f; });
    auto session = sessionOf ({ file, file });
    PlanBuilder::Options options;
    options.makeInserts = [] (const ChannelDocument& track, ProcessorChain& chain) {
        if (track.id == "t1")
            chain.add (std::make_unique<LatentInsert> (137));
    };
    render (session, dir / "mix.wav", 256, { Container::wav, SampleEncoding::float32 }, options);
    const auto mix = readAudio (dir / "mix.wav");
    REQUIRE (mix.frames() == 4800);
    const float both = (float) (2 * 0.5 * std::cos (std::numbers::pi / 4));
    for (int64_t i = 0; i < 4800; ++i)
        REQUIRE (mix.samples[(size_t) (2 * i)] == Approx (i % 1000 == 0 ? both : 0.0f).margin (1e-6));
}

TEST_CASE ("a 44.1 kHz sine in a 48 kHz session keeps its frequency and level, with no alias", "[render][src]")
{
    TempFolder dir;
    setenv ("CREST_CACHE_DIR", (dir / "cache").c_str(), 1);
    for (double frequency : { 997.0, 18000.0 })
    {
        const double amplitude = 0.5;
        const auto file = dir / ("sine" + std::to_string ((int) frequency) + ".wav");
        writeSine (file, 44100, frequency, amplitude, 4.0);
        auto session = sessionOf ({ file }, 48000);
        session.panLaw = PanLaw::zeroDb;   // centre is unity: level in = level out
        const auto out = dir / "out.wav";
        render (session, out);
        const auto audio = readAudio (out);
        REQUIRE (audio.frames() == 192000);

        // Frequency from interpolated rising zero crossings over the middle.
        std::vector<double> left;
        for (int64_t i = 0; i < audio.frames(); ++i)
            left.push_back (audio.samples[(size_t) (2 * i)]);
        double first = -1, last = -1;
        int crossings = 0;
        for (size_t i = 24000; i < 168000; ++i)
            if (left[i - 1] < 0 && left[i] >= 0)
            {
                const double t = (double) (i - 1) + left[i - 1] / (left[i - 1] - left[i]);
                if (first < 0)
                    first = t;
                last = t;
                ++crossings;
            }
        const double measured = (crossings - 1) / ((last - first) / 48000.0);
        CHECK (measured == Approx (frequency).margin (0.1));

        double sumSquares = 0;
        for (size_t i = 24000; i < 168000; ++i)
            sumSquares += left[i] * left[i];
        const double rmsDb = 10 * std::log10 (sumSquares / 144000.0);
        CHECK (rmsDb == Approx (20 * std::log10 (amplitude / std::sqrt (2.0))).margin (0.05));

        // Everything but the tone stays below -100 dBFS: a Kaiser-windowed
        // DFT (sidelobes far below -150 dB) scanned for the largest
        // non-tone component at 1 Hz-ish resolution.
        const size_t n = 65536;
        std::vector<double> window (n);
        const double beta = 20.0;
        auto bessel0 = [] (double x) {
            double sum = 1, term = 1;
            for (int k = 1; k < 60; ++k)
            {
                term *= (x / (2 * k)) * (x / (2 * k));
                sum += term;
            }
            return sum;
        };
        double windowSum = 0;
        for (size_t i = 0; i < n; ++i)
        {
            const double r = 2.0 * (double) i / (double) (n - 1) - 1.0;
            window[i] = bessel0 (beta * std::sqrt (1 - r * r)) / bessel0 (beta);
            windowSum += window[i];
        }
        const size_t offset = 60000;
        double worstDb = -300;
        for (double f = 20; f < 23990; f += 11.0)
        {
            if (std::abs (f - frequency) < 60)
                continue;
            double re = 0, im = 0;
            const double w = 2 * std::numbers::pi * f / 48000.0;
            // Recurrence for cos/sin keeps this fast enough.
            double c = 1, s = 0;
            const double cw = std::cos (w), sw = std::sin (w);
            for (size_t i = 0; i < n; ++i)
            {
                const double x = left[offset + i] * window[i];
                re += x * c;
                im -= x * s;
                const double nc = c * cw - s * sw;
                s = s * cw + c * sw;
                c = nc;
            }
            const double db = 20 * std::log10 (2 * std::sqrt (re * re + im * im) / windowSum + 1e-30);
            worstDb = std::max (worstDb, db);
        }
        INFO ("tone " << frequency << " Hz: largest other component " << worstDb << " dBFS");
        CHECK (worstDb < -100.0);
    }
    unsetenv ("CREST_CACHE_DIR");
}
