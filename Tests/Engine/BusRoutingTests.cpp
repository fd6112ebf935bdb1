// The routed graph in the engine: sends before and after the fader,
// latency compensation across paths (null tests), a compressor keyed by
// another track, solo with solo-safe returns, and renders that are byte
// for byte the same with 1, 2 and 8 graph threads.
#include "Core/Units.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/FloatRender.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

using namespace crest;
using namespace crest::test;

namespace
{
BusDocument bus (const std::string& id, BusKind kind)
{
    BusDocument b;
    b.id = id;
    b.name = id;
    b.kind = kind;
    b.soloSafe = kind == BusKind::aux;
    return b;
}

float peakOf (const AudioData& audio)
{
    float peak = 0;
    for (float s : audio.samples)
        peak = std::max (peak, std::abs (s));
    return peak;
}

// Deterministic noise-like material.
float noise (int64_t i, int channel)
{
    const auto x = (uint32_t) (i * 2654435761u + (uint32_t) channel * 40503u);
    return ((float) ((x >> 8) & 0xffff) / 65535.0f - 0.5f) * 0.4f;
}
} // namespace

TEST_CASE ("a pre-fader send ignores the fader, a post-fader send follows it exactly", "[engine][routing]")
{
    TempFolder dir;
    writeAudio (dir / "n.wav", 1, 48000, 9600, noise);
    auto session = sessionOf ({ dir / "n.wav" });
    session.panLaw = PanLaw::zeroDb;
    session.buses = { bus ("fx", BusKind::aux) };
    auto& track = session.tracks[0];
    track.faderDb = -96;   // the track itself is silent: only the send is heard
    track.sends = { { "fx", -6.0, 0.0, true } };
    const auto pre = renderFloat (session, dir);
    const float sendGain = (float) dbToGain (-6.0);
    for (int64_t i = 0; i < 9600; ++i)
        REQUIRE (pre.samples[(size_t) (2 * i)] == Approx (noise (i, 0) * sendGain).margin (1e-7));

    track.faderDb = -10;
    track.pan = -100;                    // the track's pan is not the send's
    track.sends[0].preFader = false;
    track.sends[0].pan = 100;            // the send goes hard right
    const auto post = renderFloat (session, dir);
    const float faderGain = (float) dbToGain (-10.0);
    for (int64_t i = 0; i < 9600; ++i)
    {
        // Left: the track, panned hard left; right: the send, post fader.
        REQUIRE (post.samples[(size_t) (2 * i)] == Approx (noise (i, 0) * faderGain).margin (1e-7));
        REQUIRE (post.samples[(size_t) (2 * i + 1)] == Approx (noise (i, 0) * faderGain * sendGain).margin (1e-7));
    }
}

TEST_CASE ("a signal reaching the mix bus directly and through a latent group bus arrives aligned (null test)", "[engine][routing][latency]")
{
    TempFolder dir;
    writeAudio (dir / "n.wav", 2, 48000, 12000, noise);
    auto session = sessionOf ({ dir / "n.wav", dir / "n.wav", dir / "n.wav" });
    session.buses = { bus ("drums", BusKind::group), bus ("verb", BusKind::aux) };
    // t1 straight to the mix; t2 inverted through the group bus, whose
    // insert adds 301 samples; t3 inverted and silent, but sending
    // pre-fader to an aux bus with a 77-sample insert.
    session.tracks[1].output = "drums";
    session.tracks[1].strip.set ("invertPolarity", 1);
    session.tracks[2].strip.set ("invertPolarity", 1);
    session.tracks[2].faderDb = -96;
    session.tracks[2].sends = { { "verb", 0.0, 0.0, true } };
    PlanBuilder::Options options;
    options.makeInserts = [] (const ChannelDocument& channel, ProcessorChain& chain) {
        if (channel.id == "drums")
            chain.add (std::make_unique<LatentInsert> (301));
        if (channel.id == "verb")
            chain.add (std::make_unique<LatentInsert> (77));
    };
    // Track 1 alone against track 2 through the group: nothing is left.
    session.tracks[2].mute = true;
    auto nulled = renderFloat (session, dir, { 1024, 0, options });
    REQUIRE (nulled.frames() == 12000);
    CHECK (peakOf (nulled) <= 1e-6f);
    // Track 1 against track 3's send through the aux (the group muted):
    // the send path is compensated too.
    session.tracks[2].mute = false;
    session.buses[0].mute = true;
    session.panLaw = PanLaw::zeroDb;   // the send's centre pan must equal the track's
    nulled = renderFloat (session, dir, { 1024, 0, options });
    CHECK (peakOf (nulled) <= 1e-6f);
    // And the sum is really there when not inverted.
    session.tracks[2].strip.set ("invertPolarity", 0);
    CHECK (peakOf (renderFloat (session, dir, { 1024, 0, options })) > 0.3f);
}

