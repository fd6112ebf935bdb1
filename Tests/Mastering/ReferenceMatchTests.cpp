// Matching a master to a reference: a file matched against a copy of
// itself passed through a known EQ recovers that EQ within 1 dB in every
// 1/3-octave band from 40 Hz to 16 kHz, the whole way through the real
// chain (the match applied as ordinary EQ bands and limiter gain, the file
// mastered through it); at 50 % it recovers half of it in dB (±0.5 dB).
// The width follows the reference's side level, and the loudness range the
// reference's by the dynamics strength; bad references are named.
#include "Analysis/ThirdOctaveBands.h"
#include "Core/CrestError.h"
#include "Helpers/TestFiles.h"
#include "Mastering/FileMastering.h"
#include "Mastering/MatchSettling.h"
#include "Mastering/ReferenceMatch.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <random>

using namespace crest;
using namespace crest::test;

namespace
{
constexpr double rate = 48000;

// Stereo pink noise (Paul Kellet's filter), partly correlated, about -24 dBFS RMS.
// `levelDb` (of the time in seconds) shapes the programme's loudness.
void writePinkNoise (const std::filesystem::path& file, double seconds, double sideGain = 0.5,
                     const std::function<double (double)>& levelDb = {})
{
    std::mt19937 random (11);
    std::normal_distribution<float> normal (0.0f, 1.0f);
    struct Pink
    {
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
        double next (double white)
        {
            b0 = 0.99886 * b0 + white * 0.0555179;
            b1 = 0.99332 * b1 + white * 0.0750759;
            b2 = 0.96900 * b2 + white * 0.1538520;
            b3 = 0.86650 * b3 + white * 0.3104856;
            b4 = 0.55000 * b4 + white * 0.5329522;
            b5 = -0.7616 * b5 - white * 0.0168980;
            const double out = b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362;
            b6 = white * 0.115926;
            return out;
        }
    } mid, side;
    std::vector<float> frame (2);
    writeAudio (file, 2, rate, (int64_t) (seconds * rate), [&] (int64_t i, int ch) {
        if (ch == 0)
        {
            const double gain = levelDb ? std::pow (10.0, levelDb ((double) i / rate) / 20) : 1.0;
            const double m = mid.next (normal (random)) * 0.012 * gain, s = side.next (normal (random)) * 0.012 * sideGain * gain;
            frame[0] = (float) (m + s);
            frame[1] = (float) (m - s);
        }
        return frame[(size_t) ch];
    });
}

MasterChainDocument knownEq()
{
    MasterChainDocument chain;
    auto& eq = chain.add ("eq");
    auto band = [&eq] (int b, FilterShape shape, double hz, double gainDb, double q) {
        const auto n = "band" + std::to_string (b) + ".";
        eq.set (n + "on", 1);
        eq.set (n + "shape", (double) shape);
        eq.set (n + "frequencyHz", hz);
        eq.set (n + "gainDb", gainDb);
        eq.set (n + "q", q);
    };
    band (1, FilterShape::lowShelf, 110, 4, 0.7071);
    band (2, FilterShape::bell, 600, -3, 1.4);
    band (3, FilterShape::bell, 3000, 2.5, 0.9);
    band (4, FilterShape::highShelf, 9000, -3, 0.7071);
    return chain;
}

void master (const std::filesystem::path& in, const std::filesystem::path& out, const MasterChainDocument& chain)
{
    MasterRequest request;
    request.input = in;
    request.output = out;
    request.format = { Container::wav, SampleEncoding::float32 };
    request.chain = chain;
    request.replaceExisting = true;
    masterFile (request);
}

FileAnalysis analysed (const std::filesystem::path& file)
{
    return analyzeFile (file, ChannelCounting::asLaidOut, {}, BalanceMeasurement::measure);
}

// The 1/3-octave bands from 40 Hz (index 3) to 16 kHz (index 29).
constexpr int firstBand = 3, lastBand = 29;

// One set of files for every case here: 20 s of noise and its known-EQ copy.
struct Fixture
{
    TempFolder folder;
    std::filesystem::path source = folder / "mix.wav", reference = folder / "reference.wav";
    FileAnalysis sourceAnalysis, referenceAnalysis;
    Fixture()
    {
        writePinkNoise (source, 20);
        master (source, reference, knownEq());
        sourceAnalysis = analysed (source);
        referenceAnalysis = analysed (reference);
    }
    std::array<double, 31> matchedBands (const MatchOptions& options, const std::string& name, MasterChainDocument* chainOut = nullptr)
    {
        const auto match = matchReferences (sourceAnalysis, std::span (&referenceAnalysis, 1), options);
        MasterChainDocument chain;
        applyMatch (chain, match);
        master (source, folder / name, chain);
        if (chainOut != nullptr)
            *chainOut = chain;
        return analysed (folder / name).spectrum->thirdOctaveDb();
    }
};

Fixture& fixture()
{
    static Fixture f;
    return f;
}
} // namespace

