// The arrange view driven by the mouse and its commands: dragging a clip
// moves it in the model and in what renders, undo puts it back; edges
// trim, corners fade, split cuts at the playhead; waveforms are built in
// the background and cached beside the session.
#include "Gui/Arrange/ArrangeView.h"

#include "GuiDriver.h"

#include "Engine/SessionPlayer.h"
#include "Helpers/FloatRender.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"
#include "IO/MediaPool.h"
#include "Render/OfflineRenderer.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace crest;
using namespace crest::test;

namespace
{
constexpr int64_t burstAt = 4800;   // 0.1 s into the file

// Silence with one loud burst, so a render shows where the clip plays.
SessionDocument burstSession (const TempFolder& dir)
{
    writeAudio (dir / "burst.wav", 1, 48000, 96000, [] (int64_t n, int) {
        return n >= burstAt && n < burstAt + 480 ? 0.5f : 0.0f;
    });
    auto session = sessionOf ({ dir / "burst.wav" });
    session.tracks[0].clips[0].startSample = 48000;
    return session;
}

// The first frame of the render louder than -40 dBFS, or -1.
int64_t firstSoundIn (const SessionDocument& session, const TempFolder& dir)
{
    const auto audio = renderFloat (session, dir);
    for (int64_t f = 0; f < audio.frames(); ++f)
        if (std::abs (audio.samples[(size_t) (f * audio.channels)]) > 0.01f)
            return f;
    return -1;
}

struct ArrangeFixture
{
    TempFolder dir;
    MediaPool media { dir / "cache" };
    SessionModel model;
    std::unique_ptr<SessionPlayer> player;
    std::unique_ptr<ArrangeView> arrange;

    explicit ArrangeFixture (const SessionDocument& session)
    {
        model.load (session);
        player = std::make_unique<SessionPlayer> (model, media);
        arrange = std::make_unique<ArrangeView> (model, *player, media);
        arrange->setSize (1400, 500);
        arrange->sessionOpened (dir / "song.crest");
        settle();
    }

    TrackLane& lane (int track) { return *arrange->laneFor (model.track (track)); }
    juce::ValueTree clip (int track, int index = 0) { return model.track (track).getChild (index); }
    ClipDocument clipDoc (int track, int index = 0) { return SessionModel::clipOf (clip (track, index)); }
};
} // namespace

TEST_CASE ("arrange: dragging a clip moves it in the model and in the render; undo restores it", "[gui][arrange]")
{
    TempFolder scratch;
    ArrangeFixture f (burstSession (scratch));
    CHECK (firstSoundIn (f.model.toDocument(), f.dir) == 48000 + burstAt);

    auto& lane = f.lane (0);
    const auto box = lane.clipBounds (f.clipDoc (0));
    const auto from = box.getCentre();
    // Shift: free of the beat grid, so the move is exactly what was dragged.
    drag (lane, from, from + juce::Point<float> (120.0f, 0.0f), juce::ModifierKeys::shiftModifier);
    settle();

    const auto expected = 48000 + (int64_t) std::llround (120.0 * f.arrange->scale().samplesPerPixel);
    CHECK (f.clipDoc (0).startSample == expected);
    CHECK (f.model.undoManager().getUndoDescription() == "Move clip");
    CHECK (firstSoundIn (f.model.toDocument(), f.dir) == expected + burstAt);
    CHECK (f.arrange->isSelected (f.clip (0)));

    f.model.undoManager().undo();
    CHECK (f.clipDoc (0).startSample == 48000);
    CHECK (firstSoundIn (f.model.toDocument(), f.dir) == 48000 + burstAt);
}

TEST_CASE ("arrange: with snap on, a moved clip lands on the beat grid", "[gui][arrange]")
{
    TempFolder scratch;
    ArrangeFixture f (burstSession (scratch));
    auto& lane = f.lane (0);
    const auto from = lane.clipBounds (f.clipDoc (0)).getCentre();
    drag (lane, from, from + juce::Point<float> (97.0f, 0.0f));
    const auto start = f.clipDoc (0).startSample;
    CHECK (start != 48000);
    CHECK (start % 24000 == 0);   // a beat at 120 BPM (or a multiple)
}