TEST_CASE ("a compressor keyed by another track ducks its own track as the key comes and goes", "[engine][routing][sidechain]")
{
    TempFolder dir;
    // The bass: a steady 100 Hz tone. The kick: 100 ms bursts every 500 ms.
    writeAudio (dir / "bass.wav", 1, 48000, 96000, [] (int64_t i, int) { return 0.05f * (float) std::sin (2 * std::numbers::pi * 100 * (double) i / 48000); });
    writeAudio (dir / "kick.wav", 1, 48000, 96000, [] (int64_t i, int) { return i % 24000 < 4800 ? 0.8f * (float) std::sin (2 * std::numbers::pi * 60 * (double) i / 48000) : 0.0f; });
    auto session = sessionOf ({ dir / "kick.wav", dir / "bass.wav" });
    session.panLaw = PanLaw::zeroDb;
    session.tracks[0].faderDb = -96;   // hear the bass alone
    auto& bass = session.tracks[1];
    bass.sidechain = "t1";
    for (auto [key, value] : std::initializer_list<std::pair<const char*, double>> {
             { "compressor.enabled", 1 }, { "compressor.thresholdDb", -20 }, { "compressor.ratio", 10 }, { "compressor.kneeDb", 0 },
             { "compressor.attackMs", 1 }, { "compressor.releaseMs", 20 } })
        bass.strip.set (key, value);
    const auto ducked = renderFloat (session, dir);

    auto levelDb = [&] (int64_t from, int64_t to) {
        double sum = 0;
        for (int64_t i = from; i < to; ++i)
            sum += (double) ducked.samples[(size_t) (2 * i)] * ducked.samples[(size_t) (2 * i)];
        return 10 * std::log10 (sum / (double) (to - from));
    };
    const double bassAlone = 20 * std::log10 (0.05 / std::sqrt (2.0));
    // While the kick plays the bass is held down; between kicks it is back.
    // The kick peaks 18 dB over the threshold: 10:1 takes up to 16 dB.
    const double during = levelDb (24000 + 960, 24000 + 4800);
    const double between = levelDb (24000 + 14400, 24000 + 24000);
    CHECK (between == Approx (bassAlone).margin (0.2));
    CHECK (during < bassAlone - 8);
    // Unkeyed, the same compressor hears only the bass, under its threshold.
    bass.sidechain.clear();
    const auto plain = renderFloat (session, dir);
    double sum = 0;
    for (int64_t i = 24960; i < 28800; ++i)
        sum += (double) plain.samples[(size_t) (2 * i)] * plain.samples[(size_t) (2 * i)];
    CHECK (10 * std::log10 (sum / 3840.0) == Approx (bassAlone).margin (0.2));
}

TEST_CASE ("solo keeps a soloed track's group and the solo-safe returns audible, and mutes the rest", "[engine][routing][solo]")
{
    TempFolder dir;
    writeAudio (dir / "a.wav", 1, 48000, 4800, [] (int64_t, int) { return 0.1f; });
    writeAudio (dir / "b.wav", 1, 48000, 4800, [] (int64_t, int) { return 0.01f; });
    auto session = sessionOf ({ dir / "a.wav", dir / "b.wav" });
    session.panLaw = PanLaw::zeroDb;
    session.buses = { bus ("grp", BusKind::group), bus ("verb", BusKind::aux) };
    session.tracks[0].output = "grp";
    session.tracks[0].solo = true;
    session.tracks[0].sends = { { "verb", 0.0, 0.0, false } };
    session.tracks[1].sends = { { "verb", 0.0, 0.0, false } };
    const auto soloed = renderFloat (session, dir);
    // Track a through its group (0.1) plus its send through the return
    // (0.1); track b and its send are muted.
    CHECK (soloed.samples[2000 * 2] == Approx (0.2f).margin (1e-6));
    // A return that is not solo-safe is muted with the rest... unless it
    // is fed by the soloed track, which it is here: still heard.
    session.buses[1].soloSafe = false;
    CHECK (renderFloat (session, dir).samples[2000 * 2] == Approx (0.2f).margin (1e-6));
    // Solo the other track instead: a's group is muted, the safe return
    // carries only b's send.
    session.buses[1].soloSafe = true;
    session.tracks[0].solo = false;
    session.tracks[1].solo = true;
    CHECK (renderFloat (session, dir).samples[2000 * 2] == Approx (0.02f).margin (1e-6));
}

