#include "WaveformCache.h"

#include "IO/MediaPool.h"

#include <unistd.h>

namespace crest
{
namespace fs = std::filesystem;

WaveformCache::WaveformCache() : juce::Thread ("Crest waveforms")
{
    startThread (juce::Thread::Priority::low);
}

WaveformCache::~WaveformCache()
{
    cancelBuild = true;
    signalThreadShouldExit();
    workArrived.signal();
    stopThread (10000);
    cancelPendingUpdate();
}

void WaveformCache::setSessionFile (const fs::path& sessionFile)
{
    std::lock_guard<std::mutex> guard (lock);
    sessionFolder = sessionFile.empty() ? fs::path() : sessionFile.parent_path();
}

fs::path WaveformCache::cacheFolder() const
{
    if (! sessionFolder.empty())
    {
        const auto beside = sessionFolder / ".crest-peaks";
        std::error_code ec;
        fs::create_directories (beside, ec);
        if (! ec && access (beside.c_str(), W_OK) == 0)
            return beside;
    }
    return MediaPool::defaultCacheFolder() / "peaks";
}

std::shared_ptr<const PeakOverview> WaveformCache::find (const fs::path& playable, const std::string& identity)
{
    {
        std::lock_guard<std::mutex> guard (lock);
        if (auto found = ready.find (identity); found != ready.end())
            return found->second;
        if (failed.count (identity) > 0)
            return nullptr;
        // The newest request first: what is on screen now.
        std::erase_if (queue, [&] (const Job& j) { return j.identity == identity; });
        queue.push_back ({ playable, identity });
    }
    workArrived.signal();
    return nullptr;
}

WaveformCache::Activity WaveformCache::activity() const
{
    std::lock_guard<std::mutex> guard (lock);
    auto a = current;
    a.waiting = (int) queue.size();
    return a;
}

bool WaveformCache::waitUntilIdle (int timeoutMs)
{
    const auto until = juce::Time::getMillisecondCounter() + (juce::uint32) timeoutMs;
    while (juce::Time::getMillisecondCounter() < until)
    {
        {
            std::lock_guard<std::mutex> guard (lock);
            if (queue.empty() && current.file.isEmpty())
                return true;
        }
        juce::Thread::sleep (5);
    }
    return false;
}

void WaveformCache::retainOnly (const std::set<std::string>& identities)
{
    std::lock_guard<std::mutex> guard (lock);
    std::erase_if (ready, [&] (const auto& entry) { return ! identities.contains (entry.first); });
    std::erase_if (failed, [&] (const auto& entry) { return ! identities.contains (entry.first); });
}

void WaveformCache::run()
{
    while (! threadShouldExit())
    {
        Job job;
        fs::path folder;
        bool saving = true;
        {
            std::lock_guard<std::mutex> guard (lock);
            if (! queue.empty())
            {
                job = queue.back();
                queue.pop_back();
                current = { juce::String (job.playable.filename().string()), 0.0, 0 };
                saving = persistent;
                if (saving)
                    folder = cacheFolder();
            }
        }
        if (job.identity.empty())
        {
            workArrived.wait (200);
            continue;
        }

        const auto cacheFile = folder / PeakOverview::cacheNameFor (job.identity);
        std::shared_ptr<const PeakOverview> overview;
        juce::String problem;
        if (auto cached = saving ? PeakOverview::load (cacheFile, job.identity) : std::nullopt)
            overview = std::make_shared<const PeakOverview> (std::move (*cached));
        else
        {
            try
            {
                auto built = PeakOverview::build (
                    job.playable,
                    [this] (double fraction) {
                        {
                            std::lock_guard<std::mutex> guard (lock);
                            current.fraction = fraction;
                        }
                        triggerAsyncUpdate();
                    },
                    &cancelBuild);
                if (saving)
                    built.save (cacheFile, job.identity);   // a cache that cannot be written only costs time next open
                overview = std::make_shared<const PeakOverview> (std::move (built));
            }
            catch (const std::exception& e)
            {
                problem = juce::String::fromUTF8 (e.what());
            }
        }
        {
            std::lock_guard<std::mutex> guard (lock);
            if (overview != nullptr)
                ready[job.identity] = overview;
            else
                failed[job.identity] = problem;
            current = {};
        }
        triggerAsyncUpdate();
    }
}

void WaveformCache::handleAsyncUpdate()
{
    if (onChange)
        onChange();
}
} // namespace crest
