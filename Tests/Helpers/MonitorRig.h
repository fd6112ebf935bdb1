// The engine driven as a device callback would, for the monitor's tests:
// a session's plan published, the streamer loading ahead of each block on
// the test's thread, the live loudness meters fed from the engine's tap.
// `live` streams the session's reference tracks, as SessionPlayer does.
#pragma once

#include "Analysis/LiveLoudness.h"
#include "Engine/Engine.h"
#include "Engine/PlanBuilder.h"

#include <filesystem>
#include <functional>
#include <vector>

namespace crest::test
{
struct MonitorRig
{
    explicit MonitorRig (const SessionDocument& session, bool live = false)
        : builder (media, options (live)), loudness (session.sampleRate)
    {
        engine.plans().publish (builder.build (session));
        streamer.setPlacements (builder.placements());
        engine.setMeterTap (&loudness.tap());
        engine.transport().playing = true;
    }

    // Plays from `start` for `frames`; returns what was heard, interleaved.
    // `atBlock` runs before each 512-frame block with the frames done.
    std::vector<float> play (int64_t start, int frames, const std::function<void (int)>& atBlock = {})
    {
        engine.transport().requestSeek (start);
        std::vector<float> heard ((size_t) frames * 2), left (512), right (512);
        for (int done = 0; done < frames; done += 512)
        {
            const int n = std::min (512, frames - done);
            if (atBlock)
                atBlock (done);
            float* out[] = { left.data(), right.data() };
            streamer.prefetch (engine.transport().seekRequest.load() >= 0 ? start : engine.transport().position.load(), n);
            engine.process (out, 2, n);
            for (int i = 0; i < n; ++i)
            {
                heard[(size_t) (2 * (done + i))] = left[(size_t) i];
                heard[(size_t) (2 * (done + i) + 1)] = right[(size_t) i];
            }
            loudness.update();
        }
        return heard;
    }

    static PlanBuilder::Options options (bool live)
    {
        PlanBuilder::Options o;
        o.withReferences = live;
        return o;
    }

    MediaPool media { std::filesystem::temp_directory_path() / "crest-test-cache" };
    PlanBuilder builder;
    DiskStreamer streamer;
    Engine engine { streamer };
    LiveLoudness loudness;
};
} // namespace crest::test
