// A listening test's pair: B found late by an encoder's delay is aligned to
// A to the sample, and matched to A's loudness; the MP3 copy is made at
// the bitrate asked for; a silent or short programme is named.
#include "Core/CrestError.h"
#include "Helpers/TestFiles.h"
#include "Training/ListeningPair.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using namespace crest;
using namespace crest::test;

namespace
{
constexpr double rate = 48000;

std::vector<float> music (int frames)
{
    std::mt19937 random (9);
    std::normal_distribution<float> noise (0.0f, 1.0f);
    std::vector<float> x ((size_t) frames);
    for (int i = 0; i < frames; ++i)
    {
        const double t = i / rate;
        x[(size_t) i] = (float) (0.2 * std::sin (2 * M_PI * 110 * t) + 0.1 * std::exp (-std::fmod (t, 0.25) * 30) * noise (random));
    }
    return x;
}

MediaPool& media()
{
    static MediaPool pool (std::filesystem::temp_directory_path() / "crest-test-cache");
    return pool;
}
} // namespace

TEST_CASE ("a listening pair aligns B to A to the sample and matches its loudness", "[training][pair]")
{
    TempFolder dir;
    const auto x = music ((int) rate * 12);
    writeAudio (dir / "a.wav", 2, rate, (int64_t) x.size(), [&] (int64_t i, int) { return x[(size_t) i]; });
    // B: 1105 samples late (an MP3 encoder's delay) and 6 dB down.
    writeAudio (dir / "b.wav", 2, rate, (int64_t) x.size(), [&] (int64_t i, int) { return i >= 1105 ? 0.5f * x[(size_t) (i - 1105)] : 0.0f; });
    const auto pair = prepareListeningPair (dir / "a.wav", dir / "b.wav", 2.0, 8.0, rate, media());
    CHECK (pair.offsetFrames == 1105);
    CHECK (pair.matchGainDb == Approx (6.02).margin (0.02));
    REQUIRE (pair.a.left.size() == (size_t) (8 * rate));
    double worst = 0;
    for (size_t i = 0; i < pair.a.left.size(); ++i)
        worst = std::max (worst, (double) std::abs (pair.a.left[i] - pair.b.gain * pair.b.left[i]));
    CHECK (worst < 1e-4);
    // At another rate: converted, still aligned.
    const auto at44 = prepareListeningPair (dir / "a.wav", dir / "b.wav", 2.0, 8.0, 44100, media());
    CHECK (at44.a.left.size() == (size_t) (8 * 44100));
    CHECK (std::abs (at44.offsetFrames - std::llround (1105 * 44100 / rate)) <= 1);
}

TEST_CASE ("the lossy copy is an MP3 at the bitrate asked for, and pairs with its original", "[training][pair][lossy]")
{
    TempFolder dir;
    const auto x = music ((int) rate * 10);
    writeAudio (dir / "song.wav", 2, rate, (int64_t) x.size(), [&] (int64_t i, int ch) { return x[(size_t) i] * (ch == 0 ? 1.0f : 0.9f); });
    for (const int kbps : { 96, 192 })
    {
        const auto mp3 = lossyCopy (dir / "song.wav", kbps, dir.path());
        const double bits = 8.0 * (double) std::filesystem::file_size (mp3);
        INFO (kbps << " kbps asked: " << bits / 10 / 1000 << " kbps written");
        CHECK (bits / 10 / 1000 == Approx (kbps).epsilon (0.08));
        const auto pair = prepareListeningPair (dir / "song.wav", mp3, 1.0, 6.0, rate, media());
        CHECK (std::abs (pair.matchGainDb) < 1.0);   // the encoder's low-pass takes some of the noise's top: matched back
        CHECK (std::abs (pair.offsetFrames) < 3000);
    }
}

TEST_CASE ("a silent programme, or one that ends before the passage, is named", "[training][pair][badinput]")
{
    TempFolder dir;
    writeAudio (dir / "a.wav", 2, rate, (int64_t) rate * 4, [] (int64_t i, int) { return (float) (0.1 * std::sin (i * 0.02)); });
    writeAudio (dir / "silent.wav", 2, rate, (int64_t) rate * 4, [] (int64_t, int) { return 0.0f; });
    writeAudio (dir / "short.wav", 2, rate, (int64_t) rate, [] (int64_t i, int) { return (float) (0.1 * std::sin (i * 0.02)); });
    CHECK_THROWS_WITH (prepareListeningPair (dir / "a.wav", dir / "silent.wav", 0, 3, rate, media()), Catch::Contains ("silent.wav") && Catch::Contains ("silent"));
    CHECK_THROWS_WITH (prepareListeningPair (dir / "a.wav", dir / "short.wav", 2, 1, rate, media()), Catch::Contains ("short.wav") && Catch::Contains ("ends before"));
    CHECK_THROWS_WITH (prepareListeningPair (dir / "a.wav", dir / "missing.wav", 0, 3, rate, media()), Catch::Contains ("missing.wav"));
}

TEST_CASE ("a 96 kHz original's MP3 is made at 48 kHz and still pairs with it", "[training][pair][lossy]")
{
    TempFolder dir;
    writeAudio (dir / "hi.wav", 2, 96000, 96000 * 4, [] (int64_t i, int) { return (float) (0.2 * std::sin (2 * M_PI * 440 * (double) i / 96000)); });
    const auto mp3 = lossyCopy (dir / "hi.wav", 128, dir.path());
    CHECK (readAudio (mp3).sampleRate == 48000);
    const auto pair = prepareListeningPair (dir / "hi.wav", mp3, 0.5, 2.0, 96000, media());
    CHECK (std::abs (pair.matchGainDb) < 1.0);   // the encoder's level, matched back
    CHECK (std::abs (pair.offsetFrames) < 6000);
}
