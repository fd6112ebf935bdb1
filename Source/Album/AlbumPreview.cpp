#include "AlbumPreview.h"

#include "Core/CrestError.h"
#include "IO/AudioFileReader.h"

#include <algorithm>
#include <chrono>

namespace crest
{
AlbumPreview::AlbumPreview (std::filesystem::path cacheFolder) : cache (std::move (cacheFolder)), worker ([this] { run(); })
{
}

AlbumPreview::~AlbumPreview()
{
    {
        std::lock_guard guard (lock);
        quitting = true;
        cancel = true;
    }
    changed.notify_all();
    worker.join();
}

void AlbumPreview::prepare (AlbumDocument album)
{
    {
        std::lock_guard guard (lock);
        request = std::move (album);
        now = { "Waiting", 0.0, true };
        cancel = true;   // the running one stops at its next track
    }
    changed.notify_all();
}

AlbumPreview::Progress AlbumPreview::progress() const
{
    std::lock_guard guard (lock);
    return now;
}

std::optional<AlbumPreviewResult> AlbumPreview::takeResult()
{
    std::lock_guard guard (lock);
    return std::exchange (result, std::nullopt);
}

bool AlbumPreview::waitUntilIdle (int timeoutMs)
{
    std::unique_lock guard (lock);
    return changed.wait_for (guard, std::chrono::milliseconds (timeoutMs), [this] { return ! now.busy && ! request; });
}

void AlbumPreview::run()
{
    const int jobs = std::max (1, (int) std::thread::hardware_concurrency());
    for (;;)
    {
        AlbumDocument album;
        {
            std::unique_lock guard (lock);
            changed.wait (guard, [this] { return quitting || request.has_value(); });
            if (quitting)
                return;
            album = std::move (*request);
            request.reset();
            cancel = false;
            now = { "Mastering the tracks", 0.0, true };
        }
        AlbumPreviewResult prepared;
        prepared.album = album;
        // Called from the mastering's threads too: it only reports (the
        // mastering stops by itself, at its next track, once cancelled).
        auto report = [this] (const std::string& stage, double fraction) {
            std::lock_guard guard (lock);
            now = { stage, fraction, true };
        };
        bool cancelled = false;
        try
        {
            AlbumMastersRequest mastering;
            mastering.album = album;
            mastering.work = cache.folder() / "work";
            mastering.jobs = jobs;
            mastering.cache = &cache;
            mastering.cancel = &cancel;
            mastering.progress = report;
            prepared.masters = masterAlbumTracks (mastering);
            for (const auto& f : prepared.masters.files)
            {
                const auto info = AudioFileReader (f).info();
                prepared.channels.push_back (info.channels);
                prepared.frames.push_back (info.frames);
            }
            report ("Measuring the album", 0.0);
            prepared.program = assembleAlbum (prepared.masters.layout, prepared.masters.gainsDb, prepared.masters.files, {},
                                              album.sampleRate, std::nullopt, [&] (double f) {
                                                  if (cancel)
                                                      throw CrestError ("cancelled");   // on this thread: caught below
                                                  report ("Measuring the album", f);
                                              });
        }
        catch (const std::exception& e)   // a CrestError names the track; anything else is still only this run's
        {
            cancelled = cancel.load();
            prepared = {};
            prepared.album = album;
            prepared.problem = e.what();
        }
        catch (...)
        {
            cancelled = cancel.load();
            prepared = {};
            prepared.album = album;
            prepared.problem = "the album could not be prepared";
        }
        std::lock_guard guard (lock);
        if (! cancelled)
            result = std::move (prepared);
        now = { request ? "Waiting" : "", 0.0, request.has_value() };
        changed.notify_all();
    }
}
} // namespace crest