TEST_CASE ("arrange: edges trim the clip and the top corners fade it, each one undo step", "[gui][arrange]")
{
    TempFolder scratch;
    ArrangeFixture f (burstSession (scratch));
    auto& lane = f.lane (0);
    const auto spp = f.arrange->scale().samplesPerPixel;
    const auto original = f.clipDoc (0);

    auto box = lane.clipBounds (original);
    juce::ValueTree under;
    REQUIRE (lane.zoneAt ({ (int) box.getX() + 2, (int) box.getCentreY() }, under) == TrackLane::Zone::startEdge);
    drag (lane, { box.getX() + 2.0f, box.getCentreY() }, { box.getX() + 42.0f, box.getCentreY() }, juce::ModifierKeys::shiftModifier);
    auto trimmed = f.clipDoc (0);
    CHECK (trimmed.startSample == original.startSample + (int64_t) std::llround (40 * spp));
    CHECK (trimmed.sourceOffsetSamples == (int64_t) std::llround (40 * spp));
    CHECK (trimmed.startSample + trimmed.lengthSamples == original.startSample + original.lengthSamples);
    f.model.undoManager().undo();
    CHECK (f.clipDoc (0) == original);

    box = lane.clipBounds (original);
    REQUIRE (lane.zoneAt ({ (int) box.getX() + 1, (int) box.getY() + 3 }, under) == TrackLane::Zone::fadeIn);
    drag (lane, { box.getX() + 1.0f, box.getY() + 3.0f }, { box.getX() + 61.0f, box.getY() + 3.0f });
    CHECK (f.clipDoc (0).fadeInSamples == (int64_t) std::llround (60 * spp));
    CHECK (f.model.undoManager().getUndoDescription() == "Fade in");
    CHECK (f.clipDoc (0).startSample == original.startSample);
}

TEST_CASE ("arrange: split at the playhead, duplicate and delete act on the selection", "[gui][arrange]")
{
    TempFolder scratch;
    ArrangeFixture f (burstSession (scratch));
    f.arrange->seek (48000 + 30000);
    f.arrange->selectClip (f.clip (0));
    REQUIRE (f.arrange->splitAtPlayhead());
    REQUIRE (f.model.track (0).getNumChildren() == 2);
    CHECK (f.clipDoc (0, 0).lengthSamples == 30000);
    CHECK (f.clipDoc (0, 1).startSample == 78000);
    // The two halves play exactly as the whole did.
    CHECK (firstSoundIn (f.model.toDocument(), f.dir) == 48000 + burstAt);

    f.arrange->selectClip (f.clip (0, 0));
    REQUIRE (f.arrange->duplicateSelection());
    CHECK (f.model.track (0).getNumChildren() == 3);
    CHECK (f.clipDoc (0, 2).startSample == 78000);   // right after the first half
    REQUIRE (f.arrange->deleteSelection());
    CHECK (f.model.track (0).getNumChildren() == 2);

    f.model.undoManager().undo();   // delete
    f.model.undoManager().undo();   // duplicate
    f.model.undoManager().undo();   // split
    CHECK (f.model.track (0).getNumChildren() == 1);
    CHECK (f.clipDoc (0).lengthSamples == 96000);
}

TEST_CASE ("arrange: waveforms are built in the background and cached beside the session", "[gui][arrange]")
{
    TempFolder scratch;
    ArrangeFixture f (burstSession (scratch));
    // Painting asks for the overview; the worker builds it.
    juce::Image image (juce::Image::ARGB, 1400, 500, true);
    juce::Graphics g (image);
    f.arrange->paintEntireComponent (g, true);
    REQUIRE (f.arrange->waveforms().waitUntilIdle (10000));
    const auto media = f.arrange->mediaFor (f.clipDoc (0).file);
    const auto overview = f.arrange->waveforms().find (media.playable, media.identity);
    REQUIRE (overview != nullptr);
    CHECK (overview->range (0, burstAt, burstAt + 480).high == Approx (0.5).margin (0.01));
    CHECK (overview->range (0, 0, burstAt - 256).high == 0.0f);
    CHECK (std::filesystem::exists (f.dir / ".crest-peaks" / PeakOverview::cacheNameFor (media.identity)));
}

TEST_CASE ("arrange: dragging a track's header down moves the track there, one undo step", "[gui][arrange]")
{
    TempFolder dir;
    writeAudio (dir / "a.wav", 1, 48000, 4800, [] (int64_t, int) { return 0.1f; });
    writeAudio (dir / "b.wav", 1, 48000, 4800, [] (int64_t, int) { return 0.1f; });
    writeAudio (dir / "c.wav", 1, 48000, 4800, [] (int64_t, int) { return 0.1f; });
    ArrangeFixture f (sessionOf ({ dir / "a.wav", dir / "b.wav", dir / "c.wav" }));
    auto* header = findChild<TrackHeader> (*f.arrange, "Track header");
    REQUIRE (header != nullptr);
    REQUIRE (header->track()[ids::name].toString() == "a");
    // From the first row's middle to the third row's.
    const auto from = juce::Point<float> (40.0f, ArrangeView::rowHeight * 0.5f);
    drag (*header, from, from + juce::Point<float> (0.0f, ArrangeView::rowHeight * 2.0f));
    settle();
    CHECK (f.model.track (0)[ids::name].toString() == "b");
    CHECK (f.model.track (1)[ids::name].toString() == "c");
    CHECK (f.model.track (2)[ids::name].toString() == "a");
    CHECK (f.model.undoManager().getUndoDescription() == "Move track");
    f.model.undoManager().undo();
    CHECK (f.model.track (0)[ids::name].toString() == "a");
}