TEST_CASE ("matching a copy through a known EQ recovers that EQ within 1 dB in every band from 40 Hz to 16 kHz", "[mastering][match]")
{
    auto& f = fixture();
    MasterChainDocument chain;
    const auto matched = f.matchedBands ({}, "matched.wav", &chain);
    const auto reference = f.referenceAnalysis.spectrum->thirdOctaveDb();
    const auto source = f.sourceAnalysis.spectrum->thirdOctaveDb();
    for (int b = firstBand; b <= lastBand; ++b)
    {
        INFO (thirdOctave::nominalNames()[(size_t) b] << " Hz: known EQ " << reference[(size_t) b] - source[(size_t) b] << " dB, matched "
                                                      << matched[(size_t) b] - source[(size_t) b] << " dB");
        CHECK (matched[(size_t) b] == Approx (reference[(size_t) b]).margin (1.0));
    }
    // Ordinary bands in an ordinary EQ, and the loudness in the limiter's gain.
    REQUIRE (chain.modules.size() == 2);
    CHECK (chain.modules[0].kind == "eq");
    CHECK (chain.modules[0].value ("band1.on") == 1);
    CHECK (chain.modules[1].kind == "limiter");
}

TEST_CASE ("a match at 50 % recovers half of the EQ in dB", "[mastering][match]")
{
    auto& f = fixture();
    MatchOptions half;
    half.tonePercent = half.loudnessPercent = 50;
    const auto matched = f.matchedBands (half, "half.wav");
    const auto reference = f.referenceAnalysis.spectrum->thirdOctaveDb();
    const auto source = f.sourceAnalysis.spectrum->thirdOctaveDb();
    for (int b = firstBand; b <= lastBand; ++b)
    {
        INFO (thirdOctave::nominalNames()[(size_t) b] << " Hz");
        CHECK (matched[(size_t) b] - source[(size_t) b] == Approx ((reference[(size_t) b] - source[(size_t) b]) / 2).margin (0.5));
    }
}

TEST_CASE ("the tone strength leaves the loudness alone; the loudness strength alone moves it", "[mastering][match]")
{
    auto& f = fixture();
    MatchOptions toneOnly;
    toneOnly.loudnessPercent = 0;
    const auto match = matchReferences (f.sourceAnalysis, std::span (&f.referenceAnalysis, 1), toneOnly);
    CHECK (match.gainDb == Approx (-match.eqLoudnessDb));
    MasterChainDocument chain;
    applyMatch (chain, match);
    master (f.source, f.folder / "tone.wav", chain);
    CHECK (analysed (f.folder / "tone.wav").loudness.integratedLufs == Approx (f.sourceAnalysis.loudness.integratedLufs).margin (0.1));
}

TEST_CASE ("the width follows the reference's side level, by its strength", "[mastering][match]")
{
    auto& f = fixture();
    const auto wide = f.folder / "wide.wav";
    writePinkNoise (wide, 8, 1.0);   // the side 6 dB up
    const auto wideAnalysis = analysed (wide);
    MatchOptions widthOnly;
    widthOnly.tonePercent = widthOnly.loudnessPercent = 0;
    const auto match = matchReferences (f.sourceAnalysis, std::span (&wideAnalysis, 1), widthOnly);
    CHECK (match.widthDifferenceDb == Approx (6.02).margin (0.3));
    MasterChainDocument chain = knownEq();
    applyMatch (chain, match);
    REQUIRE (chain.modules.back().kind == "width");
    CHECK (chain.modules.back().value ("widthPercent") == Approx (100 * std::pow (10.0, match.widthDifferenceDb / 20)).margin (0.5));
}

