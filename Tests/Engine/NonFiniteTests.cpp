// NaN and Inf never reach the output: a float source holding them is
// reported at import and at render and plays them as silence; a strip or
// bus that produces them is muted for that block and reported once; every
// audio thread runs with denormals flushed to zero.
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"
#include "Render/OfflineRenderer.h"
#include "Session/StemImport.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#if defined(__SSE__)
#include <xmmintrin.h>
#endif

using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

namespace
{
constexpr float quietNan = std::numeric_limits<float>::quiet_NaN();
constexpr float infinity = std::numeric_limits<float>::infinity();

// An insert that poisons its output from frame `from` to `to` (absolute,
// counted from the start of the render), and records whether denormals
// were flushed while it ran.
class Poison : public Processor
{
public:
    Poison (int64_t fromFrame, int64_t toFrame, float value) : from (fromFrame), to (toFrame), poison (value) {}
    std::string_view name() const noexcept override { return "Poison"; }
    void prepare (const ProcessSpec&) override {}
    void reset() noexcept override { ++resets; }
    void process (AudioView io) noexcept override
    {
#if defined(__SSE__)
        flushedToZero = flushedToZero && (_mm_getcsr() & 0x8040) == 0x8040;   // FTZ and DAZ
#endif
        for (int i = 0; i < io.numFrames; ++i, ++position)
            if (position >= from && position < to)
                for (int ch = 0; ch < io.numChannels; ++ch)
                    io.channels[ch][i] = poison;
    }
    static inline bool flushedToZero = true;
    static inline int resets = 0;

private:
    int64_t from, to, position = 0;
    float poison;
};

bool everyFinite (const AudioData& audio)
{
    for (const float s : audio.samples)
        if (! std::isfinite (s))
            return false;
    return true;
}

RenderReport renderTo (const SessionDocument& session, const fs::path& out, PlanBuilder::Options options = {})
{
    MediaPool media (out.parent_path() / "cache");
    RenderRequest request;
    request.output = out;
    request.replaceExisting = true;
    request.format = { Container::wav, SampleEncoding::float32 };
    request.blockFrames = 512;
    request.builderOptions = std::move (options);
    return renderSession (session, request, media);
}
} // namespace

TEST_CASE ("a float file holding NaN and Inf is reported at import and at render, and plays them as silence", "[engine][nonfinite][badinput]")
{
    TempFolder dir;
    const auto file = dir / "broken.wav";
    writeAudio (file, 1, 48000, 48000, [] (int64_t n, int) {
        if (n == 24000) return quietNan;
        if (n == 30000) return infinity;
        if (n == 30001) return -infinity;
        return 0.5f * (float) std::sin (2 * 3.141592653589793 * 440 * (double) n / 48000.0);
    });

    const auto imported = sessionFromStems ({ file });
    REQUIRE (imported.warnings.size() == 1);
    CHECK (imported.warnings[0] == file.string() + ": holds 3 non-finite samples (NaN or Inf), the first at 0.500 s; they play as silence");

    for (const double rate : { 48000.0, 44100.0 })   // streamed as it is, and converted
    {
        INFO ("session rate " << rate);
        auto session = sessionOf ({ file }, rate);
        const auto report = renderTo (session, dir / "mix.wav");
        CHECK (std::find (report.warnings.begin(), report.warnings.end(),
                          file.string() + ": holds non-finite samples (NaN or Inf); they play as silence")
               != report.warnings.end());
        const auto mix = readAudio (dir / "mix.wav");
        CHECK (everyFinite (mix));
        double peak = 0;
        for (const float s : mix.samples)
            peak = std::max (peak, (double) std::abs (s));
        CHECK (peak == Approx (0.5 * std::cos (3.141592653589793 / 4)).margin (0.01));   // the rest still plays (-3 dB centre)
        if (rate == 48000.0)
        {
            CHECK (mix.samples[2 * 24000] == 0.0f);
            CHECK (mix.samples[2 * 30000] == 0.0f);
            CHECK (mix.samples[2 * 30001 + 1] == 0.0f);
        }
    }
}