TEST_CASE ("renders with 1, 2 and 8 graph threads and any block size are byte-identical, with buses, sends, keys and space", "[engine][routing][threads]")
{
    TempFolder dir;
    std::vector<std::filesystem::path> files;
    for (int k = 0; k < 6; ++k)
    {
        files.push_back (dir / ("s" + std::to_string (k) + ".wav"));
        writeAudio (files.back(), 1 + k % 2, 48000, 48000, [k] (int64_t i, int ch) { return noise (i + 977 * k, ch) * (0.5f + 0.1f * (float) k); });
    }
    auto session = sessionOf (files);
    session.buses = { bus ("drums", BusKind::group), bus ("verb", BusKind::aux), bus ("delay", BusKind::aux) };
    session.buses[0].sends = { { "verb", -6, 0, false } };
    session.buses[0].strip.set ("compressor.enabled", 1);
    session.buses[1].strip.set ("eq.enabled", 1);
    session.buses[1].strip.set ("eq.band1.on", 1);
    session.buses[1].strip.set ("reverb.enabled", 1);
    session.buses[1].strip.set ("reverb.decaySeconds", 1.2);
    session.buses[2].strip.set ("delay.enabled", 1);
    session.buses[2].strip.set ("delay.noteValue", 4);   // eighths at the session's tempo
    session.buses[2].strip.set ("delay.pingPong", 1);
    session.tempoBpm = 93;
    session.tracks[3].strip.set ("chorus.enabled", 1);
    for (size_t t = 0; t < session.tracks.size(); ++t)
    {
        auto& track = session.tracks[t];
        track.pan = -60 + 20.0 * (double) t;
        track.strip.set ("compressor.enabled", 1);
        track.strip.set ("filters.enabled", 1);
        track.strip.set ("filters.highPassOn", 1);
        if (t < 3)
            track.output = "drums";
        track.sends = { { "verb", -12.0 + (double) t, 10.0 * (double) t, t % 2 == 0 }, { "delay", -20, 0, true } };
    }
    session.tracks[4].sidechain = "t1";
    session.tracks[5].sidechain = "drums";
    PlanBuilder::Options options;
    options.makeInserts = [] (const ChannelDocument& channel, ProcessorChain& chain) {
        if (channel.id == "drums")
            chain.add (std::make_unique<LatentInsert> (64));
        if (channel.id == "t2")
            chain.add (std::make_unique<LatentInsert> (13));
    };
    const auto reference = renderFloat (session, dir, { 1024, 1, options });
    CHECK (peakOf (reference) > 0.1f);
    for (auto [threads, block] : { std::pair { 2, 1024 }, { 8, 1024 }, { 1, 32 }, { 8, 480 }, { 2, 4096 } })
    {
        CAPTURE (threads, block);
        const auto again = renderFloat (session, dir, { block, threads, options });
        CHECK (again.samples == reference.samples);
    }
}

TEST_CASE ("an aux bus with a reverb, fed by a send, returns a tail at the send's level; space modules cost nothing until switched on", "[engine][routing][space]")
{
    TempFolder dir;
    writeAudio (dir / "click.wav", 1, 48000, 96000, [] (int64_t i, int) { return i == 0 ? 0.5f : 0.0f; });
    auto session = sessionOf ({ dir / "click.wav" });
    session.buses = { bus ("verb", BusKind::aux) };
    session.tracks[0].faderDb = -96;
    session.tracks[0].sends = { { "verb", -96, 0, false } };
    session.buses[0].strip.set ("reverb.enabled", 1);
    session.buses[0].strip.set ("reverb.decaySeconds", 1.0);
    session.buses[0].strip.set ("reverb.preDelayMs", 0);

    MediaPool media (dir / "cache");
    PlanBuilder builder (media, {});
    builder.build (session);
    CHECK (builder.runtimeFor ("verb")->strip.hasSpaceModule (StripModule::reverb));
    CHECK_FALSE (builder.runtimeFor ("verb")->strip.hasSpaceModule (StripModule::delay));
    CHECK_FALSE (builder.runtimeFor ("t1")->strip.hasSpaceModule (StripModule::reverb));

    // A send at -inf: only silence comes back.
    CHECK (peakOf (renderFloat (session, dir)) == 0.0f);
    // Pre-fader at -6 dB: the tail is there, and 6 dB lower than at 0 dB.
    session.tracks[0].sends[0] = { "verb", -6, 0, true };
    const auto quieter = renderFloat (session, dir);
    session.tracks[0].sends[0].levelDb = 0;
    const auto louder = renderFloat (session, dir);
    double energyQuiet = 0, energyLoud = 0;
    for (size_t i = 0; i < quieter.samples.size(); ++i)
    {
        energyQuiet += (double) quieter.samples[i] * quieter.samples[i];
        energyLoud += (double) louder.samples[i] * louder.samples[i];
    }
    CHECK (energyLoud > 0);
    CHECK (10 * std::log10 (energyLoud / energyQuiet) == Approx (6.0).margin (0.01));
    // The tail is still going half a second in, and gone (RT60 = 1 s) by 1.9 s.
    float late = 0, end = 0;
    for (int64_t i = 24000; i < 26400; ++i)
        late = std::max (late, std::abs (louder.samples[(size_t) (2 * i)]));
    for (int64_t i = 91200; i < 96000; ++i)
        end = std::max (end, std::abs (louder.samples[(size_t) (2 * i)]));
    CHECK (late > 1e-4f);
    CHECK (end < late * 1e-2f);
}

