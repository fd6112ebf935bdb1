#include "MediaPool.h"

#include "AudioFileReader.h"
#include "Core/CrestError.h"
#include "SampleRateConverter.h"

#include <cstdlib>
#include <functional>
#include <sstream>

namespace crest
{
namespace fs = std::filesystem;

MediaPool::MediaPool (fs::path folder) : cacheFolder (std::move (folder)) {}

fs::path MediaPool::defaultCacheFolder()
{
    if (const char* own = std::getenv ("CREST_CACHE_DIR"); own != nullptr && *own != 0)
        return own;
    if (const char* xdg = std::getenv ("XDG_CACHE_HOME"); xdg != nullptr && *xdg != 0)
        return fs::path (xdg) / "crest";
    if (const char* home = std::getenv ("HOME"); home != nullptr && *home != 0)
        return fs::path (home) / ".cache" / "crest";
    return fs::temp_directory_path() / "crest-cache";
}

const MediaSource& MediaPool::resolve (const fs::path& file, double sessionRate, const Progress& progress)
{
    std::error_code ec;
    const auto size = fs::file_size (file, ec);
    const auto mtime = fs::last_write_time (file, ec).time_since_epoch().count();
    std::ostringstream keyStream;
    keyStream << file.string() << '|' << sessionRate << '|' << size << '|' << mtime;
    const auto key = keyStream.str();

    std::lock_guard<std::mutex> guard (lock);
    if (auto found = sources.find (key); found != sources.end())
        return found->second;

    MediaSource source;
    source.identity = key;
    source.original = file;
    try
    {
        const auto info = readAudioFileInfo (file);
        source.originalRate = info.sampleRate;
        if (info.sampleRate == sessionRate)
        {
            source.playable = file;
            source.info = info;
        }
        else
        {
            std::ostringstream name;
            name << std::hex << std::hash<std::string> {}(key) << "-" << std::dec << (int) sessionRate << ".wav";
            source.playable = cacheFolder / name.str();
            // The converted copy holds silence where the source held NaN or
            // Inf; the warning comes from the source.
            int64_t nonFinite = 0;
            if (! fs::exists (source.playable, ec))
            {
                fs::create_directories (cacheFolder, ec);
                convertSampleRate (
                    file, source.playable, sessionRate,
                    [&] (double fraction) {
                        if (progress)
                            progress ("Converting " + file.filename().string(), fraction);
                    },
                    &nonFinite);
            }
            else if (! describeNonFiniteSamples (file).empty())
                nonFinite = 1;
            if (nonFinite > 0)
                source.warning = nonFiniteWarning (file);
            source.info = readAudioFileInfo (source.playable);
        }
        source.online = true;
    }
    catch (const CrestError& e)
    {
        source.online = false;
        source.problem = e.what();
    }
    return sources.emplace (key, std::move (source)).first->second;
}
} // namespace crest
