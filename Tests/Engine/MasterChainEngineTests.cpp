// The master chain in the engine: the session's modules run after the mix
// bus, their latency compensated, switched off without a click or a shift
// in time, kept across recompiles; --pre-master renders the mix bus; every
// kind the model knows is made with its own parameters.
#include "Core/MasterModules.h"
#include "Engine/MasterModuleFactory.h"
#include "Engine/SessionPlayer.h"
#include "Helpers/FloatRender.h"
#include "Helpers/SessionBuilder.h"
#include "Session/MasterChainModel.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace crest;
using namespace crest::test;

namespace
{
// A stereo file whose channels differ: L a 440 Hz sine, R a 660 Hz one.
void writeStereoTones (const std::filesystem::path& file, double seconds, float amplitude)
{
    writeAudio (file, 2, 48000, (int64_t) (seconds * 48000), [=] (int64_t i, int ch) {
        return amplitude * (float) std::sin (2 * M_PI * (ch == 0 ? 440.0 : 660.0) * (double) i / 48000.0);
    });
}

SessionDocument stereoSession (const TempFolder& dir, float amplitude = 0.25f)
{
    writeStereoTones (dir / "tones.wav", 1.0, amplitude);
    auto session = sessionOf ({ dir / "tones.wav" });
    session.tracks[0].channels = 2;
    session.panLaw = PanLaw::zeroDb;
    return session;
}
} // namespace

TEST_CASE ("every master module kind is made with exactly its kind's parameters", "[engine][master]")
{
    for (const auto& kind : masterModuleKinds())
    {
        INFO (kind.key);
        auto processor = makeMasterModule (kind.key);
        REQUIRE (processor != nullptr);
        const auto specs = processor->parameterSpecs();
        REQUIRE (specs.size() == kind.parameters.size());
        for (size_t i = 0; i < specs.size(); ++i)
            CHECK (specs[i].id == kind.parameters[i].id);
    }
    CHECK (makeMasterModule ("reverb") == nullptr);
}

TEST_CASE ("a session renders through its master chain; an empty chain leaves the mix as it was", "[engine][master][render]")
{
    TempFolder dir;
    auto session = stereoSession (dir);
    const auto mix = renderFloat (session, dir);

    // Width at 0 % folds the image to mono: both channels (L + R) / 2.
    session.masterChain.add ("width").set ("widthPercent", 0);
    const auto mono = renderFloat (session, dir);
    REQUIRE (mono.frames() == mix.frames());
    for (int64_t i = 0; i < mix.frames(); i += 7)
    {
        const float mid = 0.5f * (mix.samples[(size_t) (2 * i)] + mix.samples[(size_t) (2 * i + 1)]);
        REQUIRE (mono.samples[(size_t) (2 * i)] == Approx (mid).margin (1e-6));
        REQUIRE (mono.samples[(size_t) (2 * i + 1)] == Approx (mid).margin (1e-6));
    }

    // --pre-master renders the mix bus, the same bits as no chain at all.
    RenderRequest request;
    TempFolder other;
    request.output = other / "pre.wav";
    request.format = { Container::wav, SampleEncoding::float32 };
    request.preMaster = true;
    MediaPool media;
    renderSession (session, request, media);
    CHECK (readAudio (other / "pre.wav").samples == mix.samples);
}

TEST_CASE ("a latent master chain is compensated: below the ceiling the master is the mix, aligned to the sample", "[engine][master][latency]")
{
    TempFolder dir;
    auto session = stereoSession (dir, 0.25f);
    const auto mix = renderFloat (session, dir);
    // The limiter looks ahead 1.5 ms, saturation's filters 36 samples and
    // the linear-phase EQ 9216: the render takes all off, so nothing moves
    // in time.
    session.masterChain.add ("lpeq");
    session.masterChain.add ("limiter");
    auto& saturation = session.masterChain.add ("saturation");
    saturation.set ("mix", 0);   // dry: the delayed input, exactly
    const auto mastered = renderFloat (session, dir);
    REQUIRE (mastered.frames() == mix.frames());
    double worst = 0;
    for (size_t i = 0; i < mix.samples.size(); ++i)
        worst = std::max (worst, (double) std::abs (mastered.samples[i] - mix.samples[i]));
    CHECK (worst < 1e-6);   // -120 dB
}