TEST_CASE ("stems are aligned to the session's start whatever latency lies on their path", "[engine][routing][stems][latency]")
{
    TempFolder dir;
    writeAudio (dir / "n.wav", 2, 48000, 6000, noise);
    auto session = sessionOf ({ dir / "n.wav", dir / "n.wav" });
    session.buses = { bus ("grp", BusKind::group) };
    session.tracks[0].output = "grp";
    PlanBuilder::Options options;
    options.makeInserts = [] (const ChannelDocument& channel, ProcessorChain& chain) {
        if (channel.id == "grp")
            chain.add (std::make_unique<LatentInsert> (301));
    };
    MediaPool media (dir / "cache");
    RenderRequest request;
    request.stemsFolder = dir / "stems";
    request.format = { Container::wav, SampleEncoding::float32 };
    request.builderOptions = options;
    const auto report = renderSession (session, request, media);
    REQUIRE (report.stems.size() == 3);
    const auto track = readAudio (report.stems[0]), other = readAudio (report.stems[1]), group = readAudio (report.stems[2]);
    REQUIRE (group.frames() == 6000);
    CHECK (group.samples == track.samples);   // 301 samples later in the graph, not in the file
    CHECK (other.samples == track.samples);
}

TEST_CASE ("a key reaching a compressor through a latent bus is aligned with the audio it ducks", "[engine][routing][sidechain][latency]")
{
    TempFolder dir;
    writeAudio (dir / "bass.wav", 1, 48000, 48000, [] (int64_t i, int) { return 0.05f * (float) std::sin (2 * std::numbers::pi * 100 * (double) i / 48000); });
    writeAudio (dir / "kick.wav", 1, 48000, 48000, [] (int64_t i, int) { return i % 12000 < 2400 ? 0.8f * (float) std::sin (2 * std::numbers::pi * 60 * (double) i / 48000) : 0.0f; });
    auto session = sessionOf ({ dir / "kick.wav", dir / "bass.wav" });
    // The kick feeds a bus that is never heard (fader at -inf) but keys the bass's compressor.
    session.buses = { bus ("key", BusKind::group) };
    session.buses[0].faderDb = -96;
    session.tracks[0].output = "key";
    auto& bass = session.tracks[1];
    bass.sidechain = "key";
    for (auto [key, value] : std::initializer_list<std::pair<const char*, double>> {
             { "compressor.enabled", 1 }, { "compressor.thresholdDb", -20 }, { "compressor.ratio", 10 }, { "compressor.attackMs", 1 },
             { "compressor.releaseMs", 20 } })
        bass.strip.set (key, value);
    const auto direct = renderFloat (session, dir);
    // The same with 301 samples of latency on the key's bus: the bass waits for its key, and the render is the same.
    PlanBuilder::Options options;
    options.makeInserts = [] (const ChannelDocument& channel, ProcessorChain& chain) {
        if (channel.id == "key")
            chain.add (std::make_unique<LatentInsert> (301));
    };
    const auto latent = renderFloat (session, dir, { 1024, 0, options });
    REQUIRE (latent.frames() == direct.frames());
    float worst = 0;
    for (size_t i = 0; i < direct.samples.size(); ++i)
        worst = std::max (worst, std::abs (latent.samples[i] - direct.samples[i]));
    CHECK (worst <= 1e-6f);
}
