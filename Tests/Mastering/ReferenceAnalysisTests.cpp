// A reference measured for comparison, at the session's rate: a file at
// another rate is converted and measured; its loop section's loudness is
// what the match uses; a reference shorter than its loop, of more than two
// channels, silent, or corrupt is refused with a message naming it.
#include "Core/CrestError.h"
#include "Helpers/TestFiles.h"
#include "Mastering/ReferenceAnalysis.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace crest;
using namespace crest::test;

namespace
{
MediaPool& media()
{
    static MediaPool pool (std::filesystem::temp_directory_path() / "crest-test-cache");
    return pool;
}

std::string problemOf (const ReferenceDocument& ref)
{
    try
    {
        analyseReference (ref, media(), 48000);
    }
    catch (const CrestError& e)
    {
        return e.what();
    }
    return "";
}
} // namespace

TEST_CASE ("a reference at another rate is measured at the session's; its loop section sets its match", "[mastering][reference]")
{
    TempFolder dir;
    // 4 s at 44.1 kHz: a first half 6 dB under the second (inside the gate, so it counts).
    writeAudio (dir / "record.wav", 2, 44100, 4 * 44100, [] (int64_t i, int) {
        return (float) ((i < 2 * 44100 ? 0.2 : 0.4) * std::sin (2 * M_PI * 997 * (double) i / 44100));
    });
    ReferenceDocument ref { "ref-1", "Record", (dir / "record.wav").string() };
    const auto whole = analyseReference (ref, media(), 48000);
    CHECK (whole.frames == 4 * 48000);
    CHECK (whole.whole.info.sampleRate == 48000);
    CHECK (whole.whole.spectrum.has_value());
    CHECK (whole.matchLufs == Approx (whole.whole.loudness.integratedLufs));
    ref.loopStartSample = 2 * 48000 + 4800;
    ref.loopEndSample = 4 * 48000 - 4800;
    const auto looped = analyseReference (ref, media(), 48000);
    // The loud half: a 0.4 sine at 997 Hz reads 20 log 0.4 - 3.01 + 3.01 (two channels) - about 0.7 of K-weighting.
    CHECK (looped.matchLufs == Approx (whole.matchLufs + 10 * std::log10 (0.16 / 0.1)).margin (0.1));
    CHECK (looped.matchLufs == Approx (20 * std::log10 (0.4)).margin (1.0));
}

TEST_CASE ("a reference that cannot be compared is refused, naming it", "[mastering][reference][badinput]")
{
    TempFolder dir;
    writeSine (dir / "short.wav", 48000, 440, 0.2, 2);
    ReferenceDocument shortRef { "r", "Short", (dir / "short.wav").string(), 0, 0, 48000, 5 * 48000 };
    CHECK_THAT (problemOf (shortRef), Catch::Contains ("short.wav") && Catch::Contains ("shorter than its loop"));

    writeAudio (dir / "surround.wav", 6, 48000, 48000, [] (int64_t i, int) { return (float) (0.1 * std::sin (i * 0.01)); });
    CHECK_THAT (problemOf ({ "r", "", (dir / "surround.wav").string() }), Catch::Contains ("surround.wav") && Catch::Contains ("6 channels"));

    writeAudio (dir / "silent.wav", 2, 48000, 48000 * 2, [] (int64_t, int) { return 0.0f; });
    CHECK_THAT (problemOf ({ "r", "", (dir / "silent.wav").string() }), Catch::Contains ("silent.wav") && Catch::Contains ("silent"));

    writeBytes (dir / "corrupt.wav", "RIFF\x10\0\0\0WAVEfmt garbage that is no audio");
    CHECK_THAT (problemOf ({ "r", "", (dir / "corrupt.wav").string() }), Catch::Contains ("corrupt.wav"));
    CHECK_THAT (problemOf ({ "r", "", (dir / "missing.wav").string() }), Catch::Contains ("missing.wav"));
}