TEST_CASE ("a bypassed master module passes the mix in time, and switching it cross-fades without a click", "[engine][master][bypass]")
{
    TempFolder dir;
    auto session = stereoSession (dir, 0.5f);
    auto& limiter = session.masterChain.add ("limiter");
    limiter.set ("inputGainDb", 12);   // hard limiting: the difference is big
    const auto limited = renderFloat (session, dir);
    limiter.enabled = false;
    const auto bypassed = renderFloat (session, dir);
    const auto limiterDocument = limiter;
    session.masterChain.modules.clear();
    const auto mix = renderFloat (session, dir);
    CHECK (bypassed.samples == mix.samples);   // the delayed dry path, compensated: the mix exactly
    double difference = 0;
    for (size_t i = 0; i < mix.samples.size(); ++i)
        difference = std::max (difference, (double) std::abs (limited.samples[i] - mix.samples[i]));
    CHECK (difference > 0.1);

    // Live: switch the limiter off mid-play; the output glides from one to the other.
    auto slot = makeMasterSlot (limiterDocument, 48000, 512);
    slot->enabled = true;
    std::vector<float> left (48000), right (48000);
    for (int i = 0; i < 48000; ++i)
        left[(size_t) i] = right[(size_t) i] = 0.5f * (float) std::sin (2 * M_PI * 100.0 * i / 48000.0);
    float maxStep = 0;
    for (int start = 0; start < 48000; start += 512)
    {
        if (start == 24064)
            slot->enabled = false;
        float* io[2] = { left.data() + start, right.data() + start };
        slot->process ({ io, 2, std::min (512, 48000 - start) });
    }
    for (size_t i = 1000; i < left.size(); ++i)
        maxStep = std::max (maxStep, std::abs (left[i] - left[i - 1]));
    // A 100 Hz sine at 0.5 moves at most 0.0066 a sample; the limited one
    // (near 1.0 before the ceiling) about 0.013; a click would be far more.
    CHECK (maxStep < 0.02f);
}

TEST_CASE ("master values move live without a recompile; reordering keeps each module's state", "[engine][master][player]")
{
    SessionModel model;
    MediaPool media;
    SessionPlayer player (model, media);
    MasterChainModel chain (model);
    model.beginGesture ("Add");
    auto width = chain.add ("width");
    chain.add ("limiter");
    const auto runtime = player.master();
    REQUIRE (runtime->slots().size() == 2);
    const auto widthSlot = player.master()->slot (width[ids::id].toString().toStdString());
    REQUIRE (widthSlot != nullptr);

    model.beginGesture ("Width");
    chain.setValue (width, "widthPercent", 150);
    CHECK (player.master() == runtime);   // no new runtime: the value went straight to the module
    CHECK (widthSlot->processor().parameterSpecs()[0].id == "widthPercent");
    CHECK (dynamic_cast<ParameterizedProcessor&> (widthSlot->processor()).parameter (0) == 150);
    model.beginGesture ("Bypass");
    chain.setEnabled (width, false);
    CHECK_FALSE (widthSlot->enabled.load());

    model.beginGesture ("Move");
    chain.move (0, 1);
    REQUIRE (player.master() != runtime);   // a new order is a new runtime...
    CHECK (player.master()->slots()[1].slot == widthSlot);   // ...with the same module in it
    model.undoManager().undo();   // the move
    CHECK (player.master()->slots()[0].slot == widthSlot);
    model.undoManager().undo();   // the bypass, straight to the module
    CHECK (widthSlot->enabled.load());
    model.undoManager().undo();   // the value too
    CHECK (dynamic_cast<ParameterizedProcessor&> (widthSlot->processor()).parameter (0) == 100);
}