TEST_CASE ("a silent reference, or one at another rate, is named and refused", "[mastering][match][badinput]")
{
    auto& f = fixture();
    const auto silent = f.folder / "silent.wav";
    writeAudio (silent, 2, rate, (int64_t) rate * 2, [] (int64_t, int) { return 0.0f; });
    const auto silentAnalysis = analysed (silent);
    CHECK_THROWS_WITH (matchReferences (f.sourceAnalysis, std::span (&silentAnalysis, 1), {}),
                       Catch::Contains ("silent.wav") && Catch::Contains ("silent"));
    const auto other = f.folder / "other.wav";
    writeAudio (other, 2, 44100, 44100 * 2, [] (int64_t i, int) { return (float) (0.1 * std::sin (i * 0.05)); });
    const auto otherAnalysis = analysed (other);
    CHECK_THROWS_WITH (matchReferences (f.sourceAnalysis, std::span (&otherAnalysis, 1), {}),
                       Catch::Contains ("other.wav") && Catch::Contains ("44100"));
}

namespace
{
// Sections of 5 s whose levels wander over 16 dB (scaled by `depth`): a
// loudness range of about 12 LU at depth 1.
double sections (double seconds, double depth)
{
    static constexpr double levels[] = { -8, 0, -14, -4, -10, 2, -12, -2, -6, -16, 0, -9 };
    return depth * levels[(size_t) (seconds / 5) % std::size (levels)];
}
} // namespace

TEST_CASE ("the dynamics strength brings the master's loudness range to the reference's, or a share of the way", "[mastering][match]")
{
    TempFolder folder;
    const auto wild = folder / "wild.wav", tame = folder / "tame.wav";
    writePinkNoise (wild, 60, 0.5, [] (double t) { return sections (t, 1.0) + 6; });
    writePinkNoise (tame, 60, 0.5, [] (double t) { return sections (t, 0.5) + 6; });
    const auto wildAnalysis = analysed (wild), tameAnalysis = analysed (tame);
    INFO ("master LRA " << wildAnalysis.loudness.loudnessRangeLu << " LU, reference " << tameAnalysis.loudness.loudnessRangeLu << " LU");
    REQUIRE (wildAnalysis.loudness.loudnessRangeLu - tameAnalysis.loudness.loudnessRangeLu > 4);

    auto matchedRange = [&] (double percent, const std::string& name) {
        MatchOptions dynamicsOnly;
        dynamicsOnly.tonePercent = dynamicsOnly.widthPercent = 0;
        dynamicsOnly.dynamicsPercent = percent;
        auto match = matchReferences (wildAnalysis, std::span (&tameAnalysis, 1), dynamicsOnly);
        auto chain = defaultMasteringChain();
        const auto settled = settleMatch (match, chain, wild, folder / name);
        INFO (name << ": " << settled.passes << " passes, ratio " << match.dynamics.ratio);
        if (percent > 0)
            CHECK (settled.landed);
        applyMatch (chain, match);
        master (wild, folder / name, chain);
        const auto result = analysed (folder / name);
        // The loudness is the reference's still: the compression's loss is made up.
        CHECK (result.loudness.integratedLufs == Approx (tameAnalysis.loudness.integratedLufs).margin (0.5));
        return std::pair (result.loudness.loudnessRangeLu, chain);
    };
    const double difference = tameAnalysis.loudness.loudnessRangeLu - wildAnalysis.loudness.loudnessRangeLu;

    const auto [full, fullChain] = matchedRange (100, "full.wav");
    CHECK (full == Approx (tameAnalysis.loudness.loudnessRangeLu).margin (settledRangeWithinLu));
    // Into the default chain's switched-off multiband, switched on.
    REQUIRE (fullChain.modules.size() == 5);
    CHECK (fullChain.modules[1].kind == "multiband");
    CHECK (fullChain.modules[1].enabled);
    CHECK (fullChain.modules[1].value ("band1.ratio") > 1.5);

    const auto [half, halfChain] = matchedRange (50, "half.wav");
    CHECK (half == Approx (wildAnalysis.loudness.loudnessRangeLu + difference / 2).margin (settledRangeWithinLu));

    const auto [none, noneChain] = matchedRange (0, "none.wav");
    CHECK (none == Approx (wildAnalysis.loudness.loudnessRangeLu).margin (0.3));
    CHECK_FALSE (noneChain.modules[1].enabled);
    UNSCOPED_INFO ("loudness range: master " << wildAnalysis.loudness.loudnessRangeLu << ", reference " << tameAnalysis.loudness.loudnessRangeLu
                                             << ", matched at 100 % " << full << ", at 50 % " << half << " LU");
}