TEST_CASE ("a strip that produces NaN is muted for that block and reported; the others play on", "[engine][nonfinite]")
{
    TempFolder dir;
    writeSine (dir / "a.wav", 48000, 440, 0.25, 1.0);
    writeSine (dir / "b.wav", 48000, 1000, 0.25, 1.0);
    auto session = sessionOf ({ dir / "a.wav", dir / "b.wav" });
    session.panLaw = PanLaw::zeroDb;
    session.tracks[0].name = "Broken";

    PlanBuilder::Options options;
    options.makeInserts = [] (const ChannelDocument& track, ProcessorChain& chain) {
        if (track.name == "Broken")
            chain.add (std::make_unique<Poison> (10000, 10001, quietNan));   // one sample, inside block 19
    };
    Poison::flushedToZero = true;
    Poison::resets = 0;
    const auto report = renderTo (session, dir / "mix.wav", options);
    const auto mix = readAudio (dir / "mix.wav");
    REQUIRE (everyFinite (mix));
    REQUIRE (std::find (report.warnings.begin(), report.warnings.end(),
                        "track 'Broken' produced non-finite audio (NaN or Inf) in 1 block; muted there, so it never reached the output")
             != report.warnings.end());
    CHECK (Poison::resets == 1);   // its state starts again from silence
    CHECK (Poison::flushedToZero);

    // In the poisoned block (frames 9728..10239) only track b is heard; before and after, both.
    const auto reference = readAudio (dir / "b.wav");
    for (int64_t i = 9728; i < 10240; ++i)
        REQUIRE (mix.samples[(size_t) (2 * i)] == Approx (reference.samples[(size_t) i]).margin (1e-6));
    double before = 0;
    for (int64_t i = 9000; i < 9728; ++i)
        before = std::max (before, (double) std::abs (mix.samples[(size_t) (2 * i)] - reference.samples[(size_t) i]));
    CHECK (before > 0.2);   // track a was there
}

TEST_CASE ("NaN or Inf made on the master never reaches the file", "[engine][nonfinite]")
{
    TempFolder dir;
    writeSine (dir / "a.wav", 48000, 440, 0.25, 1.0);
    auto session = sessionOf ({ dir / "a.wav" });
    session.masterChain.add ("saturation");
    PlanBuilder::Options options;
    options.makeMasterModule = [] (const MasterModuleDocument&) -> std::unique_ptr<Processor> { return std::make_unique<Poison> (0, 48000, infinity); };
    const auto report = renderTo (session, dir / "mix.wav", options);
    const auto mix = readAudio (dir / "mix.wav");
    CHECK (everyFinite (mix));
    CHECK (std::find_if (report.warnings.begin(), report.warnings.end(), [] (auto& w) { return w.starts_with ("the master produced"); })
           != report.warnings.end());
}

TEST_CASE ("a bus whose insert produces NaN is muted for that block and reported by name; its senders and the rest play on", "[engine][nonfinite][routing]")
{
    TempFolder dir;
    writeSine (dir / "a.wav", 48000, 440, 0.25, 1.0);
    auto session = sessionOf ({ dir / "a.wav" });
    session.panLaw = PanLaw::zeroDb;
    BusDocument fx;
    fx.id = "fx";
    fx.name = "Broken return";
    session.buses = { fx };
    session.tracks[0].sends = { { "fx", 0, 0, true } };
    PlanBuilder::Options options;
    options.makeInserts = [] (const ChannelDocument& channel, ProcessorChain& chain) {
        if (channel.id == "fx")
            chain.add (std::make_unique<Poison> (20000, 20001, quietNan));
    };
    const auto report = renderTo (session, dir / "mix.wav", options);
    const auto mix = readAudio (dir / "mix.wav");
    REQUIRE (everyFinite (mix));
    CHECK (std::find (report.warnings.begin(), report.warnings.end(),
                      "bus 'Broken return' produced non-finite audio (NaN or Inf) in 1 block; muted there, so it never reached the output")
           != report.warnings.end());
    // In that block only the track itself is heard (the return is silent); elsewhere both.
    const auto reference = readAudio (dir / "a.wav");
    for (int64_t i = 19968; i < 20480; ++i)
        REQUIRE (mix.samples[(size_t) (2 * i)] == Approx (reference.samples[(size_t) i]).margin (1e-6));
    CHECK (mix.samples[2 * 30000] == Approx (2 * reference.samples[30000]).margin (1e-6));
}