TEST_CASE ("the dynamics match compresses at the level the multiband sees, before a driven limiter", "[mastering][match]")
{
    TempFolder folder;
    const auto wild = folder / "wild.wav", tame = folder / "tame.wav", wildMaster = folder / "wild-master.wav";
    writePinkNoise (wild, 60, 0.5, [] (double t) { return sections (t, 1.0) - 2; });
    writePinkNoise (tame, 60, 0.5, [] (double t) { return sections (t, 0.5) + 4; });
    // The chain drives its limiter 6 dB, as after Reach target; the app
    // measures the master it makes.
    auto chain = defaultMasteringChain();
    chain.modules.back().set ("inputGainDb", 6);
    master (wild, wildMaster, chain);
    const auto masterAnalysis = analysed (wildMaster), tameAnalysis = analysed (tame);
    MatchOptions dynamicsOnly;
    dynamicsOnly.tonePercent = dynamicsOnly.widthPercent = 0;
    auto match = matchReferences (masterAnalysis, std::span (&tameAnalysis, 1), dynamicsOnly);
    const auto settled = settleMatch (match, chain, wild, folder / "settle.wav");
    INFO (settled.passes << " tries, ratio " << match.dynamics.ratio << ", range " << settled.loudnessRangeLu << " LU for "
                         << tameAnalysis.loudness.loudnessRangeLu);
    CHECK (settled.landed);
    CHECK (settled.passes <= 4);
    applyMatch (chain, match);
    // Each band's threshold is 6 dB under the level the master itself showed there.
    REQUIRE (chain.modules[1].kind == "multiband");
    const double split = chain.modules[1].value ("split1Hz");
    CHECK (chain.modules[1].value ("band1.thresholdDb") == Approx (match.dynamics.bandThresholdDb (0, split) - 6).margin (0.01));
    master (wild, folder / "matched.wav", chain);
    const auto matched = analysed (folder / "matched.wav");
    CHECK (matched.loudness.loudnessRangeLu == Approx (tameAnalysis.loudness.loudnessRangeLu).margin (settledRangeWithinLu));
    CHECK (matched.loudness.integratedLufs == Approx (tameAnalysis.loudness.integratedLufs).margin (settledLoudnessWithinLu));
}

TEST_CASE ("a reference more dynamic than the master is said, not matched", "[mastering][match]")
{
    TempFolder folder;
    const auto wild = folder / "wild.wav", tame = folder / "tame.wav";
    writePinkNoise (wild, 30, 0.5, [] (double t) { return sections (t, 1.0); });
    writePinkNoise (tame, 30, 0.5, [] (double t) { return sections (t, 0.3); });
    const auto wildAnalysis = analysed (wild), tameAnalysis = analysed (tame);
    const auto match = matchReferences (tameAnalysis, std::span (&wildAnalysis, 1), {});
    CHECK_FALSE (match.dynamics.compresses());
    REQUIRE_FALSE (match.notes.empty());
    CHECK_THAT (match.notes.back(), Catch::Contains ("more dynamic"));
}
